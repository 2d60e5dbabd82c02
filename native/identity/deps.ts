/**
 * What the identity functions need from the engine. The custody log is taken as a minimal sink
 * so this module does not depend on its internals: `append` must join the caller's SQLite
 * transaction (as `CustodyLog.append` does, through a savepoint), so an entry and the change it
 * records commit or roll back together.
 */
import type { Clock } from '../core/context';
import type { Db } from '../storage/db';
import type { AppendInput } from '../custody/types';

/** Anything that appends custody entries inside the current transaction. */
export interface CustodySink {
  append(input: AppendInput): unknown;
}

/** Database, custody log and clock: the dependencies of every identity change. */
export interface IdentityDeps {
  db: Db;
  custody: CustodySink;
  clock: Clock;
}

/** The actor recorded for actions nobody signed in has taken (failed logins, set-up). */
export const SYSTEM_ACTOR = 'system';

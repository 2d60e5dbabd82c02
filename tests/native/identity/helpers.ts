/**
 * Shared fixtures for the identity tests: a temp data directory with a real database, a custody
 * sink that writes into that database (so its entries commit and roll back with the change),
 * and a runner for the real openssl CLI.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../native/core/context';
import type { AppendInput } from '../../../native/custody/types';
import type { AgencyInfo } from '../../../native/api/types';
import { dataLayout, type DataLayout } from '../../../native/storage/data-dir';
import { openDatabase, type Db } from '../../../native/storage/db';
import type { IdentityDeps } from '../../../native/identity/deps';

export const realClock: Clock = { now: () => new Date() };

export const agency: AgencyInfo = {
  name: '某市市场监督管理局',
  creditCode: '11110000000000000X',
  address: '某市某区人民路 1 号',
  supervisionPhone: '010-12345678',
};

/** A custody sink that INSERTs each entry into `settings` (key custody.NNNNNN) in the caller's transaction. */
export function dbSink(db: Db) {
  return {
    append(input: AppendInput) {
      const n = db
        .prepare("SELECT count(*) FROM settings WHERE key LIKE 'custody.%'")
        .pluck()
        .get() as number;
      db.prepare('INSERT INTO settings(key, value) VALUES (?, ?)').run(
        `custody.${String(n).padStart(6, '0')}`,
        JSON.stringify(input),
      );
    },
    /** The committed entries, oldest first. */
    entries(): AppendInput[] {
      return (
        db
          .prepare("SELECT value FROM settings WHERE key LIKE 'custody.%' ORDER BY key")
          .pluck()
          .all() as string[]
      ).map((v) => JSON.parse(v) as AppendInput);
    },
  };
}

export interface Fixture {
  dir: string;
  layout: DataLayout;
  db: Db;
  sink: ReturnType<typeof dbSink>;
  deps: IdentityDeps;
  cleanup(): void;
}

/**
 * A fresh data directory with a migrated database — empty, or a copy of `template` (a database
 * file saved with {@link saveTemplate}), so tests can share users whose RSA keys take ~1 s each.
 */
export function makeFixture(clock: Clock = realClock, template?: string): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'identity-'));
  const layout = dataLayout(dir);
  if (template) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(template, layout.database);
  }
  const db = openDatabase(layout.database, { create: true });
  const sink = dbSink(db);
  return {
    dir,
    layout,
    db,
    sink,
    deps: { db, custody: sink, clock },
    cleanup() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs the openssl CLI; returns exit status and output (never throws on a non-zero exit). */
export function openssl(
  args: string[],
  opts: { cwd?: string } = {},
): { status: number; stdout: string; stderr: string } {
  const r = spawnSync('openssl', args, {
    cwd: opts.cwd,
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C.UTF-8' },
  });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Captures the EngineError a function throws (sync or async); fails if it does not throw. */
export async function caught(
  fn: () => unknown,
): Promise<{ code: string; message: string; field?: string; hint?: string }> {
  try {
    await fn();
  } catch (err) {
    return err as { code: string; message: string; field?: string; hint?: string };
  }
  throw new Error('expected an error, but the call succeeded');
}

/** Checkpoints the WAL and copies the database file aside as a template for {@link makeFixture}. */
export function saveTemplate(f: Fixture): string {
  f.db.pragma('wal_checkpoint(TRUNCATE)');
  const path = join(mkdtempSync(join(tmpdir(), 'identity-template-')), 'template.db');
  copyFileSync(f.layout.database, path);
  return path;
}

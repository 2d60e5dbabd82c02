import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { EngineError, toEngineError } from '../core/errors';
import { latestVersion, migrations, type Migration } from './migrations';

export type Db = Database.Database;

/**
 * Opens (or creates, when `create` is set) the workstation database: WAL, foreign keys on,
 * migrations applied. synchronous=NORMAL: every commit survives a crash or kill of the process
 * (WAL), and `durably` below makes batch boundaries survive power loss too — one fsync per
 * batch instead of one per entry.
 * A missing database without `create` and a damaged file are reported as such.
 */
export function openDatabase(
  path: string,
  opts: { create?: boolean; upTo?: number; list?: Migration[] } = {},
): Db {
  if (!opts.create && !existsSync(path)) {
    throw new EngineError('DATABASE_MISSING', `No workstation database at ${path}.`, {
      hint: 'Run `workstation init` (or the first-run setup) for a new data directory, or point --data at the right one.',
    });
  }
  let db: Db | undefined;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Touch the schema so a non-database file fails here, not on first use.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    migrate(db, opts.list ?? migrations, opts.upTo ?? latestVersion);
    return db;
  } catch (err) {
    db?.close();
    throw toEngineError(err);
  }
}

/** Applies pending migrations up to `upTo`, each in its own transaction. */
export function migrate(db: Db, list: Migration[], upTo: number): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latestVersion) {
    throw new EngineError(
      'DATABASE_CORRUPT',
      `The database has schema version ${current}, newer than this workstation (${latestVersion}).`,
      { hint: 'Update the workstation software before opening this data directory.' },
    );
  }
  for (const m of list) {
    if (m.version <= current || m.version > upTo) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/** Reads a setting, or undefined. */
export function getSetting(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value;
}

/** Writes a setting (caller logs it in the custody log within the same transaction). */
export function putSetting(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/**
 * Runs `fn` in a transaction committed with synchronous=FULL. In WAL mode that fsyncs the log,
 * which makes this commit and every earlier one durable against power loss (the barrier after
 * each batch of work, where the signed checkpoint is written).
 */
export function durably<T>(db: Db, fn: () => T): T {
  const before = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = FULL');
  try {
    return db.transaction(fn)();
  } finally {
    // Restore what was there, so a nested call cannot weaken an outer one's commit.
    db.pragma(`synchronous = ${before}`);
  }
}

import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../native/storage/db';
import { latestVersion, migrations } from '../../../native/storage/migrations';
import { tempDir } from '../../helpers/cli';

/** Schema as SQLite stores it, for comparing an upgraded database with a fresh one. */
function schemaOf(path: string): string[] {
  const db = new Database(path, { readonly: true });
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all();
  db.close();
  return rows.map((r) => JSON.stringify(r));
}

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('upgrade a database from every earlier version to the same schema as a fresh one', () => {
    const fresh = join(tempDir(), 'fresh.db');
    openDatabase(fresh, { create: true }).close();
    for (let from = 0; from < latestVersion; from++) {
      const path = join(tempDir(), `from-${from}.db`);
      openDatabase(path, { create: true, upTo: from }).close();
      const db = openDatabase(path);
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
      db.close();
      expect(schemaOf(path)).toEqual(schemaOf(fresh));
    }
  });

  it('refuses a database written by a newer workstation', () => {
    const path = join(tempDir(), 'newer.db');
    const raw = new Database(path);
    raw.pragma(`user_version = ${latestVersion + 1}`);
    raw.close();
    expect(() => openDatabase(path)).toThrow(/newer than this workstation/);
  });

  it('sets WAL and foreign keys', () => {
    const db = openDatabase(join(tempDir(), 'p.db'), { create: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Clock } from '../core/context';
import { EngineError } from '../core/errors';
import type { Db } from '../storage/db';
import type { CustodySink } from '../identity/deps';

export interface WatchedFolder {
  id: number;
  path: string;
  label: string;
}

/** Folders whose sub-folders are treated as docked cameras (docking stations that copy to disk). */
export function listWatchedFolders(db: Db): WatchedFolder[] {
  return db.prepare('SELECT id, path, label FROM watched_folders ORDER BY path').all() as WatchedFolder[];
}

/** Adds a watched folder (must exist and be a directory); logged. */
export function addWatchedFolder(
  deps: { db: Db; custody: CustodySink; clock: Clock },
  path: string,
  label: string,
  actor: string,
): WatchedFolder {
  const abs = resolve(path);
  let isDir = false;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    /* reported below */
  }
  if (!isDir)
    throw new EngineError('BAD_INPUT', `${abs} is not an existing folder.`, {
      field: 'path',
      hint: 'Create the folder first, or pick another.',
    });
  return deps.db.transaction(() => {
    const existing = deps.db.prepare('SELECT id FROM watched_folders WHERE path = ?').pluck().get(abs);
    if (existing) throw new EngineError('CONFLICT', `${abs} is already watched.`, { field: 'path' });
    const id = Number(
      deps.db
        .prepare('INSERT INTO watched_folders(path, label, created_at) VALUES (?, ?, ?)')
        .run(abs, label, deps.clock.now().toISOString()).lastInsertRowid,
    );
    deps.custody.append({
      actor,
      action: 'settings.watched.add',
      subjects: [`watched:${id}`],
      details: { path: abs, label },
    });
    return { id, path: abs, label };
  })();
}

/** Stops watching a folder; logged. */
export function removeWatchedFolder(deps: { db: Db; custody: CustodySink }, id: number, actor: string): void {
  deps.db.transaction(() => {
    const row = deps.db.prepare('SELECT path FROM watched_folders WHERE id = ?').get(id) as
      { path: string } | undefined;
    if (!row) throw new EngineError('NOT_FOUND', `No watched folder #${id}.`, { field: 'id' });
    deps.db.prepare('DELETE FROM watched_folders WHERE id = ?').run(id);
    deps.custody.append({
      actor,
      action: 'settings.watched.remove',
      subjects: [`watched:${id}`],
      details: { path: row.path },
    });
  })();
}

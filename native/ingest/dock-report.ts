import type { DockFileView, DockView } from '../api/types';
import { EngineError } from '../core/errors';
import type { Db } from '../storage/db';
import { countFiles } from './dock-progress';

interface DockRow {
  id: number;
  volume_id: string;
  volume_path: string;
  volume_label: string;
  source: string;
  state: DockView['state'];
  started_by: string;
  started_at: string;
  finished_at: string | null;
  serial: string | null;
  code: string | null;
  name: string | null;
}

/** A dock and every file's outcome, as stored: the dock report. */
export function loadDockReport(db: Db, dockId: number): DockView {
  const d = db
    .prepare(
      `SELECT d.*, dev.serial, o.code, o.name FROM docks d LEFT JOIN devices dev ON dev.id = d.device_id
       LEFT JOIN officers o ON o.id = d.officer_id WHERE d.id = ?`,
    )
    .get(dockId) as DockRow | undefined;
  if (!d) throw new EngineError('NOT_FOUND', `No dock #${dockId}.`, { field: 'dockId' });
  const rows = db
    .prepare(
      'SELECT rel_path, size, state, sha256, media_id, error_code, error_message FROM dock_files WHERE dock_id = ? ORDER BY rel_path',
    )
    .all(dockId) as {
    rel_path: string;
    size: number;
    state: DockFileView['state'];
    sha256: string | null;
    media_id: number | null;
    error_code: string | null;
    error_message: string | null;
  }[];
  const files: DockFileView[] = rows.map((r) => ({
    relPath: r.rel_path,
    size: r.size,
    state: r.state,
    doneBytes: r.state === 'ingested' || r.state === 'duplicate' ? r.size : 0,
    sha256: r.sha256 ?? undefined,
    mediaId: r.media_id ?? undefined,
    error: r.error_code ? { code: r.error_code, message: r.error_message ?? '' } : undefined,
  }));
  const totalBytes = files.filter((f) => f.state !== 'skipped').reduce((n, f) => n + f.size, 0);
  return {
    id: d.id,
    volumeId: d.volume_id,
    volumePath: d.volume_path,
    volumeLabel: d.volume_label,
    source: d.source,
    state: d.state,
    startedBy: d.started_by,
    startedAt: d.started_at,
    finishedAt: d.finished_at ?? undefined,
    deviceSerial: d.serial ?? undefined,
    officerCode: d.code ?? undefined,
    officerName: d.name ?? undefined,
    totalBytes,
    doneBytes: files.reduce((n, f) => n + f.doneBytes, 0),
    rateBps: 0,
    counts: countFiles(files),
    files,
  };
}

/** Recent docks, newest first (summaries without file lists). */
export function listDocks(db: Db, limit = 50): DockView[] {
  const ids = db.prepare('SELECT id FROM docks ORDER BY id DESC LIMIT ?').pluck().all(limit) as number[];
  return ids.map((id) => ({ ...loadDockReport(db, id), files: [] }));
}

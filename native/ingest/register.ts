import type { Clock } from '../core/context';
import type { Db } from '../storage/db';
import type { CustodySink } from '../identity/deps';

/** Everything known about one verified file when it is registered. */
export interface Arrival {
  dockId: number;
  volumeId: string;
  volumePath: string;
  relPath: string;
  sha256: string;
  size: number;
  mtimeMs: number;
  kind: 'video' | 'audio' | 'photo' | 'other';
  officerId: number | null;
  deviceId: number | null;
  recordedAt: string | null;
  important: boolean;
  /** How the file was recognised (pattern name, device file, clerk's choice). */
  recognisedBy: string;
}

const kinds: [RegExp, Arrival['kind']][] = [
  [/\.(mp4|mov|avi|mkv|ts|m2ts|mts|3gp|asf|wmv|flv|h264|h265|hevc)$/i, 'video'],
  [/\.(wav|amr|mp3|m4a|aac|wma|ogg|opus|flac)$/i, 'audio'],
  [/\.(jpe?g|png|bmp|heic|heif|tiff?|webp|gif)$/i, 'photo'],
];

/** The kind of a file by its name; ffprobe refines it later. */
export function kindOf(name: string): Arrival['kind'] {
  return kinds.find(([re]) => re.test(name))?.[1] ?? 'other';
}

/**
 * Registers a verified, stored file: the object, the media item (new, or the existing one with
 * the same content), where it was found, the dock report line, and its custody entry — one
 * transaction, so a crash leaves either all of it or none.
 */
export function registerArrival(
  deps: { db: Db; custody: CustodySink; clock: Clock },
  a: Arrival,
  actor: string,
): { mediaId: number; duplicate: boolean } {
  const { db } = deps;
  return db.transaction(() => {
    const now = deps.clock.now().toISOString();
    db.prepare('INSERT OR IGNORE INTO objects(sha256, size, stored_at) VALUES (?, ?, ?)').run(
      a.sha256,
      a.size,
      now,
    );
    const existing = db.prepare('SELECT id FROM media WHERE sha256 = ?').pluck().get(a.sha256) as
      number | undefined;
    let mediaId = existing;
    if (mediaId === undefined) {
      const name = a.relPath.split('/').pop()!;
      mediaId = Number(
        db
          .prepare(
            `INSERT INTO media(sha256, kind, original_name, size, officer_id, device_id, recorded_at, important, category, ingested_at, ingested_by)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'unclassified', ?, ?)`,
          )
          .run(
            a.sha256,
            a.kind,
            name,
            a.size,
            a.officerId,
            a.deviceId,
            a.recordedAt,
            a.important ? 1 : 0,
            now,
            actor,
          ).lastInsertRowid,
      );
    }
    const mtime = new Date(a.mtimeMs).toISOString();
    db.prepare(
      'INSERT OR IGNORE INTO media_sources(media_id, dock_id, rel_path, file_mtime) VALUES (?, ?, ?, ?)',
    ).run(mediaId, a.dockId, a.relPath, mtime);
    const duplicate = existing !== undefined;
    db.prepare(
      `UPDATE dock_files SET state = ?, sha256 = ?, media_id = ?, error_code = NULL, error_message = NULL WHERE dock_id = ? AND rel_path = ?`,
    ).run(duplicate ? 'duplicate' : 'ingested', a.sha256, mediaId, a.dockId, a.relPath);
    deps.custody.append({
      actor,
      action: duplicate ? 'evidence.link' : 'evidence.ingest',
      subjects: [`media:${mediaId}`, `dock:${a.dockId}`, `object:${a.sha256}`],
      hashes: { sha256: a.sha256 },
      details: {
        volume: a.volumeId,
        volumePath: a.volumePath,
        relPath: a.relPath,
        size: a.size,
        fileMtime: mtime,
        deviceId: a.deviceId,
        officerId: a.officerId,
        recordedAt: a.recordedAt,
        important: a.important,
        recognisedBy: a.recognisedBy,
        // The workstation's own clock at registration, for comparison with the camera's.
        workstationClock: now,
      },
    });
    return { mediaId, duplicate };
  })();
}

/** Records a failed file in the dock report (and the custody log: failures are part of the trail). */
export function recordFailure(
  deps: { db: Db; custody: CustodySink },
  dockId: number,
  relPath: string,
  err: { code: string; message: string },
  actor: string,
): void {
  deps.db.transaction(() => {
    deps.db
      .prepare(
        `UPDATE dock_files SET state = 'failed', error_code = ?, error_message = ? WHERE dock_id = ? AND rel_path = ?`,
      )
      .run(err.code, err.message, dockId, relPath);
    deps.custody.append({
      actor,
      action: 'dock.file.failed',
      subjects: [`dock:${dockId}`],
      details: { relPath, code: err.code, message: err.message },
    });
  })();
}

/**
 * A file already stored from this same volume and path, with the same size and time: the
 * candidate to confirm by hashing instead of copying again (resume after a crash or unplug).
 */
export function priorCopy(
  db: Db,
  volumeId: string,
  relPath: string,
  size: number,
  mtimeMs: number,
): string | undefined {
  return db
    .prepare(
      `SELECT m.sha256 FROM media_sources s JOIN docks d ON d.id = s.dock_id JOIN media m ON m.id = s.media_id
       WHERE d.volume_id = ? AND s.rel_path = ? AND m.size = ? AND s.file_mtime = ? LIMIT 1`,
    )
    .pluck()
    .get(volumeId, relPath, size, new Date(mtimeMs).toISOString()) as string | undefined;
}

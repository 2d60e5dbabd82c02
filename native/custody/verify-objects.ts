/**
 * Re-hashes every stored original against its recorded SHA-256 and size, for
 * `verifyWorkstation`. Missing and modified files are named by path and hash.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { EngineError } from '../core/errors';
import type { Db } from '../storage/db';
import { objectPath } from '../storage/object-store';
import type { ProblemSink } from './verify-log';

interface ObjectRow {
  sha256: string;
  size: number;
}

function cancelled(): EngineError {
  return new EngineError('CANCELLED', 'Verification was cancelled; nothing was changed.');
}

async function hashFile(
  path: string,
  signal: AbortSignal | undefined,
  onBytes: (n: number) => void,
): Promise<{ sha256: string; size: number }> {
  const h = createHash('sha256');
  let size = 0;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) {
      if (signal?.aborted) throw cancelled();
      const b = chunk as Buffer;
      h.update(b);
      size += b.length;
      onBytes(b.length);
    }
  } finally {
    stream.destroy();
  }
  return { sha256: h.digest('hex'), size };
}

/**
 * Checks every row of `objects`; progress counts bytes (done/total) so a large video moves the
 * bar. Returns the number of objects checked.
 */
export async function verifyObjects(
  db: Db,
  originalsDir: string,
  problems: ProblemSink,
  progress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<number> {
  const rows = db.prepare('SELECT sha256, size FROM objects ORDER BY sha256').all() as ObjectRow[];
  const total = rows.reduce((t, r) => t + r.size, 0);
  let done = 0;
  let reported = 0;
  progress(0, total);
  for (const row of rows) {
    if (signal?.aborted) throw cancelled();
    let path: string;
    try {
      path = objectPath(originalsDir, row.sha256);
    } catch {
      problems.add({
        kind: 'object',
        file: row.sha256,
        message: `The objects table holds an invalid hash "${row.sha256}" (the row was altered).`,
      });
      continue;
    }
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) {
      problems.add({ kind: 'object', file: path, message: `Original ${row.sha256} is missing: ${path}` });
      done += row.size;
      continue;
    }
    let got: { sha256: string; size: number };
    try {
      got = await hashFile(path, signal, (n) => {
        done += n;
        // Report about every 64 MB so polling sees movement without flooding.
        if (done - reported >= 64 << 20) {
          reported = done;
          progress(done, total);
        }
      });
    } catch (err) {
      if (err instanceof EngineError && err.code === 'CANCELLED') throw err;
      problems.add({
        kind: 'object',
        file: path,
        message: `Original ${row.sha256} cannot be read (${(err as Error).message}): ${path}`,
      });
      continue;
    }
    if (got.sha256 !== row.sha256 || got.size !== row.size) {
      problems.add({
        kind: 'object',
        file: path,
        message: `Original ${row.sha256} was modified: the file now hashes to ${got.sha256} (${got.size} bytes, recorded ${row.size}): ${path}`,
      });
    }
    progress(done, total);
  }
  return rows.length;
}

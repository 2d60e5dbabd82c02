import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { EngineError, toEngineError } from '../core/errors';
import { sha256File } from '../core/hash';
import { copyAndHash, hashReadBack } from './copy-and-hash';

/** Path of an original inside the content-addressed store. */
export function objectPath(originalsDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256))
    throw new EngineError('BAD_INPUT', `Not a SHA-256 hex digest: ${sha256}`);
  return join(originalsDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export interface StoredObject {
  sha256: string;
  size: number;
  path: string;
  /** False when identical content was already stored (deduplicated). */
  created: boolean;
}

/**
 * Copies `source` into the store in one pass that hashes while it writes, fsyncs, re-reads the
 * copy to verify it, then renames it into its content address and makes it read-only. The
 * source is only ever opened read-only. A copy whose re-read hash differs, or whose source
 * changed size or hash during the copy, is discarded and reported — never stored.
 */
export async function storeFile(
  dirs: { originals: string; tmp: string },
  source: string,
  opts: { onBytes?: (n: number) => void; signal?: AbortSignal } = {},
): Promise<StoredObject> {
  const { onBytes, signal } = opts;
  await mkdir(dirs.tmp, { recursive: true });
  const tmpPath = join(dirs.tmp, `in-${randomBytes(8).toString('hex')}.part`);
  try {
    const before = await stat(source);
    // Progress counts each byte half when copied and half when verified, so the ETA covers both passes.
    const half = onBytes && ((n: number) => onBytes(n / 2));
    const { sha256, size } = await copyAndHash(source, tmpPath, half, signal);
    const after = await stat(source);
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || size !== after.size) {
      throw new EngineError('CONFLICT', `${source} changed while it was being copied; it was not stored.`, {
        hint: 'Make sure nothing writes to the source, then retry.',
      });
    }
    const check = await hashReadBack(tmpPath, half, signal);
    if (check.sha256 !== sha256 || check.size !== size) {
      throw new EngineError(
        'STORAGE',
        `The stored copy of ${source} does not match what was read; it was discarded.`,
        {
          hint: 'Check the data disk for errors, then retry.',
        },
      );
    }
    const dest = objectPath(dirs.originals, sha256);
    const existing = await stat(dest).catch(() => undefined);
    if (existing) {
      // Identical content is stored once — but only trust the stored file after re-hashing it:
      // a file left by a crash or damaged on disk is replaced by this verified copy.
      const held = await sha256File(dest, undefined, signal).catch(() => undefined);
      if (held?.sha256 === sha256) {
        await rm(tmpPath, { force: true });
        return { sha256, size, path: dest, created: false };
      }
      await chmod(dest, 0o644).catch(() => undefined);
    }
    await mkdir(join(dest, '..'), { recursive: true });
    await chmod(tmpPath, 0o444);
    await rename(tmpPath, dest);
    await fsyncDir(join(dest, '..'));
    return { sha256, size, path: dest, created: true };
  } catch (err) {
    await rm(tmpPath, { force: true }).catch(() => undefined);
    throw toEngineError(err);
  }
}

/** fsync a directory so a rename inside it is durable (no-op where unsupported, e.g. Windows). */
async function fsyncDir(dir: string): Promise<void> {
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    /* directories cannot be opened for sync on every platform */
  }
}

/** Discards temp files left by an interrupted copy (called at start-up). */
export async function clearTemp(tmpDir: string): Promise<void> {
  await rm(tmpDir, { recursive: true, force: true });
  await mkdir(tmpDir, { recursive: true });
}

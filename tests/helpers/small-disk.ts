import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, statfsSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './cli';

/**
 * Mounts a small tmpfs — a real filesystem that really fills up — and returns its path; undefined
 * where mounting is not allowed (it needs root on Linux: CI and the dev machines run as root).
 * The run's temp root unmounts it at the end (tests/helpers/temp-root.ts) if the test does not.
 */
export function smallDisk(sizeMb: number): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const dir = join(tempDir('ews-full-'), 'disk');
  mkdirSync(dir);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir], { stdio: 'ignore' });
  return r.status === 0 ? dir : undefined;
}

/** Writes `dir/filler` until the disk has only `leaveBytes` free (0: until ENOSPC); returns its path. */
export function fillDisk(dir: string, leaveBytes = 0): string {
  const path = join(dir, 'filler');
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  const free = () => {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  };
  try {
    while (leaveBytes === 0 || free() - block.length >= leaveBytes) writeSync(fd, block);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    closeSync(fd);
  }
  return path;
}

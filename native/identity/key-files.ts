/**
 * The workstation's unencrypted private keys, one PEM file each in the data directory's `keys/`
 * (mode 0600). They sign unattended (checkpoints, issued certificates), so they cannot sit
 * behind a password; the directory is what backups must protect.
 */
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { EngineError, toEngineError } from '../core/errors';
import type { DataLayout } from '../storage/data-dir';

export const KEY_FILES = {
  ca: 'agency-ca.key.pem',
  workstation: 'workstation.key.pem',
  note: 'workstation-note.key.pem',
} as const;

export interface WorkstationKeys {
  caKeyPem: string;
  workstationKeyPem: string;
  noteKeyPem: string;
}

/**
 * Reads the three key files. A missing or unreadable file is named, with what to do.
 */
export function loadKeys(layout: DataLayout): WorkstationKeys {
  const read = (file: string) => {
    const path = join(layout.keys, file);
    try {
      return readFileSync(path, 'utf8');
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'ENOENT') {
        throw new EngineError('STORAGE', `The key file ${path} is missing.`, {
          hint: 'Restore the keys/ directory of this data directory from its backup; without it the workstation cannot sign.',
          cause: err,
        });
      }
      throw toEngineError(err);
    }
  };
  return {
    caKeyPem: read(KEY_FILES.ca),
    workstationKeyPem: read(KEY_FILES.workstation),
    noteKeyPem: read(KEY_FILES.note),
  };
}

/**
 * Moves key files left by an interrupted set-up aside (`<name>.orphan-<time>`), never deleting
 * them: they belong to no committed agency, but a key is not something to throw away silently.
 */
export function moveAsideOrphanKeys(layout: DataLayout, now: Date): string[] {
  const moved: string[] = [];
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (const file of Object.values(KEY_FILES)) {
    const path = join(layout.keys, file);
    if (existsSync(path)) {
      renameSync(path, `${path}.orphan-${stamp}`);
      moved.push(path);
    }
  }
  return moved;
}

/**
 * Writes key files (create-only, 0600, fsynced). Returns their paths; on any failure removes
 * the ones it wrote and throws.
 */
export function writeKeyFiles(layout: DataLayout, files: Record<string, string>): string[] {
  const written: string[] = [];
  try {
    mkdirSync(layout.keys, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') chmodSync(layout.keys, 0o700); // it may exist already, made 0755
    for (const [name, pem] of Object.entries(files)) {
      const path = join(layout.keys, name);
      const fd = openSync(path, 'wx', 0o600);
      written.push(path);
      try {
        writeSync(fd, pem);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    fsyncDir(layout.keys);
    return written;
  } catch (err) {
    removeFiles(written);
    throw toEngineError(err);
  }
}

/** fsync a directory so new entries in it survive power loss (not possible on Windows). */
function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Best-effort removal (used to undo a set-up that did not commit). */
export function removeFiles(paths: string[]): void {
  for (const p of paths) rmSync(p, { force: true });
}

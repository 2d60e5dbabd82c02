import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { EngineError } from '../core/errors';

/** A regular file found on a volume. */
export interface SourceFile {
  relPath: string;
  absPath: string;
  size: number;
  mtimeMs: number;
  /** Why the file cannot be read at all (reported as failed, never dropped silently). */
  problem?: string;
}

/** Something on the volume that is not ingested, and why (it appears in the dock report). */
export interface SkippedEntry {
  relPath: string;
  reason: 'symlink-outside' | 'symlink-dir' | 'unreadable-dir' | 'special' | 'system';
  message: string;
}

/** Folders operating systems put on removable media; never recordings. */
const systemDirs = new Set([
  'system volume information',
  '$recycle.bin',
  '.trashes',
  '.spotlight-v100',
  '.fseventsd',
  'lost+found',
]);

/**
 * Lists every regular file under `root`, without writing anything. Symbolic links are never
 * followed out of the volume; a link to a file inside it is listed under its own name (dedupe
 * by hash stores the content once). Directory links are not followed (no loops).
 */
export async function scanVolume(
  root: string,
  signal?: AbortSignal,
): Promise<{ files: SourceFile[]; skipped: SkippedEntry[] }> {
  let realRoot: string;
  try {
    realRoot = await realpath(root);
    if (!(await stat(realRoot)).isDirectory())
      throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (err) {
    throw new EngineError('BAD_INPUT', `The volume ${root} cannot be read: ${(err as Error).message}`, {
      field: 'volume',
      hint: 'Check that the camera is still connected and mounted, then retry.',
    });
  }
  const files: SourceFile[] = [];
  const skipped: SkippedEntry[] = [];
  const inside = (p: string) => p === realRoot || p.startsWith(realRoot + sep);

  async function walk(dir: string): Promise<void> {
    if (signal?.aborted) throw new EngineError('CANCELLED', 'Scanning was cancelled.');
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      skipped.push({
        relPath: relative(root, dir) || '.',
        reason: 'unreadable-dir',
        message: `Folder cannot be read: ${(err as Error).message}`,
      });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = join(dir, e.name);
      const rel = relative(root, abs).split(sep).join('/');
      if (e.isDirectory()) {
        if (dir === root && systemDirs.has(e.name.toLowerCase())) {
          skipped.push({
            relPath: rel,
            reason: 'system',
            message: 'Operating-system folder, not a recording.',
          });
          continue;
        }
        await walk(abs);
      } else if (e.isFile()) {
        const st = await lstat(abs).catch((err: NodeJS.ErrnoException) => err);
        if (!(st instanceof Error))
          files.push({ relPath: rel, absPath: abs, size: st.size, mtimeMs: st.mtimeMs });
        else {
          const problem = e.name.includes('\uFFFD')
            ? "the file name is not valid text (UTF-8) and cannot be opened by name; nothing was stored. Rename it on the camera or copy it out with the camera's own tool."
            : `the file cannot be read (${st.code ?? st.message}); nothing was stored.`;
          files.push({ relPath: rel, absPath: abs, size: 0, mtimeMs: 0, problem });
        }
      } else if (e.isSymbolicLink()) {
        const target = await realpath(abs).catch(() => undefined);
        const st = target ? await stat(target).catch(() => undefined) : undefined;
        if (!target || !inside(target)) {
          skipped.push({
            relPath: rel,
            reason: 'symlink-outside',
            message: `Link pointing outside the volume (${target ?? 'broken'}); not followed.`,
          });
        } else if (st?.isDirectory()) {
          skipped.push({
            relPath: rel,
            reason: 'symlink-dir',
            message: 'Link to a folder on the volume; its files are ingested where they are.',
          });
        } else if (st?.isFile()) {
          files.push({ relPath: rel, absPath: target, size: st.size, mtimeMs: st.mtimeMs });
        }
      } else {
        skipped.push({
          relPath: rel,
          reason: 'special',
          message: 'Not a regular file (device, socket or pipe).',
        });
      }
    }
  }
  await walk(root);
  return { files, skipped };
}

/**
 * Watched folders set by an administrator (a share cameras are copied or docked into) and the
 * manual "Import folder…" action. Each immediate subdirectory of a watched folder is one volume.
 */
import { createHash } from 'node:crypto';
import { lstat, readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { DetectedVolume, VolumeSource } from './types';

/** What one look at a folder tree found. */
export interface FolderSnapshot {
  /** Hash of every entry's relative path, type, size and mtime: equal twice means nothing moved. */
  signature: string;
  /** A top-level `DCIM` directory (any case). */
  hasDcim: boolean;
  /** At least one regular file anywhere below. */
  hasFile: boolean;
  entries: number;
}

/** Bounds on one snapshot, so a huge tree cannot stall a poll. */
export interface SnapshotLimits {
  maxEntries?: number;
  maxDepth?: number;
}

/**
 * Walks `dir` without following symlinks and summarises it. Read-only: it never opens a file.
 * Beyond the limits the walk stops; the signature then covers what was seen.
 */
export async function folderSnapshot(dir: string, limits: SnapshotLimits = {}): Promise<FolderSnapshot> {
  const maxEntries = limits.maxEntries ?? 50_000;
  const maxDepth = limits.maxDepth ?? 16;
  const hash = createHash('sha1');
  let hasDcim = false;
  let hasFile = false;
  let entries = 0;
  const queue: { rel: string; depth: number }[] = [{ rel: '', depth: 0 }];
  while (queue.length > 0 && entries < maxEntries) {
    const { rel, depth } = queue.shift()!;
    const names = (await readdir(join(dir, rel))).sort();
    for (const name of names) {
      if (entries >= maxEntries) break;
      entries++;
      const relPath = rel === '' ? name : `${rel}/${name}`;
      let st;
      try {
        st = await lstat(join(dir, relPath));
      } catch {
        hash.update(`${relPath}\0gone\n`);
        continue;
      }
      const type = st.isSymbolicLink() ? 'l' : st.isDirectory() ? 'd' : st.isFile() ? 'f' : 'o';
      hash.update(`${relPath}\0${type}\0${st.size}\0${st.mtimeMs}\n`);
      if (type === 'f') hasFile = true;
      if (type === 'd') {
        if (depth === 0 && name.toUpperCase() === 'DCIM') hasDcim = true;
        if (depth + 1 < maxDepth) queue.push({ rel: relPath, depth: depth + 1 });
      }
    }
  }
  return { signature: hash.digest('hex'), hasDcim, hasFile, entries };
}

/** The volume for a folder the clerk picked by hand. */
export function manualVolume(path: string): DetectedVolume {
  const abs = resolve(path);
  return { id: `manual:${abs}`, path: abs, label: basename(abs) || abs, kind: 'manual' };
}

/**
 * A source listing each immediate subdirectory of the watched folders as a volume, once it is
 * ready. A subdirectory is ready when it holds a `DCIM` directory or any file, and a whole poll
 * passed without change (same entries, sizes and mtimes on two consecutive polls) — so a camera
 * still being copied in appears only after the copy has settled, within about two polls of it.
 * Once reported, a folder stays listed until it disappears (no flapping while more is copied).
 * Hidden entries, plain files and symlinks in a watched folder are ignored; a missing watched
 * folder lists nothing. The source is stateful: one instance per watcher.
 */
export function watchedFoldersSource(getFolders: () => string[], limits: SnapshotLimits = {}): VolumeSource {
  const pending = new Map<string, string>(); // path → signature at the previous poll
  const ready = new Set<string>();
  return {
    async list() {
      const seen = new Set<string>();
      const volumes: DetectedVolume[] = [];
      for (const folder of getFolders().map((f) => resolve(f))) {
        let dirents;
        try {
          dirents = await readdir(folder, { withFileTypes: true });
        } catch {
          continue;
        }
        for (const d of dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
          if (!d.isDirectory() || d.name.startsWith('.')) continue;
          const path = join(folder, d.name);
          if (seen.has(path)) continue;
          seen.add(path);
          if (!ready.has(path)) {
            let snap: FolderSnapshot;
            try {
              snap = await folderSnapshot(path, limits);
            } catch {
              pending.delete(path); // vanished or unreadable mid-walk: start over next poll
              continue;
            }
            const stable = pending.get(path) === snap.signature;
            pending.set(path, snap.signature);
            if (!stable || !(snap.hasDcim || snap.hasFile)) continue;
            pending.delete(path);
            ready.add(path);
          }
          volumes.push({ id: `watched:${path}`, path, label: d.name, kind: 'watched' });
        }
      }
      for (const p of pending.keys()) if (!seen.has(p)) pending.delete(p);
      for (const p of ready) if (!seen.has(p)) ready.delete(p);
      return volumes;
    },
  };
}

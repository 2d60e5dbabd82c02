/**
 * macOS volumes: every directory in /Volumes except the boot volume, enriched and filtered by
 * `diskutil info -plist`. The plist reading is pure; the runner only runs on darwin.
 */
import { execFile } from 'node:child_process';
import { lstat, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { EngineError } from '../core/errors';
import { parsePlist, type PlistValue } from './plist';
import type { DetectedVolume, VolumeSource } from './types';

/** The parts of `diskutil info -plist` that matter here. */
export interface MacDiskInfo {
  volumeName?: string;
  volumeUUID?: string;
  deviceNode?: string;
  mountPoint?: string;
  fsType?: string;
  /** `BusProtocol`: USB, SATA, PCI-Express, Apple Fabric, Disk Image … */
  protocol?: string;
  internal?: boolean;
  removable: boolean;
  ejectable: boolean;
  /** `RemovableMediaOrExternalDevice`. */
  external: boolean;
  writable?: boolean;
}

/** Reads a `diskutil info -plist` document (pure). */
export function parseDiskutilInfo(xml: string): MacDiskInfo {
  const root = parsePlist(xml);
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    throw new EngineError('BAD_INPUT', 'diskutil info printed a property list without a top-level <dict>.');
  }
  const d = root as { [key: string]: PlistValue };
  const s = (k: string) => (typeof d[k] === 'string' && d[k] !== '' ? (d[k] as string) : undefined);
  const b = (k: string) => (typeof d[k] === 'boolean' ? (d[k] as boolean) : undefined);
  const info: MacDiskInfo = {
    removable: b('Removable') === true || b('RemovableMedia') === true,
    ejectable: b('Ejectable') === true,
    external: b('RemovableMediaOrExternalDevice') === true,
  };
  const set = <K extends keyof MacDiskInfo>(k: K, v: MacDiskInfo[K] | undefined) => {
    if (v !== undefined) info[k] = v;
  };
  set('volumeName', s('VolumeName'));
  set('volumeUUID', s('VolumeUUID'));
  set('deviceNode', s('DeviceNode'));
  set('mountPoint', s('MountPoint'));
  set('fsType', s('FilesystemType'));
  set('protocol', s('BusProtocol'));
  set('internal', b('Internal'));
  set('writable', b('WritableVolume'));
  return info;
}

/**
 * A camera or stick: removable, ejectable, external or on USB — but not a mounted disk image
 * (installers, .dmg files are "Disk Image" and ejectable too).
 */
export function isCameraCandidate(info: MacDiskInfo): boolean {
  if (info.protocol === 'Disk Image') return false;
  return info.removable || info.ejectable || info.external || info.protocol === 'USB';
}

/** Runs `diskutil info -plist <mount>`; darwin only. */
export function runDiskutilInfo(mountPoint: string, timeoutMs = 10_000): Promise<string> {
  if (process.platform !== 'darwin') {
    return Promise.reject(new EngineError('INTERNAL', 'diskutil runs only on macOS.'));
  }
  return new Promise((resolve, reject) => {
    execFile(
      'diskutil',
      ['info', '-plist', mountPoint],
      { timeout: timeoutMs, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err)
          reject(
            new EngineError(
              'INTERNAL',
              `diskutil info ${mountPoint} failed: ${stderr.trim() || err.message}`,
              { cause: err },
            ),
          );
        else resolve(stdout);
      },
    );
  });
}

/** Where the macOS source looks and how it asks diskutil. */
export interface MacSourceOptions {
  volumesRoot?: string;
  /** `diskutil info -plist` runner; null lists every non-boot volume without asking. */
  diskutil?: ((mountPoint: string) => Promise<string>) | null;
  /** After diskutil failed for a mount, ask again after this long (a fresh mount may not be ready). */
  retryFailedMs?: number;
  now?: () => number;
}

/** Entries of `volumesRoot` that may be mounted volumes: directories, not hidden, not the boot symlink. */
export async function listVolumeDirs(volumesRoot = '/Volumes'): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(volumesRoot);
  } catch {
    return [];
  }
  const dirs: string[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.') || name.startsWith('com.apple.')) continue;
    const path = join(volumesRoot, name);
    try {
      const st = await lstat(path);
      // The boot volume appears as a symlink to "/"; no symlink here is a removable volume.
      if (st.isSymbolicLink()) continue;
      if (st.isDirectory()) dirs.push(path);
    } catch {
      // Unmounted between readdir and lstat.
    }
  }
  return dirs;
}

function volumeFrom(path: string, name: string, info: MacDiskInfo | null): DetectedVolume {
  const v: DetectedVolume = { id: `|${path}`, path, label: info?.volumeName ?? name, kind: 'usb' };
  if (!info) return v;
  v.id = info.volumeUUID ?? `${info.deviceNode ?? ''}|${path}`;
  if (info.deviceNode) v.device = info.deviceNode;
  if (info.fsType) v.fsType = info.fsType;
  if (info.volumeUUID) v.uuid = info.volumeUUID;
  if (info.writable !== undefined) v.readOnly = !info.writable;
  return v;
}

/**
 * Removable volumes under /Volumes. With a diskutil runner, a volume is listed only when diskutil
 * knows it and {@link isCameraCandidate} holds (network shares and stale directories have no disk,
 * so diskutil fails and they are left out). Answers are cached per mount point and device number,
 * so diskutil runs once per mount, not once per poll (a failure is retried after `retryFailedMs`).
 */
export function macSource(opts: MacSourceOptions = {}): VolumeSource {
  const volumesRoot = opts.volumesRoot ?? '/Volumes';
  const diskutil = opts.diskutil === undefined ? runDiskutilInfo : opts.diskutil;
  const retryFailedMs = opts.retryFailedMs ?? 5_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { info: MacDiskInfo | null; at: number }>();
  return {
    async list() {
      const volumes: DetectedVolume[] = [];
      const live = new Set<string>();
      for (const path of await listVolumeDirs(volumesRoot)) {
        const name = path.slice(volumesRoot.length).replace(/^[/\\]+/, '');
        if (!diskutil) {
          volumes.push(volumeFrom(path, name, null));
          continue;
        }
        let key: string;
        try {
          key = `${path}\0${(await stat(path)).dev}`;
        } catch {
          continue;
        }
        live.add(key);
        let entry = cache.get(key);
        if (!entry || (entry.info === null && now() - entry.at >= retryFailedMs)) {
          entry = { info: await diskutil(path).then(parseDiskutilInfo, () => null), at: now() };
          cache.set(key, entry);
        }
        const info = entry.info;
        if (info && isCameraCandidate(info)) volumes.push(volumeFrom(path, name, info));
      }
      for (const key of cache.keys()) if (!live.has(key)) cache.delete(key);
      return volumes;
    },
  };
}

/**
 * Linux USB volume source: mount table + sysfs + udev links, all paths injectable so tests run the
 * real parsing against fixture files. Needs no root: everything read here is world-readable.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { EngineError } from '../core/errors';
import { CAMERA_FS_TYPES, candidateMounts, parseMountinfo } from './linux-mounts';
import { inspectBlockDevice, readDiskIds } from './linux-sysfs';
import type { DetectedVolume, VolumeSource } from './types';

/** Where the Linux source looks; defaults are the real system locations. */
export interface LinuxUsbSourceOptions {
  mountinfoPath?: string;
  sysRoot?: string;
  devDiskRoot?: string;
  /** Directories under which desktop automounters (udisks) and clerks mount volumes. */
  roots?: string[];
  fsTypes?: readonly string[];
}

/** Default mount roots: udisks2 uses /media/<user> (Debian/Ubuntu) or /run/media/<user> (Fedora/Kylin). */
export const DEFAULT_LINUX_ROOTS: readonly string[] = ['/media', '/run/media', '/mnt'];

/**
 * Lists mounted USB or removable volumes once. A mount counts when it is below one of `roots`,
 * has a camera filesystem, is a whole filesystem (not a bind of a subdirectory), and its block
 * device is USB-attached or removable. Label and UUID come from /dev/disk/by-label|by-uuid; the
 * label falls back to the mount directory's name (which udisks derives from the label anyway).
 */
export async function listLinuxUsbVolumes(opts: LinuxUsbSourceOptions = {}): Promise<DetectedVolume[]> {
  const mountinfoPath = opts.mountinfoPath ?? '/proc/self/mountinfo';
  const sysRoot = opts.sysRoot ?? '/sys';
  const devDiskRoot = opts.devDiskRoot ?? '/dev/disk';
  let text: string;
  try {
    text = await readFile(mountinfoPath, 'utf8');
  } catch (err) {
    throw new EngineError(
      'INTERNAL',
      `Cannot read the mount table ${mountinfoPath}: ${(err as Error).message}`,
      {
        field: 'mountinfoPath',
        hint: 'USB detection needs /proc mounted; use a watched folder or "Import folder…" meanwhile.',
        cause: err,
      },
    );
  }
  const mounts = candidateMounts(
    parseMountinfo(text),
    opts.roots ?? DEFAULT_LINUX_ROOTS,
    opts.fsTypes ?? CAMERA_FS_TYPES,
  );
  const volumes: DetectedVolume[] = [];
  for (const m of mounts) {
    const info = await inspectBlockDevice(m, sysRoot);
    if (!info || !(info.usb || info.removable)) continue;
    const ids = await readDiskIds([basename(m.device), info.name], devDiskRoot);
    const volume: DetectedVolume = {
      id: ids.uuid ?? `${m.device}|${m.mountPoint}`,
      path: m.mountPoint,
      label: ids.label ?? basename(m.mountPoint),
      kind: 'usb',
      device: m.device,
      fsType: m.fsType,
      readOnly: m.readOnly,
    };
    if (ids.uuid) volume.uuid = ids.uuid;
    volumes.push(volume);
  }
  return volumes;
}

/** A {@link VolumeSource} over {@link listLinuxUsbVolumes}. */
export function linuxUsbSource(opts: LinuxUsbSourceOptions = {}): VolumeSource {
  return { list: () => listLinuxUsbVolumes(opts) };
}

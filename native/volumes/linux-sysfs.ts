/**
 * What sysfs and udev's /dev/disk links say about a block device: is it removable or USB-attached,
 * and what are its label and UUID. Both roots are parameters, so tests point them at fixture trees
 * of real directories and symlinks. Read-only, no root needed.
 */
import { readFile, readdir, readlink, realpath, access } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { MountEntry } from './linux-mounts';

/** A block device named by `major:minor`, by `/dev/<name>`, or by a mount entry. */
export type BlockDeviceRef = string | Pick<MountEntry, 'majorMinor' | 'device'>;

/** What sysfs says about one block device. */
export interface BlockDeviceInfo {
  /** Resolved sysfs directory of the device itself (a partition, or a whole disk). */
  sysPath: string;
  /** Resolved sysfs directory of the whole disk holding it. */
  diskPath: string;
  /** Kernel name of the device (`sdb1`) and of its disk (`sdb`). */
  name: string;
  diskName: string;
  /** `<disk>/removable` reads 1. */
  removable: boolean;
  /** The device sits below a USB bus (`.../usb2/2-1/...`). */
  usb: boolean;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function resolveOrNull(path: string): Promise<string | null> {
  try {
    return await realpath(path);
  } catch {
    return null;
  }
}

/** The sysfs link for a device: `/sys/dev/block/<maj:min>`, or `/sys/class/block/<name>` for `/dev/<name>`. */
function sysLinks(ref: BlockDeviceRef, sysRoot: string): string[] {
  const links: string[] = [];
  const add = (value: string | undefined) => {
    if (!value) return;
    if (/^\d+:\d+$/.test(value)) {
      // 0:N is an anonymous device (FUSE, tmpfs): it names no block device.
      if (!value.startsWith('0:')) links.push(join(sysRoot, 'dev', 'block', value));
    } else if (value.startsWith('/dev/')) {
      links.push(join(sysRoot, 'class', 'block', basename(value)));
    }
  };
  if (typeof ref === 'string') add(ref);
  else {
    add(ref.majorMinor);
    add(ref.device);
  }
  return links;
}

/**
 * Resolves a block device in sysfs and reads its removable/USB attributes. A partition directory
 * holds a `partition` file and its parent directory is the disk; a whole-disk filesystem (common
 * on cameras: no partition table) is its own disk. Returns null when sysfs does not know it.
 */
export async function inspectBlockDevice(
  ref: BlockDeviceRef,
  sysRoot = '/sys',
): Promise<BlockDeviceInfo | null> {
  let sysPath: string | null = null;
  for (const link of sysLinks(ref, sysRoot)) {
    sysPath = await resolveOrNull(link);
    if (sysPath) break;
  }
  if (!sysPath) return null;
  const diskPath = (await exists(join(sysPath, 'partition'))) ? dirname(sysPath) : sysPath;
  let removable = false;
  try {
    removable = (await readFile(join(diskPath, 'removable'), 'utf8')).trim() === '1';
  } catch {
    // No attribute (virtual devices): not removable.
  }
  // Only components below the sysfs root count, so a fixture tree under /tmp/usb… cannot fool it.
  const realRoot = (await resolveOrNull(sysRoot)) ?? sysRoot;
  const components = relative(realRoot, sysPath).split(sep);
  const usb = components.some((c) => /^usb\d+$/.test(c));
  return { sysPath, diskPath, name: basename(sysPath), diskName: basename(diskPath), removable, usb };
}

/**
 * True when the device is USB-attached or its disk reports removable=1. Body cameras often report
 * removable=0 yet sit on USB, so either is enough. `device` is `major:minor`, `/dev/<name>`, or a
 * mount entry (whose `major:minor` is tried first, then its source device for FUSE mounts).
 */
export async function isRemovableUsb(device: BlockDeviceRef, sysRoot = '/sys'): Promise<boolean> {
  const info = await inspectBlockDevice(device, sysRoot);
  return info !== null && (info.usb || info.removable);
}

/** Decodes udev's `\xHH` escapes in /dev/disk/by-* names (`My\x20Cam` → `My Cam`). */
export function unescapeUdevName(name: string): string {
  if (!name.includes('\\x')) return name;
  const bytes: number[] = [];
  for (let i = 0; i < name.length; i++) {
    const hex = name.slice(i + 2, i + 4);
    if (name[i] === '\\' && name[i + 1] === 'x' && /^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 3;
    } else {
      bytes.push(...Buffer.from(name[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Finds the entry of `dir` whose symlink points at one of `names` (`../../sdb1`). */
async function linkNamed(dir: string, names: readonly string[]): Promise<string | undefined> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return undefined;
  }
  for (const entry of entries.sort()) {
    try {
      const target = await readlink(join(dir, entry));
      if (names.includes(basename(target))) return unescapeUdevName(entry);
    } catch {
      // Not a symlink or vanished meanwhile: skip.
    }
  }
  return undefined;
}

/** Filesystem label and UUID of a device, from udev's `by-label` / `by-uuid` links when present. */
export async function readDiskIds(
  names: readonly string[],
  devDiskRoot = '/dev/disk',
): Promise<{ label?: string; uuid?: string }> {
  const [label, uuid] = await Promise.all([
    linkNamed(join(devDiskRoot, 'by-label'), names),
    linkNamed(join(devDiskRoot, 'by-uuid'), names),
  ]);
  const ids: { label?: string; uuid?: string } = {};
  if (label) ids.label = label;
  if (uuid) ids.uuid = uuid;
  return ids;
}

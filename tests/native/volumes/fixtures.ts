/**
 * Fake Linux system trees for volume-detection tests: a mountinfo file, a sysfs tree of real
 * directories and relative symlinks shaped like the kernel's, and udev /dev/disk links. Everything
 * lives in a fresh temp dir, so the real parsing runs against it unchanged.
 */
import { mkdirSync, mkdtempSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

/** A block disk: where it hangs in /sys/devices, its numbers, and its partitions. */
export interface FakeDisk {
  name: string;
  majorMinor: string;
  /** Parent device path below /sys/devices, e.g. `pci0000:00/0000:00:14.0/usb2/2-1/...`. */
  parent: string;
  removable: 0 | 1;
  partitions?: { name: string; majorMinor: string }[];
}

export const USB_STICK: FakeDisk = {
  name: 'sdb',
  majorMinor: '8:16',
  parent: 'pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0',
  removable: 1,
  partitions: [{ name: 'sdb1', majorMinor: '8:17' }],
};

/** A body camera: reports removable=0, sits on USB, filesystem on the whole disk (no partition table). */
export const BODY_CAMERA: FakeDisk = {
  name: 'sdc',
  majorMinor: '8:32',
  parent: 'pci0000:00/0000:00:14.0/usb1/1-3/1-3:1.0/host7/target7:0:0/7:0:0:0',
  removable: 0,
};

export const SATA_DISK: FakeDisk = {
  name: 'sda',
  majorMinor: '8:0',
  parent: 'pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0',
  removable: 0,
  partitions: [
    { name: 'sda1', majorMinor: '8:1' },
    { name: 'sda2', majorMinor: '8:2' },
    { name: 'sda3', majorMinor: '8:3' },
  ],
};

export const USB_NTFS_DISK: FakeDisk = {
  name: 'sdd',
  majorMinor: '8:48',
  parent: 'pci0000:00/0000:00:14.0/usb2/2-2/2-2:1.0/host8/target8:0:0/8:0:0:0',
  removable: 0,
  partitions: [{ name: 'sdd1', majorMinor: '8:49' }],
};

/** A built-in card reader not on USB: removable=1 alone makes it count. */
export const CARD_READER: FakeDisk = {
  name: 'sde',
  majorMinor: '8:64',
  parent: 'platform/soc/card-reader.0/host9/target9:0:0/9:0:0:0',
  removable: 1,
  partitions: [{ name: 'sde1', majorMinor: '8:65' }],
};

/** A USB stick mounted outside the watched roots. */
export const STRAY_STICK: FakeDisk = {
  name: 'sdf',
  majorMinor: '8:80',
  parent: 'pci0000:00/0000:00:14.0/usb2/2-4/2-4:1.0/host10/target10:0:0/10:0:0:0',
  removable: 1,
  partitions: [{ name: 'sdf1', majorMinor: '8:81' }],
};

/** Lines every system has: proc, sysfs, the root filesystem, an EFI partition. */
export const BASE_MOUNTS = [
  '22 27 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw',
  '23 27 0:22 / /sys rw,nosuid,nodev,noexec,relatime shared:2 - sysfs sysfs rw',
  '27 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw,errors=remount-ro',
  '28 27 8:1 / /boot/efi rw,relatime shared:3 - vfat /dev/sda1 rw,fmask=0077,dmask=0077,codepage=437',
];

export const STICK_LINE =
  '40 27 8:17 / /media/alice/STICK rw,nosuid,nodev,relatime shared:120 - vfat /dev/sdb1 rw,fmask=0022,dmask=0022,codepage=437,iocharset=utf8,shortname=mixed,errors=remount-ro';
export const CAMERA_LINE =
  '41 27 8:32 / /run/media/clerk/DSJ\\040CAM\\040001 rw,nosuid,nodev,relatime shared:121 - exfat /dev/sdc rw,fmask=0022,dmask=0022,iocharset=utf8,errors=remount-ro';
export const SATA_LINE = '42 27 8:3 / /mnt/data rw,relatime shared:5 - ext4 /dev/sda3 rw';
export const BIND_SUBTREE_LINE =
  '43 27 8:17 /DCIM /mnt/dcim rw,relatime shared:120 - vfat /dev/sdb1 rw,fmask=0022';
export const BIND_WHOLE_LINE =
  '44 27 8:17 / /mnt/stick-copy rw,relatime shared:120 - vfat /dev/sdb1 rw,fmask=0022';
export const NTFS_LINE =
  '45 27 0:58 / /media/alice/Backup rw,nosuid,nodev,relatime shared:130 - fuseblk /dev/sdd1 rw,user_id=0,group_id=0,allow_other,blksize=4096';
export const STRAY_LINE = '46 27 8:81 / /srv/usb rw,relatime shared:131 - vfat /dev/sdf1 rw';
export const TMPFS_LINE =
  '47 27 0:60 / /run/media/clerk rw,nosuid,nodev,relatime shared:132 - tmpfs tmpfs rw,mode=750';
export const CARD_LINE =
  '48 27 8:65 / /media/alice/SDCARD ro,nosuid,nodev,relatime shared:140 - vfat /dev/sde1 ro,fmask=0022,dmask=0022';

/** A fake system in a temp dir. */
export interface SystemFixture {
  root: string;
  sysRoot: string;
  devDiskRoot: string;
  mountinfoPath: string;
  addDisk(disk: FakeDisk): void;
  /** Adds `/dev/disk/<kind>/<name>` → `../../<device>`; `name` as udev escapes it. */
  diskLink(kind: 'by-label' | 'by-uuid', name: string, device: string): void;
  /** Replaces the mountinfo file atomically, as the kernel's file never reads half-written. */
  writeMounts(lines: string[]): void;
}

function relLink(target: string, link: string): void {
  mkdirSync(dirname(link), { recursive: true });
  symlinkSync(relative(dirname(link), target), link);
}

/**
 * Creates a fixture. The temp root's path contains a `usb3` component on purpose: USB detection
 * must only look below the sysfs root.
 */
export function systemFixture(): SystemFixture {
  const root = mkdtempSync(join(tmpdir(), 'volumes-'));
  const base = join(root, 'usb3');
  const sysRoot = join(base, 'sys');
  const devDiskRoot = join(base, 'dev', 'disk');
  const mountinfoPath = join(base, 'proc', 'self', 'mountinfo');
  mkdirSync(dirname(mountinfoPath), { recursive: true });
  mkdirSync(join(sysRoot, 'dev', 'block'), { recursive: true });
  mkdirSync(devDiskRoot, { recursive: true });
  let n = 0;
  return {
    root: base,
    sysRoot,
    devDiskRoot,
    mountinfoPath,
    addDisk(disk) {
      const diskDir = join(sysRoot, 'devices', disk.parent, 'block', disk.name);
      mkdirSync(diskDir, { recursive: true });
      writeFileSync(join(diskDir, 'removable'), `${disk.removable}\n`);
      writeFileSync(join(diskDir, 'dev'), `${disk.majorMinor}\n`);
      relLink(diskDir, join(sysRoot, 'dev', 'block', disk.majorMinor));
      relLink(diskDir, join(sysRoot, 'class', 'block', disk.name));
      disk.partitions?.forEach((p, i) => {
        const partDir = join(diskDir, p.name);
        mkdirSync(partDir, { recursive: true });
        writeFileSync(join(partDir, 'partition'), `${i + 1}\n`);
        writeFileSync(join(partDir, 'dev'), `${p.majorMinor}\n`);
        relLink(partDir, join(sysRoot, 'dev', 'block', p.majorMinor));
        relLink(partDir, join(sysRoot, 'class', 'block', p.name));
      });
    },
    diskLink(kind, name, device) {
      const dir = join(devDiskRoot, kind);
      mkdirSync(dir, { recursive: true });
      symlinkSync(`../../${device}`, join(dir, name));
    },
    writeMounts(lines) {
      const tmp = `${mountinfoPath}.${n++}.tmp`;
      writeFileSync(tmp, lines.join('\n') + '\n');
      renameSync(tmp, mountinfoPath);
    },
  };
}

/** The fixture used by most tests: every disk above, labels and UUIDs as udev would make them. */
export function standardFixture(): SystemFixture {
  const fx = systemFixture();
  for (const d of [USB_STICK, BODY_CAMERA, SATA_DISK, USB_NTFS_DISK, CARD_READER, STRAY_STICK]) fx.addDisk(d);
  fx.diskLink('by-label', 'STICK', 'sdb1');
  fx.diskLink('by-label', 'DSJ\\x20CAM\\x20001', 'sdc');
  fx.diskLink('by-label', 'Backup', 'sdd1');
  fx.diskLink('by-label', 'EFI', 'sda1');
  fx.diskLink('by-uuid', '1A2B-3C4D', 'sdb1');
  fx.diskLink('by-uuid', '64F2-9A10', 'sdc');
  fx.diskLink('by-uuid', '0f3c9a4e-5b1d-4c2a-9e7f-2d8b6a1c3e50', 'sda3');
  fx.writeMounts(BASE_MOUNTS);
  return fx;
}

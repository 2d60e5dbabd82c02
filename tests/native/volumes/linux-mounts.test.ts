import { describe, expect, it } from 'vitest';
import {
  candidateMounts,
  isUnderRoot,
  parseMountinfo,
  parseMountinfoLine,
  unescapeMountField,
} from '../../../native/volumes/linux-mounts';
import {
  BASE_MOUNTS,
  BIND_SUBTREE_LINE,
  BIND_WHOLE_LINE,
  CAMERA_LINE,
  CARD_LINE,
  NTFS_LINE,
  SATA_LINE,
  STICK_LINE,
  STRAY_LINE,
  TMPFS_LINE,
} from './fixtures';

const ROOTS = ['/media', '/run/media', '/mnt'];

describe('parseMountinfoLine', () => {
  it('reads every field of a udisks USB mount', () => {
    expect(parseMountinfoLine(STICK_LINE)).toEqual({
      mountId: 40,
      parentId: 27,
      majorMinor: '8:17',
      root: '/',
      mountPoint: '/media/alice/STICK',
      device: '/dev/sdb1',
      fsType: 'vfat',
      readOnly: false,
      mountOptions: ['rw', 'nosuid', 'nodev', 'relatime'],
      superOptions: [
        'rw',
        'fmask=0022',
        'dmask=0022',
        'codepage=437',
        'iocharset=utf8',
        'shortname=mixed',
        'errors=remount-ro',
      ],
      optionalFields: ['shared:120'],
    });
  });

  it('handles zero, one and several optional fields before the separator', () => {
    const none = parseMountinfoLine('50 27 8:17 / /media/a rw - vfat /dev/sdb1 rw');
    const many = parseMountinfoLine(
      '50 27 8:17 / /media/a rw shared:5 master:2 propagate_from:1 unbindable - vfat /dev/sdb1 rw',
    );
    expect(none?.optionalFields).toEqual([]);
    expect(none?.fsType).toBe('vfat');
    expect(many?.optionalFields).toEqual(['shared:5', 'master:2', 'propagate_from:1', 'unbindable']);
    expect(many?.device).toBe('/dev/sdb1');
    expect(many?.fsType).toBe('vfat');
  });

  it('decodes octal escapes in root, mount point and source', () => {
    const e = parseMountinfoLine(CAMERA_LINE);
    expect(e?.mountPoint).toBe('/run/media/clerk/DSJ CAM 001');
    const odd = parseMountinfoLine('51 27 8:17 /a\\134b /media/x\\011y\\012z rw - vfat /dev/disk\\040one rw');
    expect(odd?.root).toBe('/a\\b');
    expect(odd?.mountPoint).toBe('/media/x\ty\nz');
    expect(odd?.device).toBe('/dev/disk one');
  });

  it('keeps raw UTF-8 names and decodes escaped UTF-8 bytes', () => {
    expect(parseMountinfoLine('52 27 8:17 / /media/警员\\040一号 rw - vfat /dev/sdb1 rw')?.mountPoint).toBe(
      '/media/警员 一号',
    );
    expect(unescapeMountField('/media/\\344\\270\\255')).toBe('/media/中');
    // A backslash not followed by three octal digits stays as it is.
    expect(unescapeMountField('/a\\9b\\04')).toBe('/a\\9b\\04');
  });

  it('flags read-only from the mount options or the superblock options', () => {
    expect(parseMountinfoLine(CARD_LINE)?.readOnly).toBe(true);
    expect(
      parseMountinfoLine('53 27 8:17 / /media/a rw,relatime - vfat /dev/sdb1 ro,fmask=0022')?.readOnly,
    ).toBe(true);
    expect(parseMountinfoLine('53 27 8:17 / /media/a rw,relatime - vfat /dev/sdb1 rw')?.readOnly).toBe(false);
  });

  it('returns null for lines without the documented shape', () => {
    expect(parseMountinfoLine('garbage')).toBeNull();
    expect(parseMountinfoLine('40 27 8:17 / /media/a rw shared:1 vfat /dev/sdb1 rw')).toBeNull(); // no separator
    expect(parseMountinfoLine('x 27 8:17 / /media/a rw - vfat /dev/sdb1 rw')).toBeNull();
    expect(parseMountinfoLine('40 27 817 / /media/a rw - vfat /dev/sdb1 rw')).toBeNull();
    expect(parseMountinfoLine('40 27 8:17 / /media/a rw -')).toBeNull();
  });
});

describe('parseMountinfo', () => {
  it('parses a whole table, skipping blank and malformed lines', () => {
    const text = [...BASE_MOUNTS, '', 'not a mount line', STICK_LINE, CAMERA_LINE, ''].join('\n');
    const entries = parseMountinfo(text);
    expect(entries.map((e) => e.mountPoint)).toEqual([
      '/proc',
      '/sys',
      '/',
      '/boot/efi',
      '/media/alice/STICK',
      '/run/media/clerk/DSJ CAM 001',
    ]);
  });
});

describe('candidateMounts', () => {
  const all = parseMountinfo(
    [
      ...BASE_MOUNTS,
      STICK_LINE,
      CAMERA_LINE,
      SATA_LINE,
      BIND_SUBTREE_LINE,
      BIND_WHOLE_LINE,
      NTFS_LINE,
      STRAY_LINE,
      TMPFS_LINE,
      CARD_LINE,
    ].join('\n'),
  );

  it('keeps whole camera filesystems under the roots, each device once', () => {
    expect(candidateMounts(all, ROOTS).map((e) => e.mountPoint)).toEqual([
      '/media/alice/STICK',
      '/run/media/clerk/DSJ CAM 001',
      '/mnt/data', // sysfs decides later that this SATA disk is not removable
      '/media/alice/Backup',
      '/media/alice/SDCARD',
    ]);
  });

  it('honours configured roots and file system types', () => {
    expect(candidateMounts(all, ['/srv']).map((e) => e.mountPoint)).toEqual(['/srv/usb']);
    expect(candidateMounts(all, ROOTS, ['exfat']).map((e) => e.mountPoint)).toEqual([
      '/run/media/clerk/DSJ CAM 001',
    ]);
  });

  it('keys FUSE mounts by source device, not by their anonymous 0:N number', () => {
    const twice = parseMountinfo(
      [
        NTFS_LINE,
        NTFS_LINE.replace('45 27 0:58', '46 27 0:59').replace('/media/alice/Backup', '/mnt/backup2'),
      ].join('\n'),
    );
    expect(candidateMounts(twice, ROOTS).map((e) => e.mountPoint)).toEqual(['/media/alice/Backup']);
  });
});

describe('isUnderRoot', () => {
  it('compares whole path components', () => {
    expect(isUnderRoot('/mnt/usb', '/mnt')).toBe(true);
    expect(isUnderRoot('/mnt', '/mnt')).toBe(true);
    expect(isUnderRoot('/mnt/usb', '/mnt/')).toBe(true);
    expect(isUnderRoot('/mnt2/usb', '/mnt')).toBe(false);
    expect(isUnderRoot('/media', '/run/media')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EngineError } from '../../../native/core/errors';
import { linuxUsbSource, listLinuxUsbVolumes } from '../../../native/volumes/linux-source';
import {
  inspectBlockDevice,
  isRemovableUsb,
  readDiskIds,
  unescapeUdevName,
} from '../../../native/volumes/linux-sysfs';
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
  standardFixture,
  type SystemFixture,
} from './fixtures';

function sourceOpts(fx: SystemFixture) {
  return { mountinfoPath: fx.mountinfoPath, sysRoot: fx.sysRoot, devDiskRoot: fx.devDiskRoot };
}

describe('isRemovableUsb / inspectBlockDevice', () => {
  it('counts a removable USB stick partition, walking from partition to disk', async () => {
    const fx = standardFixture();
    const info = await inspectBlockDevice('8:17', fx.sysRoot);
    expect(info).toMatchObject({ name: 'sdb1', diskName: 'sdb', removable: true, usb: true });
    expect(await isRemovableUsb('8:17', fx.sysRoot)).toBe(true);
  });

  it('counts a body camera that reports removable=0 but sits on USB (whole-disk filesystem)', async () => {
    const fx = standardFixture();
    expect(await inspectBlockDevice('8:32', fx.sysRoot)).toMatchObject({
      name: 'sdc',
      diskName: 'sdc',
      removable: false,
      usb: true,
    });
    expect(await isRemovableUsb('8:32', fx.sysRoot)).toBe(true);
  });

  it('rejects an internal SATA disk even though the fixture path contains "usb3" above /sys', async () => {
    const fx = standardFixture();
    expect(fx.sysRoot).toContain('/usb3/');
    expect(await inspectBlockDevice('8:3', fx.sysRoot)).toMatchObject({
      diskName: 'sda',
      removable: false,
      usb: false,
    });
    expect(await isRemovableUsb('8:3', fx.sysRoot)).toBe(false);
  });

  it('counts a removable disk that is not on USB', async () => {
    const fx = standardFixture();
    expect(await isRemovableUsb('8:65', fx.sysRoot)).toBe(true);
  });

  it('finds FUSE mounts through their source device, and knows nothing of unknown devices', async () => {
    const fx = standardFixture();
    expect(await isRemovableUsb({ majorMinor: '0:58', device: '/dev/sdd1' }, fx.sysRoot)).toBe(true);
    expect(await isRemovableUsb('/dev/sdd1', fx.sysRoot)).toBe(true);
    expect(await isRemovableUsb('0:58', fx.sysRoot)).toBe(false);
    expect(await inspectBlockDevice('8:200', fx.sysRoot)).toBeNull();
    expect(await isRemovableUsb('/dev/nosuch', fx.sysRoot)).toBe(false);
  });

  it('treats a disk without a removable attribute as not removable', async () => {
    const fx = standardFixture();
    rmSync(join(realpathSync(join(fx.sysRoot, 'dev/block/8:17')), '..', 'removable'));
    expect(await inspectBlockDevice('8:17', fx.sysRoot)).toMatchObject({ removable: false, usb: true });
  });
});

describe('readDiskIds', () => {
  it('reads label and UUID from udev links, decoding \\x escapes', async () => {
    const fx = standardFixture();
    expect(await readDiskIds(['sdb1'], fx.devDiskRoot)).toEqual({ label: 'STICK', uuid: '1A2B-3C4D' });
    expect(await readDiskIds(['sdc'], fx.devDiskRoot)).toEqual({ label: 'DSJ CAM 001', uuid: '64F2-9A10' });
    expect(await readDiskIds(['sdd1'], fx.devDiskRoot)).toEqual({ label: 'Backup' });
    expect(await readDiskIds(['sdz'], fx.devDiskRoot)).toEqual({});
    expect(await readDiskIds(['sdb1'], join(fx.root, 'no-such-dev'))).toEqual({});
  });

  it('decodes udev escapes byte-wise, so escaped UTF-8 and plain UTF-8 both work', () => {
    expect(unescapeUdevName('A\\x20B\\x2fC')).toBe('A B/C');
    expect(unescapeUdevName('\\xe4\\xb8\\xad文')).toBe('中文');
    expect(unescapeUdevName('plain')).toBe('plain');
  });
});

describe('linuxUsbSource', () => {
  it('lists the stick, the body camera, a USB NTFS disk and a removable card, nothing else', async () => {
    const fx = standardFixture();
    fx.writeMounts([
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
    ]);
    const volumes = await linuxUsbSource(sourceOpts(fx)).list();
    expect(volumes).toEqual([
      {
        id: '1A2B-3C4D',
        path: '/media/alice/STICK',
        label: 'STICK',
        kind: 'usb',
        device: '/dev/sdb1',
        fsType: 'vfat',
        uuid: '1A2B-3C4D',
        readOnly: false,
      },
      {
        id: '64F2-9A10',
        path: '/run/media/clerk/DSJ CAM 001',
        label: 'DSJ CAM 001',
        kind: 'usb',
        device: '/dev/sdc',
        fsType: 'exfat',
        uuid: '64F2-9A10',
        readOnly: false,
      },
      {
        id: '/dev/sdd1|/media/alice/Backup',
        path: '/media/alice/Backup',
        label: 'Backup',
        kind: 'usb',
        device: '/dev/sdd1',
        fsType: 'fuseblk',
        readOnly: false,
      },
      {
        id: '/dev/sde1|/media/alice/SDCARD',
        path: '/media/alice/SDCARD',
        label: 'SDCARD',
        kind: 'usb',
        device: '/dev/sde1',
        fsType: 'vfat',
        readOnly: true,
      },
    ]);
  });

  it('finds the stray stick when its root is configured', async () => {
    const fx = standardFixture();
    fx.writeMounts([...BASE_MOUNTS, STRAY_LINE, SATA_LINE]);
    const volumes = await listLinuxUsbVolumes({ ...sourceOpts(fx), roots: ['/srv', '/mnt'] });
    expect(volumes.map((v) => v.path)).toEqual(['/srv/usb']);
  });

  it('reports only the whole mount when a stick is also bound elsewhere', async () => {
    const fx = standardFixture();
    fx.writeMounts([...BASE_MOUNTS, BIND_SUBTREE_LINE, STICK_LINE, BIND_WHOLE_LINE]);
    const volumes = await listLinuxUsbVolumes(sourceOpts(fx));
    expect(volumes.map((v) => v.path)).toEqual(['/media/alice/STICK']);
  });

  it('follows a label change on the next list', async () => {
    const fx = standardFixture();
    fx.writeMounts([...BASE_MOUNTS, CARD_LINE]);
    expect((await listLinuxUsbVolumes(sourceOpts(fx)))[0]?.label).toBe('SDCARD');
    fx.diskLink('by-label', '\\xe5\\x8d\\xa1', 'sde1');
    expect((await listLinuxUsbVolumes(sourceOpts(fx)))[0]?.label).toBe('卡');
  });

  it('fails with a clear engine error when the mount table cannot be read', async () => {
    const fx = standardFixture();
    const missing = join(fx.root, 'proc', 'nope');
    const err = await listLinuxUsbVolumes({ ...sourceOpts(fx), mountinfoPath: missing }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).message).toContain(missing);
    expect((err as EngineError).field).toBe('mountinfoPath');
  });

  it.runIf(process.platform === 'linux')(
    'reads the real /proc and /sys of this machine without root',
    async () => {
      // What is plugged in here is unknown; the real files must parse, and the root disk never counts.
      const volumes = await linuxUsbSource().list();
      expect(volumes.every((v) => v.kind === 'usb' && v.path !== '/')).toBe(true);
    },
  );
});

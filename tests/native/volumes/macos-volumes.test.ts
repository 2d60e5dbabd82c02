import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineError } from '../../../native/core/errors';
import {
  isCameraCandidate,
  listVolumeDirs,
  macSource,
  parseDiskutilInfo,
} from '../../../native/volumes/macos-volumes';
import { parsePlist } from '../../../native/volumes/plist';
import { CAMERA_PLIST, DISK_IMAGE_PLIST, INTERNAL_PLIST } from './macos-samples';

/** A fake /Volumes: the boot volume as a symlink to "/", a camera, a disk image, an internal volume, clutter. */
function volumesFixture(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'mac-volumes-')), 'Volumes');
  mkdirSync(root);
  symlinkSync('/', join(root, 'Macintosh HD'));
  for (const name of [
    'DSJ CAM',
    'Installer',
    'Data2',
    '.timemachine',
    'com.apple.TimeMachine.localsnapshots',
  ]) {
    mkdirSync(join(root, name));
  }
  symlinkSync(join(root, 'DSJ CAM'), join(root, 'Alias'));
  writeFileSync(join(root, '.DS_Store'), '');
  writeFileSync(join(root, 'stray-file'), '');
  return root;
}

describe('parsePlist', () => {
  it('reads every element type of the subset, decoding entities', () => {
    expect(parsePlist(DISK_IMAGE_PLIST)).toMatchObject({
      APFSPhysicalStores: [{ APFSPhysicalStore: 'disk5s1' }],
      BusProtocol: 'Disk Image',
      Ejectable: true,
      WritableVolume: false,
      Stamp: '2024-05-01T08:00:00Z',
      Blob: 'AAECAwQ=',
      Ratio: 0.75,
    });
    expect(parsePlist(CAMERA_PLIST)).toMatchObject({ MediaName: 'DSJ & Co Mass Storage', Size: 31914983424 });
    expect(
      parsePlist('<plist><dict><key>a</key><string/><key>b</key><array/><key>c</key><dict/></dict></plist>'),
    ).toEqual({
      a: '',
      b: [],
      c: {},
    });
    expect(parsePlist('<string>&lt;&#x4E2D;&#25991;&gt;</string>')).toBe('<中文>');
  });

  it('rejects malformed documents with BAD_INPUT', () => {
    for (const bad of [
      '',
      '<plist><dict><key>a</key></dict></plist>',
      '<plist><dict><string>x</string></dict></plist>',
      '<plist><dict><key>a</key><integer>x</integer></dict></plist>',
      '<plist><dict><key>a</key><string>x</dict></plist>',
      '<plist><foo/></plist>',
      'Could not find disk: /Volumes/share',
    ]) {
      let err: unknown;
      try {
        parsePlist(bad);
      } catch (e) {
        err = e;
      }
      expect(err, bad).toBeInstanceOf(EngineError);
      expect((err as EngineError).code).toBe('BAD_INPUT');
    }
  });
});

describe('parseDiskutilInfo / isCameraCandidate', () => {
  it('reads a USB camera as a candidate', () => {
    const info = parseDiskutilInfo(CAMERA_PLIST);
    expect(info).toEqual({
      volumeName: 'DSJ CAM',
      volumeUUID: '0E1C9C2B-6F0A-3B7E-9D4A-64F29A10B1C2',
      deviceNode: '/dev/disk4s1',
      mountPoint: '/Volumes/DSJ CAM',
      fsType: 'msdos',
      protocol: 'USB',
      internal: false,
      removable: true,
      ejectable: true,
      external: true,
      writable: true,
    });
    expect(isCameraCandidate(info)).toBe(true);
  });

  it('rejects disk images and internal volumes', () => {
    expect(isCameraCandidate(parseDiskutilInfo(DISK_IMAGE_PLIST))).toBe(false);
    expect(isCameraCandidate(parseDiskutilInfo(INTERNAL_PLIST))).toBe(false);
  });

  it('counts a USB disk that claims neither removable nor ejectable', () => {
    expect(isCameraCandidate({ protocol: 'USB', removable: false, ejectable: false, external: false })).toBe(
      true,
    );
  });

  it('requires a top-level dict', () => {
    expect(() => parseDiskutilInfo('<plist><array/></plist>')).toThrow(EngineError);
  });
});

describe('macSource', () => {
  it('lists /Volumes directories except the boot symlink, hidden entries and files', async () => {
    const root = volumesFixture();
    expect(await listVolumeDirs(root)).toEqual(
      ['Data2', 'DSJ CAM', 'Installer'].sort().map((n) => join(root, n)),
    );
    expect(await listVolumeDirs(join(root, 'missing'))).toEqual([]);
  });

  it('keeps only what diskutil calls removable, asking once per mount and retrying failures', async () => {
    const root = volumesFixture();
    const answers: Record<string, string | null> = {
      'DSJ CAM': CAMERA_PLIST,
      Installer: DISK_IMAGE_PLIST,
      Data2: null, // diskutil fails, as for a network share
    };
    const asked: string[] = [];
    let clock = 0;
    const source = macSource({
      volumesRoot: root,
      now: () => clock,
      retryFailedMs: 5_000,
      diskutil: async (mount) => {
        const name = mount.slice(root.length + 1);
        asked.push(name);
        const a = answers[name];
        if (!a) throw new Error('Could not find disk');
        return a;
      },
    });
    const expected = {
      id: '0E1C9C2B-6F0A-3B7E-9D4A-64F29A10B1C2',
      path: join(root, 'DSJ CAM'),
      label: 'DSJ CAM',
      kind: 'usb',
      device: '/dev/disk4s1',
      fsType: 'msdos',
      uuid: '0E1C9C2B-6F0A-3B7E-9D4A-64F29A10B1C2',
      readOnly: false,
    };
    expect(await source.list()).toEqual([expected]);
    expect(await source.list()).toEqual([expected]);
    expect(asked.sort()).toEqual(['DSJ CAM', 'Data2', 'Installer']);

    answers.Data2 = CAMERA_PLIST.replaceAll('DSJ CAM', 'Data2').replace('0E1C9C2B', '1E1C9C2B');
    clock = 5_000;
    const later = await source.list();
    expect(later.map((v) => v.label)).toEqual(['DSJ CAM', 'Data2']);
    expect(asked).toHaveLength(4);
  });

  it('without diskutil lists every volume directory by name', async () => {
    const root = volumesFixture();
    const volumes = await macSource({ volumesRoot: root, diskutil: null }).list();
    expect(volumes.map((v) => [v.label, v.id])).toEqual([
      ['DSJ CAM', `|${join(root, 'DSJ CAM')}`],
      ['Data2', `|${join(root, 'Data2')}`],
      ['Installer', `|${join(root, 'Installer')}`],
    ]);
  });
});

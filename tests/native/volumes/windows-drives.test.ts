import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../native/core/errors';
import {
  WINDOWS_DRIVES_COMMAND,
  parseLogicalDisks,
  removableDrives,
  windowsSource,
} from '../../../native/volumes/windows-drives';

/** Windows PowerShell 5.1 output (its ConvertTo-Json pads after the colon): system disk, DVD, two cameras, an empty card reader. */
const ARRAY_SAMPLE = `[
    {
        "DeviceID":  "C:",
        "DriveType":  3,
        "VolumeName":  "系统",
        "VolumeSerialNumber":  "5A3C2B1D",
        "FileSystem":  "NTFS"
    },
    {
        "DeviceID":  "D:",
        "DriveType":  5,
        "VolumeName":  null,
        "VolumeSerialNumber":  null,
        "FileSystem":  null
    },
    {
        "DeviceID":  "E:",
        "DriveType":  2,
        "VolumeName":  "DSJ-A8",
        "VolumeSerialNumber":  "64F29A10",
        "FileSystem":  "exFAT"
    },
    {
        "DeviceID":  "F:",
        "DriveType":  2,
        "VolumeName":  null,
        "VolumeSerialNumber":  null,
        "FileSystem":  null
    },
    {
        "DeviceID":  "G:",
        "DriveType":  2,
        "VolumeName":  "执法记录仪",
        "VolumeSerialNumber":  "",
        "FileSystem":  "FAT32"
    },
    {
        "DeviceID":  "Z:",
        "DriveType":  4,
        "VolumeName":  "share",
        "VolumeSerialNumber":  "11112222",
        "FileSystem":  "NTFS"
    }
]
`;

/** PowerShell 7 output with a single disk: ConvertTo-Json unwraps it to one object. */
const SINGLE_SAMPLE =
  '\uFEFF{\r\n  "DeviceID": "e:",\r\n  "DriveType": 2,\r\n  "VolumeName": "",\r\n  "VolumeSerialNumber": "A1B2C3D4",\r\n  "FileSystem": "FAT32"\r\n}\r\n';

describe('parseLogicalDisks', () => {
  it('reads the array form, keeping nulls as null and empty strings as null', () => {
    const disks = parseLogicalDisks(ARRAY_SAMPLE);
    expect(disks.map((d) => d.DeviceID)).toEqual(['C:', 'D:', 'E:', 'F:', 'G:', 'Z:']);
    expect(disks[2]).toEqual({
      DeviceID: 'E:',
      DriveType: 2,
      VolumeName: 'DSJ-A8',
      VolumeSerialNumber: '64F29A10',
      FileSystem: 'exFAT',
    });
    expect(disks[4]?.VolumeSerialNumber).toBeNull();
  });

  it('reads the single-object form with a BOM and CRLFs, upper-casing the letter', () => {
    expect(parseLogicalDisks(SINGLE_SAMPLE)).toEqual([
      { DeviceID: 'E:', DriveType: 2, VolumeName: null, VolumeSerialNumber: 'A1B2C3D4', FileSystem: 'FAT32' },
    ]);
  });

  it('reads empty output as no disks and skips rows without a drive letter', () => {
    expect(parseLogicalDisks('')).toEqual([]);
    expect(parseLogicalDisks('  \r\n')).toEqual([]);
    expect(parseLogicalDisks('[{"DeviceID":"\\\\\\\\?\\\\Volume{x}","DriveType":2}, null, 3]')).toEqual([]);
  });

  it('rejects output that is not JSON with a BAD_INPUT engine error', () => {
    const err = (() => {
      try {
        parseLogicalDisks('Get-CimInstance : Access denied');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('BAD_INPUT');
  });
});

describe('removableDrives', () => {
  it('keeps removable drives with media, as volumes', () => {
    expect(removableDrives(parseLogicalDisks(ARRAY_SAMPLE))).toEqual([
      {
        id: '64F29A10',
        path: 'E:\\',
        label: 'DSJ-A8',
        kind: 'usb',
        device: 'E:',
        fsType: 'exfat',
        uuid: '64F29A10',
      },
      { id: 'G:|G:\\', path: 'G:\\', label: '执法记录仪', kind: 'usb', device: 'G:', fsType: 'fat32' },
    ]);
    expect(removableDrives(parseLogicalDisks(SINGLE_SAMPLE))[0]).toMatchObject({ label: 'E:', path: 'E:\\' });
  });
});

describe('windowsSource', () => {
  it('re-runs the query only when the drive letters change or the refresh time passes', async () => {
    let runs = 0;
    let letters = 'CD';
    let output = '[]';
    let clock = 0;
    const source = windowsSource({
      run: async () => {
        runs++;
        return output;
      },
      letters: async () => letters,
      now: () => clock,
      refreshMs: 10_000,
    });
    expect(await source.list()).toEqual([]);
    expect(await source.list()).toEqual([]);
    expect(runs).toBe(1);

    letters = 'CDE';
    output = SINGLE_SAMPLE;
    expect((await source.list()).map((v) => v.path)).toEqual(['E:\\']);
    expect(runs).toBe(2);

    output = ARRAY_SAMPLE; // a card swapped in place: same letters, seen at the next refresh
    clock = 5_000;
    expect((await source.list()).map((v) => v.id)).toEqual(['A1B2C3D4']);
    clock = 10_000;
    expect((await source.list()).map((v) => v.id)).toEqual(['64F29A10', 'G:|G:\\']);
    expect(runs).toBe(3);
  });

  it('passes query failures on to the watcher', async () => {
    const source = windowsSource({ run: async () => 'not json', letters: async () => 'C' });
    await expect(source.list()).rejects.toBeInstanceOf(EngineError);
  });

  it('queries exactly the documented CIM properties as JSON, forcing UTF-8 output', () => {
    expect(WINDOWS_DRIVES_COMMAND).toContain(
      'Get-CimInstance Win32_LogicalDisk | Select-Object DeviceID,DriveType,VolumeName,VolumeSerialNumber,FileSystem | ConvertTo-Json',
    );
    expect(WINDOWS_DRIVES_COMMAND).toContain('[Console]::OutputEncoding = [System.Text.Encoding]::UTF8');
  });
});

/**
 * Windows removable drives without native code: PowerShell's CIM query, parsed by a pure function.
 * Only the runner touches the OS, and only on win32.
 */
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { EngineError } from '../core/errors';
import type { DetectedVolume, VolumeSource } from './types';

/** One row of `Win32_LogicalDisk` as selected by {@link WINDOWS_DRIVES_COMMAND}. */
export interface WindowsLogicalDisk {
  DeviceID: string;
  /** 2 removable, 3 fixed, 4 network, 5 optical, 6 RAM disk. */
  DriveType: number;
  VolumeName: string | null;
  VolumeSerialNumber: string | null;
  FileSystem: string | null;
}

/**
 * The query. Output is forced to UTF-8 first: Windows PowerShell 5.1 otherwise writes to a pipe in
 * the OEM code page (GBK on Chinese Windows), which would garble Chinese volume names.
 */
export const WINDOWS_DRIVES_COMMAND =
  '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8; ' +
  'Get-CimInstance Win32_LogicalDisk | Select-Object DeviceID,DriveType,VolumeName,VolumeSerialNumber,FileSystem | ConvertTo-Json';

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

/**
 * Parses the JSON PowerShell prints: an array, a single object when there is one disk (ConvertTo-Json
 * unwraps one-element pipelines), or nothing at all. Rows without a drive letter are dropped.
 */
export function parseLogicalDisks(json: string): WindowsLogicalDisk[] {
  const text = json.replace(/^\uFEFF/, '').trim();
  if (text === '') return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new EngineError('BAD_INPUT', `PowerShell's drive list is not JSON: ${(err as Error).message}`, {
      hint: 'Run the Win32_LogicalDisk query by hand in PowerShell to see what it prints.',
      cause: err,
    });
  }
  const rows = Array.isArray(data) ? data : [data];
  const disks: WindowsLogicalDisk[] = [];
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    const r = row as Record<string, unknown>;
    const id = str(r.DeviceID);
    if (!id || !/^[A-Za-z]:$/.test(id)) continue;
    disks.push({
      DeviceID: id.toUpperCase(),
      DriveType: Number(r.DriveType),
      VolumeName: str(r.VolumeName),
      VolumeSerialNumber: str(r.VolumeSerialNumber),
      FileSystem: str(r.FileSystem),
    });
  }
  return disks;
}

/**
 * Removable drives (DriveType 2) with media in them (a card reader with no card has no file
 * system), as volumes: id = volume serial, else `E:|E:\`; label = volume name, else `E:`.
 */
export function removableDrives(disks: readonly WindowsLogicalDisk[]): DetectedVolume[] {
  return disks
    .filter((d) => d.DriveType === 2 && d.FileSystem !== null)
    .map((d) => {
      const path = `${d.DeviceID}\\`;
      const v: DetectedVolume = {
        id: d.VolumeSerialNumber ?? `${d.DeviceID}|${path}`,
        path,
        label: d.VolumeName ?? d.DeviceID,
        kind: 'usb',
        device: d.DeviceID,
        fsType: d.FileSystem!.toLowerCase(),
      };
      if (d.VolumeSerialNumber) v.uuid = d.VolumeSerialNumber;
      return v;
    });
}

/** Runs {@link WINDOWS_DRIVES_COMMAND} and returns its standard output. win32 only. */
export function runLogicalDiskQuery(timeoutMs = 15_000): Promise<string> {
  if (process.platform !== 'win32') {
    return Promise.reject(new EngineError('INTERNAL', 'The Windows drive query runs only on Windows.'));
  }
  return new Promise((resolve, reject) => {
    execFile(
      'powershell.exe',
      ['-NoProfile', '-NonInteractive', '-Command', WINDOWS_DRIVES_COMMAND],
      { windowsHide: true, timeout: timeoutMs, maxBuffer: 1 << 20, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err) {
          reject(
            new EngineError('INTERNAL', `PowerShell drive query failed: ${stderr.trim() || err.message}`, {
              hint: 'USB detection needs Windows PowerShell; use a watched folder or "Import folder…" meanwhile.',
              cause: err,
            }),
          );
        } else resolve(stdout);
      },
    );
  });
}

/** Drive letters whose root answers now; cheap, so it runs every poll. */
async function presentLetters(): Promise<string> {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
  const present = await Promise.all(
    letters.map((l) =>
      access(`${l}:\\`).then(
        () => l,
        () => '',
      ),
    ),
  );
  return present.join('');
}

/** Options of {@link windowsSource}; `run` and `letters` default to the real OS calls. */
export interface WindowsSourceOptions {
  run?: () => Promise<string>;
  letters?: () => Promise<string>;
  /** Re-query at least this often even when the drive letters did not change (a card swapped in place). */
  refreshMs?: number;
  now?: () => number;
}

/**
 * Removable drives on Windows. Starting PowerShell costs ~0.5 s of CPU, too much every second on
 * two cores, so the query re-runs only when the set of present drive letters changes (a mount or
 * an unmount) or `refreshMs` (10 s) has passed; otherwise the last answer is reused.
 */
export function windowsSource(opts: WindowsSourceOptions = {}): VolumeSource {
  const run = opts.run ?? (() => runLogicalDiskQuery());
  const letters = opts.letters ?? presentLetters;
  const refreshMs = opts.refreshMs ?? 10_000;
  const now = opts.now ?? Date.now;
  let last: { letters: string; at: number; volumes: DetectedVolume[] } | null = null;
  return {
    async list() {
      const present = await letters();
      if (last && last.letters === present && now() - last.at < refreshMs) return [...last.volumes];
      const volumes = removableDrives(parseLogicalDisks(await run()));
      last = { letters: present, at: now(), volumes };
      return [...volumes];
    },
  };
}

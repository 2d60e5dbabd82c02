import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { EngineError } from '../core/errors';

/** What a file name (or the volume's device-information file) tells about a recording. */
export interface Recognition {
  deviceSerial?: string;
  officerCode?: string;
  /** ISO time, read as China Standard Time (cameras record local time, no zone). */
  recordedAt?: string;
  important: boolean;
  /** Name of the pattern that matched, if any. */
  pattern?: string;
}

export interface CameraPatterns {
  importantPattern: RegExp;
  devicePattern: RegExp;
  patterns: { name: string; regex: RegExp }[];
}

/**
 * Loads the file-name patterns (resources/camera-patterns.json). A bad regex is reported with
 * its name so an administrator can fix the file.
 */
export function loadPatterns(file: string): CameraPatterns {
  let raw: { importantPattern: string; devicePattern: string; patterns: { name: string; regex: string }[] };
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new EngineError('BAD_INPUT', `Cannot read camera patterns ${file}: ${(err as Error).message}`, {
      hint: 'Fix or restore resources/camera-patterns.json.',
    });
  }
  const compile = (name: string, src: string, flags = '') => {
    try {
      return new RegExp(src, flags);
    } catch (err) {
      throw new EngineError(
        'BAD_INPUT',
        `Camera pattern "${name}" in ${file} is not a valid regular expression: ${(err as Error).message}`,
      );
    }
  };
  return {
    importantPattern: compile('importantPattern', raw.importantPattern, 'i'),
    devicePattern: compile('devicePattern', raw.devicePattern, 'i'),
    patterns: raw.patterns.map((p) => ({ name: p.name, regex: compile(p.name, p.regex) })),
  };
}

/** Reads device, officer, start time and the important flag from a file's name. */
export function recognizeName(relPath: string, patterns: CameraPatterns): Recognition {
  const name = basename(relPath);
  const important = patterns.importantPattern.test(name);
  for (const p of patterns.patterns) {
    const g = p.regex.exec(name)?.groups;
    if (!g) continue;
    const r: Recognition = { important, pattern: p.name };
    if (g.device) r.deviceSerial = g.device;
    if (g.officer) r.officerCode = g.officer;
    const at = g.year ? localTime(g) : undefined;
    if (at) r.recordedAt = at;
    return r;
  }
  return { important };
}

function localTime(g: Record<string, string | undefined>): string | undefined {
  const [y, mo, d, h, mi, s] = ['year', 'month', 'day', 'hour', 'minute', 'second'].map((k) =>
    Number(g[k] ?? 0),
  );
  const t = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) - 8 * 3600_000; // UTC+8, no daylight saving
  const check = new Date(t + 8 * 3600_000);
  if (
    Number.isNaN(t) ||
    check.getUTCMonth() !== mo! - 1 ||
    check.getUTCDate() !== d! ||
    h! > 23 ||
    mi! > 59 ||
    s! > 59
  ) {
    return undefined;
  }
  return new Date(t).toISOString();
}

export interface DeviceInfo {
  serial?: string;
  model?: string;
  officerCode?: string;
}

/**
 * Parses a camera's device-information file: INI-style `Key=Value` lines (sections ignored).
 * Keys are matched loosely: Serial/SN/DeviceID, Model, Officer/PoliceNo/警号.
 */
export function parseDeviceInfo(text: string): DeviceInfo {
  const info: DeviceInfo = {};
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const m = /^\s*([^=#;[\]]+?)\s*[=:]\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase().replace(/[\s_-]/g, '');
    const value = m[2]!;
    if (!value) continue;
    if (['serial', 'sn', 'deviceid', 'deviceserial', 'devicesn', '设备编号'].includes(key))
      info.serial = value;
    else if (['model', 'devicemodel', '型号'].includes(key)) info.model = value;
    else if (['officer', 'officercode', 'policeno', 'policeid', 'userid', '警号'].includes(key))
      info.officerCode = value;
  }
  return info;
}

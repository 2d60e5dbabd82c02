/**
 * Parsing of ffmpeg's `-progress pipe:1` output: blocks of `key=value` lines, each block closed
 * by `progress=continue` (or `progress=end` for the last one). Pure functions, no I/O.
 */

/** One progress report: media time written so far, speed, and whether ffmpeg has finished. */
export interface ProgressReport {
  /** Output time reached, in seconds (0 while ffmpeg reports N/A or a negative start time). */
  seconds: number;
  /** Times real time (ffmpeg's "1.5x"), null while ffmpeg reports N/A or 0x. */
  speed: number | null;
  done: boolean;
}

/**
 * Splits a growing stdout buffer into complete blocks. Returns the blocks' text and the
 * unfinished rest, to be prefixed to the next chunk.
 */
export function splitProgressBlocks(buffer: string): { blocks: string[]; rest: string } {
  const blocks: string[] = [];
  const re = /^progress=(?:continue|end)[ \t]*(?:\r?\n|$)/gm;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(buffer))) {
    // A closing line at the very end without its newline may still be growing ("progress=cont…").
    if (m.index + m[0].length === buffer.length && !/\n$/.test(m[0])) break;
    blocks.push(buffer.slice(start, m.index + m[0].length));
    start = m.index + m[0].length;
  }
  return { blocks, rest: buffer.slice(start) };
}

/**
 * Reads one block. Time comes from `out_time_us`, else `out_time_ms` (which ffmpeg, despite the
 * name, also writes in microseconds), else `out_time` (HH:MM:SS.micro). Returns null for text
 * that is not a progress block.
 */
export function parseProgressBlock(block: string): ProgressReport | null {
  const kv = new Map<string, string>();
  for (const line of block.split(/\r?\n/)) {
    const eq = line.indexOf('=');
    if (eq > 0) kv.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  const state = kv.get('progress');
  if (state !== 'continue' && state !== 'end') return null;
  return { seconds: outTimeSeconds(kv), speed: parseSpeed(kv.get('speed')), done: state === 'end' };
}

/** Parses every complete block of a whole recorded output, in order. */
export function parseProgressOutput(text: string): ProgressReport[] {
  const { blocks, rest } = splitProgressBlocks(text.endsWith('\n') ? text : `${text}\n`);
  const reports = blocks.map(parseProgressBlock).filter((r): r is ProgressReport => r !== null);
  if (rest.trim()) {
    const last = parseProgressBlock(rest);
    if (last) reports.push(last);
  }
  return reports;
}

/** Percentage done (0–100, one decimal), or null when the duration is unknown. */
export function percent(seconds: number, durationSec: number | null | undefined): number | null {
  if (!durationSec || !Number.isFinite(durationSec) || durationSec <= 0) return null;
  const p = (Math.max(0, seconds) / durationSec) * 100;
  return Math.round(Math.min(100, p) * 10) / 10;
}

function outTimeSeconds(kv: Map<string, string>): number {
  for (const key of ['out_time_us', 'out_time_ms']) {
    const v = kv.get(key);
    if (v !== undefined && /^-?\d+$/.test(v)) return clamp(Number(v) / 1e6);
  }
  const t = kv.get('out_time');
  const m = t ? /^(-?)(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(t) : null;
  if (m) {
    const s = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
    return clamp(m[1] === '-' ? -s : s);
  }
  return 0;
}

function parseSpeed(v: string | undefined): number | null {
  const m = v ? /^(\d+(?:\.\d+)?(?:e[+-]?\d+)?)x$/i.exec(v) : null;
  if (!m) return null;
  const n = Number(m[1]);
  return n > 0 && Number.isFinite(n) ? n : null;
}

/** ffmpeg prints a large negative time before the first frame is written; treat it as 0. */
function clamp(s: number): number {
  return Number.isFinite(s) && s > 0 ? s : 0;
}

/**
 * Writing derived files safely: ffmpeg writes a temp name in the output directory, the result is
 * checked, fsynced and renamed into place, then hashed; on any failure the temp file is removed,
 * so a cancelled or failed job leaves nothing behind. Plus the frame-size arithmetic they share.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { EngineError, toEngineError } from '../core/errors';
import { sha256File } from '../core/hash';
import { resolveFfmpeg } from './binaries';
import { runFfmpeg } from './run-ffmpeg';
import type { DeriveOptions, DerivedFile, DerivedKind, MediaProbe, ReadableProbe } from './types';

/** Prefix of in-progress files; anything named so in an output directory is debris from a crash. */
export const PARTIAL_PREFIX = '.partial-';

/**
 * Runs `write(tmpPath)` and turns its output into `outDir/fileName`. `write` returns the meta.
 * An empty or missing output is an INTERNAL error naming `input`.
 */
export async function produce<M>(
  kind: DerivedKind,
  input: string,
  outDir: string,
  fileName: string,
  write: (tmpPath: string) => Promise<M>,
): Promise<DerivedFile<M>> {
  await mkdir(outDir, { recursive: true });
  // The real extension stays last, so tools that look at it (and people) still recognise the file.
  const tmp = join(outDir, `${PARTIAL_PREFIX}${randomBytes(6).toString('hex')}-${fileName}`);
  const final = join(outDir, fileName);
  try {
    const meta = await write(tmp);
    const st = await stat(tmp).catch(() => null);
    if (!st || st.size === 0) {
      throw new EngineError(
        'INTERNAL',
        `ffmpeg wrote no ${kind} for ${input}: the file may hold no decodable frames.`,
      );
    }
    const fh = await open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, final);
    const { sha256, size } = await sha256File(final);
    return { kind, path: final, sha256, size, meta };
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw err instanceof EngineError ? err : toEngineError(err);
  }
}

/** The probe, when it is a readable one of the wanted kinds; BAD_INPUT otherwise. */
export function requireKind(
  probe: MediaProbe,
  kinds: ReadableProbe['kind'][],
  input: string,
  what: string,
): ReadableProbe {
  if (probe.unreadable) {
    throw new EngineError(
      'BAD_INPUT',
      `Cannot make a ${what} for ${input}: the file is unreadable (${probe.reason}).`,
    );
  }
  if (!kinds.includes(probe.kind)) {
    throw new EngineError(
      'BAD_INPUT',
      `Cannot make a ${what} for ${input}: it is ${probe.kind}, not ${kinds.join(' or ')}.`,
    );
  }
  return probe;
}

/** The ffmpeg to run: the caller's choice, else resolveFfmpeg(). */
export function ffmpegBin(path?: string): string {
  return path ?? resolveFfmpeg();
}

/**
 * Fits a displayed frame into a box, keeping its aspect, never enlarging, both sides even (the
 * H.264 4:2:0 encoder and JPEG chroma need even sizes).
 */
export function fitInside(
  width: number,
  height: number,
  maxWidth: number,
  maxHeight: number,
): { width: number; height: number } {
  if (!(width > 0 && height > 0))
    return { width: even(Math.min(maxWidth, 640)), height: even(Math.min(maxHeight, 360)) };
  const scale = Math.min(1, maxWidth / width, maxHeight / height);
  return { width: even(width * scale), height: even(height * scale) };
}

/** Box for a proxy: short side ≤ `shortSide`, long side ≤ 16:9 of it (landscape and portrait alike). */
export function proxyBox(
  width: number,
  height: number,
  shortSide: number,
): { width: number; height: number } {
  const longSide = Math.round((shortSide * 16) / 9);
  return width >= height
    ? fitInside(width, height, longSide, shortSide)
    : fitInside(width, height, shortSide, longSide);
}

/** Nearest even integer ≥ 2. */
export function even(n: number): number {
  return Math.max(2, Math.round(n / 2) * 2);
}

/** A time limit for a job: a minute, or `perSecond` seconds per second of media when that is longer. */
export function defaultTimeout(durationSec: number | null, perSecond: number): number {
  return Math.max(60_000, Math.round((durationSec ?? 0) * perSecond * 1000));
}

/** Seconds, trimmed for an ffmpeg argument. */
export function secs(n: number): string {
  return (Math.round(n * 1000) / 1000).toString();
}

/**
 * Runs ffmpeg with `args` and then the output path `tmp`, under the derive options' binary,
 * signal and timeout (`defaultTimeoutMs` unless the caller set one). Pass `durationSec` for
 * long jobs whose progress the caller reports.
 */
export async function ffmpegInto(
  tmp: string,
  args: readonly string[],
  input: string,
  opts: DeriveOptions,
  defaultTimeoutMs: number,
  durationSec?: number | null,
): Promise<void> {
  await runFfmpeg({
    bin: ffmpegBin(opts.ffmpegPath),
    args: [...args, tmp],
    input,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs ?? defaultTimeoutMs,
    ...(durationSec === undefined ? {} : { durationSec, onProgress: opts.onProgress }),
  });
}

/**
 * Derived files for videos: the H.264/AAC proxy, the poster and the keyframe scrub strip. Each
 * writes into `outDir` under a fixed name (proxy.mp4, poster.jpg, strip.jpg) — give each item its
 * own directory — and returns the file's path, SHA-256, size and what the UI needs to use it.
 * Audio and photo derivations live in derive-audio.ts / derive-photo.ts and are re-exported here.
 * ffmpeg applies rotation metadata itself (autorotate), so every output is upright and carries
 * no rotation of its own.
 */
import { stat } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { runFfmpeg } from './run-ffmpeg';
import {
  defaultTimeout,
  ffmpegInto,
  even,
  ffmpegBin,
  fitInside,
  produce,
  proxyBox,
  requireKind,
  secs,
} from './derived-output';
import type { DeriveOptions, DerivedFile, MediaProbe, ReadableProbe } from './types';

export { makeAudioProxy, makeWaveform } from './derive-audio';
export { makePhotoThumb } from './derive-photo';

export interface ProxyOptions extends DeriveOptions {
  /** Short side of the proxy at most this (default 720: 1280×720 landscape, 720×1280 portrait). */
  shortSide?: number;
  /** libx264 preset (default PROXY_PRESET). */
  preset?: string;
  /** libx264 constant quality (default 26). */
  crf?: number;
}

export type ProxyMeta = {
  width: number;
  height: number;
  durationSec: number | null;
  preset: string;
  crf: number;
  deinterlaced: boolean;
  audio: 'copied' | 'encoded' | 'none';
  /** Clockwise rotation of the original that was applied to the pixels. */
  rotationApplied: number;
};

/**
 * Proxy encoder settings, measured with bench/proxy-bench.ts (60 s 1080p30 HEVC → 1280×720 on 2
 * cores shared with other work): decoding the HEVC alone costs ~18 CPU s, so the encoder must be
 * cheap. ultrafast: ~35 CPU s, 21.9–28.9 s wall (2.1–2.7× real time); superfast: ~48 CPU s,
 * 34–62 s wall (1.0–1.8×, below the 1.5× goal whenever the machine is busy). CRF sets quality.
 */
export const PROXY_PRESET = 'ultrafast';
export const PROXY_CRF = 26;

/** Makes proxy.mp4: H.264 (libx264) + AAC, faststart, upright, deinterlaced, at most 720p. */
export async function makeProxy(
  input: string,
  probe: MediaProbe,
  outDir: string,
  opts: ProxyOptions = {},
): Promise<DerivedFile<ProxyMeta>> {
  const p = requireKind(probe, ['video'], input, 'video proxy');
  const v = p.video!;
  const size = proxyBox(v.displayWidth, v.displayHeight, opts.shortSide ?? 720);
  const preset = opts.preset ?? PROXY_PRESET;
  const crf = opts.crf ?? PROXY_CRF;
  const filters = [
    ...(v.interlaced ? ['yadif=mode=send_frame:parity=auto:deint=all'] : []),
    `scale=${size.width}:${size.height}`,
    'setsar=1',
    'format=yuv420p',
  ];
  const audio = p.audio
    ? p.audio.codec === 'aac' && (p.audio.channels ?? 2) <= 2
      ? 'copied'
      : 'encoded'
    : 'none';
  const gop = Math.max(1, Math.round((v.fps && v.fps < 120 ? v.fps : 30) * 2)); // a keyframe every 2 s: quick seeks
  // prettier-ignore
  const args = [
    '-i', resolvePath(input),
    '-map', '0:v:0', '-map', '0:a:0?', '-sn', '-dn',
    '-vf', filters.join(','),
    '-c:v', 'libx264', '-preset', preset, '-crf', String(crf), '-g', String(gop),
    ...audioArgs(audio, p),
    '-movflags', '+faststart', '-max_muxing_queue_size', '1024',
    '-f', 'mp4',
  ];
  return produce('proxy', input, outDir, 'proxy.mp4', async (tmp) => {
    await ffmpegInto(tmp, args, input, opts, defaultTimeout(p.durationSec, 10), p.durationSec);
    return {
      ...size,
      durationSec: p.durationSec,
      preset,
      crf,
      deinterlaced: v.interlaced,
      audio,
      rotationApplied: v.rotation,
    } satisfies ProxyMeta;
  });
}

function audioArgs(mode: 'copied' | 'encoded' | 'none', p: ReadableProbe): string[] {
  if (mode === 'none') return [];
  if (mode === 'copied') return ['-c:a', 'copy'];
  const a = p.audio!;
  const channels = Math.min(a.channels ?? 2, 2);
  // AMR/ADPCM speech is often 8 kHz: AAC at 16 kHz keeps it and plays everywhere.
  const rate = a.sampleRate && a.sampleRate < 16000 ? ['-ar', '16000'] : [];
  return ['-c:a', 'aac', '-b:a', channels > 1 ? '128k' : '64k', '-ac', String(channels), ...rate];
}

export type PosterMeta = {
  width: number;
  height: number;
  /** Where the frame was taken, seconds from the start. */
  atSec: number;
};

/** Makes poster.jpg: one upright frame at ~10 % of the duration (the first frame if that fails), at most 640×640. */
export async function makePoster(
  input: string,
  probe: MediaProbe,
  outDir: string,
  opts: DeriveOptions = {},
): Promise<DerivedFile<PosterMeta>> {
  const p = requireKind(probe, ['video'], input, 'poster');
  const size = fitInside(p.video!.displayWidth, p.video!.displayHeight, 640, 640);
  const at = p.durationSec && p.durationSec >= 1 ? Math.round(p.durationSec * 100) / 1000 : 0;
  // prettier-ignore
  const args = (tmp: string, seek: number) => [
    ...(seek > 0 ? ['-ss', secs(seek)] : []),
    '-i', resolvePath(input),
    '-map', '0:v:0', '-frames:v', '1',
    '-vf', `scale=${size.width}:${size.height},setsar=1`,
    '-c:v', 'mjpeg', '-q:v', '3', '-f', 'image2', '-update', '1', tmp,
  ];
  const grab = (tmp: string, seek: number) =>
    runFfmpeg({
      bin: ffmpegBin(opts.ffmpegPath),
      args: args(tmp, seek),
      input,
      signal: opts.signal,
      timeoutMs: opts.timeoutMs ?? 60_000,
    });
  return produce('poster', input, outDir, 'poster.jpg', async (tmp) => {
    await grab(tmp, at);
    // A truncated file may claim a duration its data does not reach: fall back to the first frame.
    if (at > 0 && !(await nonEmpty(tmp))) {
      await grab(tmp, 0);
      return { ...size, atSec: 0 };
    }
    return { ...size, atSec: at };
  });
}

export type StripMeta = {
  columns: number;
  rows: number;
  tileWidth: number;
  tileHeight: number;
  /** Tiles that hold frames; tile i shows the video at i × intervalSec. */
  count: number;
  intervalSec: number;
};

const STRIP_COLUMNS = 10;
const STRIP_ROWS = 6;
const TILE_WIDTH = 160;

/**
 * Makes strip.jpg: a grid of up to 10×6 tiles, 160 px wide, tile i showing the video at
 * i × intervalSec (row-major), so the player maps a time to a tile. Only keyframes are decoded
 * (`-skip_frame nokey`), which makes it cheap; a tile shows the keyframe at or before its time.
 */
export async function makeScrubStrip(
  input: string,
  probe: MediaProbe,
  outDir: string,
  opts: DeriveOptions = {},
): Promise<DerivedFile<StripMeta>> {
  const p = requireKind(probe, ['video'], input, 'scrub strip');
  const v = p.video!;
  const duration = p.durationSec && p.durationSec > 0 ? p.durationSec : 1;
  const max = STRIP_COLUMNS * STRIP_ROWS;
  const intervalSec = Math.max(1, duration / max);
  const count = Math.max(1, Math.min(max, Math.ceil(duration / intervalSec - 1e-6)));
  const columns = Math.min(STRIP_COLUMNS, count);
  const rows = Math.ceil(count / columns);
  const tileWidth = TILE_WIDTH;
  const tileHeight = even((TILE_WIDTH * v.displayHeight) / Math.max(1, v.displayWidth));
  const filters = [
    // Repeat the last keyframe to the end, so late tiles are not left black.
    `tpad=stop_mode=clone:stop_duration=${secs(duration)}`,
    `fps=fps=1/${secs(intervalSec)}:round=down`,
    `scale=${tileWidth}:${tileHeight}`,
    'setsar=1',
    `tile=${columns}x${rows}:nb_frames=${count}`,
  ];
  // prettier-ignore
  const args = [
    '-skip_frame', 'nokey',
    '-i', resolvePath(input),
    '-map', '0:v:0', '-an', '-sn', '-dn',
    '-vf', filters.join(','),
    '-frames:v', '1', '-c:v', 'mjpeg', '-q:v', '5', '-f', 'image2', '-update', '1',
  ];
  return produce('strip', input, outDir, 'strip.jpg', async (tmp) => {
    await ffmpegInto(tmp, args, input, opts, defaultTimeout(p.durationSec, 2));
    return {
      columns,
      rows,
      tileWidth,
      tileHeight,
      count,
      intervalSec: Math.round(intervalSec * 1000) / 1000,
    };
  });
}

async function nonEmpty(path: string): Promise<boolean> {
  const st = await stat(path).catch(() => null);
  return !!st && st.size > 0;
}

/** Fixtures for the media tests: short clips generated with the real ffmpeg into a temp dir. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { resolveFfmpeg, resolveFfprobe } from '../../../native/media/binaries';
import { amrNbFile } from '../../../native/fixtures/amr-nb';

const exec = promisify(execFile);

export const FFMPEG = resolveFfmpeg();
export const FFPROBE = resolveFfprobe();

/** A fresh temp dir and its removal. */
export function tempDir(prefix = 'media-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs ffmpeg quietly to completion; throws with its stderr on failure. */
export async function ffmpeg(...args: string[]): Promise<void> {
  await exec(FFMPEG, ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', ...args], {
    maxBuffer: 1 << 26,
  });
}

/** Splits fixed flags (no spaces inside any) into arguments. */
const f = (s: string): string[] => s.split(' ');

const video = (size: string, seconds: number, rate = 30) => [
  '-f',
  'lavfi',
  '-i',
  `testsrc2=size=${size}:rate=${rate}:duration=${seconds}`,
];
const tone = (seconds: number, rate = 48000) => [
  '-f',
  'lavfi',
  '-i',
  `sine=frequency=440:sample_rate=${rate}:duration=${seconds}`,
];

/** H.264 + AAC MP4 (moov at the end, as cameras write it, unless `faststart`). */
export async function h264Mp4(
  dir: string,
  name = 'h264.mp4',
  o: { seconds?: number; size?: string; faststart?: boolean; extra?: string[] } = {},
) {
  const out = join(dir, name);
  const s = o.seconds ?? 2;
  await ffmpeg(
    ...video(o.size ?? '320x240', s),
    ...tone(s),
    ...f('-c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -b:a 64k -shortest'),
    ...(o.faststart ? f('-movflags +faststart') : []),
    ...(o.extra ?? []),
    out,
  );
  return out;
}

/** HEVC (hvc1) + AAC MP4. */
export async function hevcMp4(dir: string, name = 'hevc.mp4', seconds = 2, size = '320x240') {
  const out = join(dir, name);
  await ffmpeg(
    ...video(size, seconds),
    ...tone(seconds),
    ...f(
      '-c:v libx265 -preset ultrafast -x265-params log-level=error -tag:v hvc1 -pix_fmt yuv420p -c:a aac -b:a 64k -shortest',
    ),
    out,
  );
  return out;
}

/** Motion-JPEG AVI with PCM or IMA ADPCM sound, as older cameras record. */
export async function mjpegAvi(
  dir: string,
  audio: 'pcm_s16le' | 'adpcm_ima_wav',
  name = `mjpeg-${audio}.avi`,
) {
  const out = join(dir, name);
  await ffmpeg(
    ...video('320x240', 2, 25),
    ...tone(2, 16000),
    ...f(`-c:v mjpeg -q:v 5 -pix_fmt yuvj420p -c:a ${audio} -ac 1 -shortest`),
    out,
  );
  return out;
}

/** Interlaced (top field first) H.264 in MP4. */
export async function interlacedMp4(dir: string) {
  const out = join(dir, 'interlaced.mp4');
  await ffmpeg(
    ...video('320x240', 2, 50),
    ...f(
      '-vf tinterlace=interleave_top,fieldorder=tff -c:v libx264 -preset ultrafast -flags +ildct+ilme -x264-params tff=1 -pix_fmt yuv420p',
    ),
    out,
  );
  return out;
}

/** 16 kHz mono PCM WAV. */
export async function wav(dir: string, codec = 'pcm_s16le', name = 'audio.wav') {
  const out = join(dir, name);
  await ffmpeg(...tone(2, 16000), ...f(`-c:a ${codec} -ac 1`), out);
  return out;
}

/**
 * AMR-NB: with libopencore_amrnb when this ffmpeg has it; Debian's does not, so otherwise the
 * bitstream is written directly (native/fixtures/amr-nb.ts) — ffmpeg decodes both the same way.
 */
export async function amr(dir: string) {
  const out = join(dir, 'voice.amr');
  if (await hasEncoder('libopencore_amrnb'))
    await ffmpeg(...tone(2, 8000), ...f('-c:a libopencore_amrnb -ar 8000 -ac 1 -b:a 12.2k'), out);
  else writeFileSync(out, amrNbFile(2, 7));
  return out;
}

/** A single-frame JPEG (or PNG by extension). */
export async function photo(dir: string, name = 'photo.jpg', size = '320x240') {
  const out = join(dir, name);
  await ffmpeg(
    ...video(size, 1, 1),
    ...f('-frames:v 1'),
    ...(name.endsWith('.jpg') ? f('-q:v 3 -pix_fmt yuvj420p') : []),
    out,
  );
  return out;
}

/** A clip whose top half is white and bottom half black, tagged to be shown rotated. */
export async function rotatedMp4(dir: string) {
  const plain = join(dir, 'upright.mp4');
  const out = join(dir, 'rotated.mp4');
  await ffmpeg(
    '-f',
    'lavfi',
    '-i',
    'color=white:size=320x240:rate=25:duration=1,drawbox=x=0:y=120:w=320:h=120:color=black:t=fill',
    ...f('-c:v libx264 -preset ultrafast -pix_fmt yuv420p'),
    plain,
  );
  // ffmpeg 5.1 turns the rotate tag into a display matrix on a stream copy (≥ 6: -display_rotation).
  await ffmpeg('-i', plain, ...f('-c copy -metadata:s:v:0 rotate=90'), out);
  return out;
}

/** Whether this ffmpeg has an encoder of that name. */
export async function hasEncoder(name: string): Promise<boolean> {
  const { stdout } = await exec(FFMPEG, ['-hide_banner', '-encoders'], { maxBuffer: 1 << 22 });
  return new RegExp(`\\s${name}\\s`).test(stdout);
}

/** Raw 8-bit gray pixels of the first frame of a file, scaled to w×h. */
export async function grayPixels(path: string, w: number, h: number): Promise<Buffer> {
  const { stdout } = await exec(
    FFMPEG,
    [
      '-v',
      'error',
      '-i',
      path,
      '-frames:v',
      '1',
      '-vf',
      `scale=${w}:${h}:flags=area,format=gray`,
      '-f',
      'rawvideo',
      '-',
    ],
    {
      encoding: 'buffer',
      maxBuffer: 1 << 26,
    },
  );
  return stdout;
}

/** Files in a dir, hidden ones (partial outputs) included. */
export function listDir(dir: string): string[] {
  return readdirSync(dir).sort();
}

import { createHash } from 'node:crypto';
import { readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePoster, makeProxy, makeScrubStrip } from '../../../native/media/derive';
import { needsProxy } from '../../../native/media/playability';
import { probeMedia } from '../../../native/media/probe';
import type { JobProgress, ReadableProbe } from '../../../native/media/types';
import * as fx from './helpers';

async function readable(path: string): Promise<ReadableProbe> {
  const p = await probeMedia(path);
  if (p.unreadable) throw new Error(`unexpectedly unreadable: ${p.reason}`);
  return p;
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

describe('video derivations (real ffmpeg)', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = fx.tempDir('media-derive-')));
  afterAll(() => cleanup());

  it('makes an H.264/AAC proxy of an HEVC clip that then plays as is', async () => {
    const input = await fx.hevcMp4(dir);
    const probe = await readable(input);
    expect(needsProxy(probe)).toMatchObject({ proxy: true, target: 'video' });
    const out = join(dir, 'out-hevc');
    const seen: JobProgress[] = [];
    const d = await makeProxy(input, probe, out, { onProgress: (p) => seen.push(p) });
    expect(d).toMatchObject({
      kind: 'proxy',
      path: join(out, 'proxy.mp4'),
      meta: { width: 320, height: 240, audio: 'copied' },
    });
    expect(d.sha256).toBe(sha(d.path));
    expect(d.size).toBe(readFileSync(d.path).length);
    expect(seen.at(-1)).toMatchObject({ done: true, percent: 100 });
    const pp = await readable(d.path);
    expect(pp).toMatchObject({
      video: { codec: 'h264', pixFmt: 'yuv420p', rotation: 0 },
      audio: { codec: 'aac' },
    });
    expect(pp.durationSec).toBeCloseTo(2, 0);
    expect(needsProxy(pp).proxy).toBe(false);
    expect(fx.listDir(out)).toEqual(['proxy.mp4']); // no partial file left behind
    // faststart: the moov atom precedes the media data, so playback starts before the download ends.
    const bytes = readFileSync(d.path);
    expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'));
  });

  it('makes a proxy of MJPEG AVI with ADPCM sound, encoding the sound to AAC', async () => {
    const input = await fx.mjpegAvi(dir, 'adpcm_ima_wav');
    const d = await makeProxy(input, await readable(input), join(dir, 'out-avi'));
    expect(d.meta.audio).toBe('encoded');
    const pp = await readable(d.path);
    expect(pp).toMatchObject({ video: { codec: 'h264' }, audio: { codec: 'aac', sampleRate: 16000 } });
    expect(needsProxy(pp).proxy).toBe(false);
  });

  it('deinterlaces interlaced video', async () => {
    const input = await fx.interlacedMp4(dir);
    const d = await makeProxy(input, await readable(input), join(dir, 'out-int'));
    expect(d.meta.deinterlaced).toBe(true);
    const pp = await readable(d.path);
    expect(pp.video?.interlaced).toBe(false);
    expect(needsProxy(pp).proxy).toBe(false);
  });

  it('applies rotation: the proxy and poster are upright, in the direction the probe reports, with no rotation left', async () => {
    const input = await fx.rotatedMp4(dir); // top half white, bottom half black, tagged rotated
    const probe = await readable(input);
    const d = await makeProxy(input, probe, join(dir, 'out-rot'), { preset: 'ultrafast' });
    expect(d.meta).toMatchObject({ width: 240, height: 320, rotationApplied: probe.video!.rotation });
    const pp = await readable(d.path);
    expect(pp.video).toMatchObject({ width: 240, height: 320, rotation: 0 });
    // Turned clockwise by 90° the white top ends up on the right; by 270°, on the left.
    const px = await fx.grayPixels(d.path, 2, 2);
    const [left, right] = [px[0]!, px[1]!];
    if (probe.video!.rotation === 90) expect(right - left).toBeGreaterThan(150);
    else expect(left - right).toBeGreaterThan(150);
    const poster = await makePoster(input, probe, join(dir, 'out-rot'));
    expect(poster.meta).toMatchObject({ width: 240, height: 320 });
    const pp2 = await fx.grayPixels(poster.path, 2, 2);
    expect(Math.sign(pp2[0]! - pp2[1]!)).toBe(Math.sign(left - right));
  });

  it('makes a poster at about 10 % of the duration, at most 640 wide', async () => {
    const input = await fx.h264Mp4(dir, 'wide.mp4', { seconds: 3, size: '1280x720' });
    const d = await makePoster(input, await readable(input), join(dir, 'out-poster'));
    expect(d.meta).toEqual({ width: 640, height: 360, atSec: 0.3 });
    expect(readFileSync(d.path).subarray(0, 3)).toEqual(JPEG);
    expect((await readable(d.path)).video).toMatchObject({ width: 640, height: 360 });
  });

  it('makes a keyframe strip whose tile i shows the video at i × intervalSec', async () => {
    // Brightness rises with time and there is a keyframe every second.
    const input = join(dir, 'ramp.mp4');
    await fx.ffmpeg(
      '-f',
      'lavfi',
      '-i',
      'color=black:size=320x180:rate=10:duration=6',
      '-vf',
      "geq=lum='min(235,16+T*35)':cb=128:cr=128",
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-g',
      '10',
      '-pix_fmt',
      'yuv420p',
      input,
    );
    const d = await makeScrubStrip(input, await readable(input), join(dir, 'out-strip'));
    expect(d.meta).toEqual({ columns: 6, rows: 1, tileWidth: 160, tileHeight: 90, count: 6, intervalSec: 1 });
    const img = await readable(d.path);
    expect(img.video).toMatchObject({ width: 960, height: 90 });
    const px = await fx.grayPixels(d.path, 6, 1); // one averaged pixel per tile
    for (let i = 1; i < 6; i++) expect(px[i]! - px[i - 1]!).toBeGreaterThan(20);
  });

  it('lays a 60-tile grid over a long clip and fills every tile', async () => {
    const input = await fx.h264Mp4(dir, 'long.mp4', { seconds: 90, size: '160x90' });
    const d = await makeScrubStrip(input, await readable(input), join(dir, 'out-strip60'));
    expect(d.meta).toMatchObject({ columns: 10, rows: 6, count: 60, intervalSec: 1.5, tileHeight: 90 });
    const px = await fx.grayPixels(d.path, 10, 6);
    expect(Math.min(...px)).toBeGreaterThan(30); // no black (empty) tile: testsrc2 is bright
  });

  it('copes with a truncated faststart MP4: derived files cover the frames that are there', async () => {
    const input = await fx.h264Mp4(dir, 'cut-fs.mp4', { faststart: true, seconds: 4 });
    truncateSync(input, Math.floor(readFileSync(input).length / 2));
    const probe = await readable(input);
    const poster = await makePoster(input, probe, join(dir, 'out-cut'));
    expect(readFileSync(poster.path).subarray(0, 3)).toEqual(JPEG);
    await makeScrubStrip(input, probe, join(dir, 'out-cut'));
    const proxy = await makeProxy(input, probe, join(dir, 'out-cut'));
    const pp = await readable(proxy.path);
    expect(pp.durationSec!).toBeLessThan(3.5);
  });

  it('refuses what it cannot derive from', async () => {
    const wav = await readable(await fx.wav(dir));
    await expect(makeProxy('a.wav', wav, join(dir, 'x'))).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(
      makePoster('a.mp4', { unreadable: true, reason: 'moov atom not found', sizeBytes: 5 }, join(dir, 'x')),
    ).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('moov atom not found'),
    });
  });
});

describe('cancellation and time limits', () => {
  let dir: string;
  let cleanup: () => void;
  let input: string;
  let probe: ReadableProbe;
  beforeAll(async () => {
    ({ dir, cleanup } = fx.tempDir('media-cancel-'));
    input = await fx.h264Mp4(dir, 'ten.mp4', { seconds: 10, size: '640x360' });
    probe = await readable(input);
  });
  afterAll(() => cleanup());

  it('aborting a proxy mid-way rejects CANCELLED quickly and leaves no output file', async () => {
    const out = join(dir, 'out-cancel');
    const ac = new AbortController();
    let abortedAt = 0;
    const job = makeProxy(input, probe, out, {
      preset: 'veryslow', // slow enough to be caught mid-way
      signal: ac.signal,
      onProgress: (p) => {
        if (!abortedAt && p.seconds > 0 && !p.done) {
          abortedAt = Date.now();
          ac.abort();
        }
      },
    });
    await expect(job).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(abortedAt).toBeGreaterThan(0);
    expect(Date.now() - abortedAt).toBeLessThan(4000); // SIGTERM, or SIGKILL after the 2 s grace
    expect(fx.listDir(out)).toEqual([]);
  });

  it('a proxy that exceeds its time limit is killed and leaves no output file', async () => {
    const out = join(dir, 'out-timeout');
    const err = await makeProxy(input, probe, out, { preset: 'veryslow', timeoutMs: 400 }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('took longer than 0.4 s on ten.mp4'),
    });
    expect(fx.listDir(out)).toEqual([]);
  });
});

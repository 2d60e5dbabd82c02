import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAudioProxy, makePhotoThumb, makeWaveform } from '../../../native/media/derive';
import { needsProxy } from '../../../native/media/playability';
import { probeMedia } from '../../../native/media/probe';
import type { JobProgress, ReadableProbe } from '../../../native/media/types';
import * as fx from './helpers';

async function readable(path: string): Promise<ReadableProbe> {
  const p = await probeMedia(path);
  if (p.unreadable) throw new Error(`unexpectedly unreadable: ${p.reason}`);
  return p;
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('audio and photo derivations (real ffmpeg)', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = fx.tempDir('media-audio-')));
  afterAll(() => cleanup());

  it('draws a waveform of a WAV recording, and WAV PCM needs no proxy', async () => {
    const input = await fx.wav(dir);
    const probe = await readable(input);
    expect(needsProxy(probe).proxy).toBe(false);
    const d = await makeWaveform(input, probe, join(dir, 'out-wav'));
    expect(d.meta).toEqual({ width: 1200, height: 240, durationSec: 2 });
    expect(readFileSync(d.path).subarray(0, 4)).toEqual(PNG);
    expect((await readable(d.path)).video).toMatchObject({ codec: 'png', width: 1200, height: 240 });
    // A 440 Hz tone fills the picture's middle row; its top row is background.
    const px = await fx.grayPixels(d.path, 1, 3);
    expect(px[1]!).toBeGreaterThan(px[0]!);
  });

  it('makes an AAC proxy of an AMR recording that then plays as is', async () => {
    const input = await fx.amr(dir);
    const probe = await readable(input);
    expect(needsProxy(probe)).toMatchObject({ proxy: true, target: 'audio' });
    const seen: JobProgress[] = [];
    const d = await makeAudioProxy(input, probe, join(dir, 'out-amr'), { onProgress: (p) => seen.push(p) });
    expect(d).toMatchObject({
      kind: 'audio-proxy',
      meta: { codec: 'aac', sampleRate: 16000, channels: 1, bitrate: '64k' },
    });
    expect(seen.at(-1)).toMatchObject({ done: true });
    const pp = await readable(d.path);
    expect(pp).toMatchObject({ kind: 'audio', audio: { codec: 'aac', sampleRate: 16000, channels: 1 } });
    expect(pp.durationSec).toBeCloseTo(2, 0);
    expect(needsProxy(pp).proxy).toBe(false);
    expect(fx.listDir(join(dir, 'out-amr'))).toEqual(['audio-proxy.m4a']);
    await makeWaveform(input, probe, join(dir, 'out-amr'));
  });

  it('makes an AAC proxy of an ADPCM WAV', async () => {
    const input = await fx.wav(dir, 'adpcm_ima_wav', 'adpcm.wav');
    const probe = await readable(input);
    expect(needsProxy(probe).proxy).toBe(true);
    const d = await makeAudioProxy(input, probe, join(dir, 'out-adpcm'));
    expect((await readable(d.path)).audio?.codec).toBe('aac');
  });

  it('makes photo thumbnails fitted into 640×640 without enlarging small ones', async () => {
    const big = await fx.photo(dir, 'big.jpg', '1600x1200');
    const t = await makePhotoThumb(big, join(dir, 'out-big'));
    expect(t).toMatchObject({ kind: 'thumb', meta: { width: 640, height: 480 } });
    expect(await readable(t.path)).toMatchObject({
      kind: 'photo',
      video: { codec: 'mjpeg', width: 640, height: 480 },
    });
    const tall = await fx.photo(dir, 'tall.png', '600x1200');
    expect((await makePhotoThumb(tall, join(dir, 'out-tall'))).meta).toEqual({ width: 320, height: 640 });
    const small = await fx.photo(dir, 'small.jpg', '200x150');
    const probe = await readable(small);
    expect((await makePhotoThumb(small, join(dir, 'out-small'), { probe })).meta).toEqual({
      width: 200,
      height: 150,
    });
  });

  it('refuses a waveform without audio and a thumbnail of a video', async () => {
    const jpg = await fx.photo(dir, 'p.jpg');
    await expect(makeWaveform(jpg, await readable(jpg), join(dir, 'x'))).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
    const clip = await fx.h264Mp4(dir);
    await expect(makePhotoThumb(clip, join(dir, 'x'))).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('it is video'),
    });
  });

  it('cancels an audio proxy when the signal aborts', async () => {
    const ac = new AbortController();
    ac.abort();
    const input = await fx.wav(dir, 'pcm_s16le', 'cancel.wav');
    await expect(
      makeAudioProxy(input, await readable(input), join(dir, 'out-c'), { signal: ac.signal }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fx.listDir(join(dir, 'out-c'))).toEqual([]);
  });
});

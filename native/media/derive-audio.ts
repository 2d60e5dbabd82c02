/**
 * Derived files for sound: the waveform picture (waveform.png) and, for audio Chromium cannot
 * play (AMR, ADPCM …), an AAC proxy (audio-proxy.m4a). Both write into `outDir` like derive.ts.
 */
import { resolve as resolvePath } from 'node:path';
import { EngineError } from '../core/errors';
import { defaultTimeout, ffmpegInto, produce } from './derived-output';
import type { DeriveOptions, DerivedFile, MediaProbe, ReadableProbe } from './types';

export type WaveformMeta = {
  width: number;
  height: number;
  durationSec: number | null;
};

const WAVE_WIDTH = 1200;
const WAVE_HEIGHT = 240;

/** Makes waveform.png: the first audio stream mixed to mono, peaks drawn across 1200×240. */
export async function makeWaveform(
  input: string,
  probe: MediaProbe,
  outDir: string,
  opts: DeriveOptions = {},
): Promise<DerivedFile<WaveformMeta>> {
  const p = withAudio(probe, input, 'waveform');
  const graph = `[0:a:0]aformat=channel_layouts=mono,showwavespic=s=${WAVE_WIDTH}x${WAVE_HEIGHT}:colors=0x1677ff:filter=peak[w]`;
  // prettier-ignore
  const args = [
    '-i', resolvePath(input),
    '-filter_complex', graph, '-map', '[w]',
    '-frames:v', '1', '-c:v', 'png', '-f', 'image2', '-update', '1',
  ];
  return produce('waveform', input, outDir, 'waveform.png', async (tmp) => {
    await ffmpegInto(tmp, args, input, opts, defaultTimeout(p.durationSec, 1));
    return { width: WAVE_WIDTH, height: WAVE_HEIGHT, durationSec: p.durationSec };
  });
}

export type AudioProxyMeta = {
  codec: 'aac';
  bitrate: string;
  sampleRate: number;
  channels: number;
  durationSec: number | null;
};

/** Makes audio-proxy.m4a: the first audio stream as AAC in MP4, faststart, with progress. */
export async function makeAudioProxy(
  input: string,
  probe: MediaProbe,
  outDir: string,
  opts: DeriveOptions = {},
): Promise<DerivedFile<AudioProxyMeta>> {
  const p = withAudio(probe, input, 'audio proxy');
  const a = p.audio!;
  const channels = Math.min(a.channels ?? 1, 2);
  // 8 kHz speech (AMR, many recorders) is raised to 16 kHz, which every AAC decoder takes.
  const sampleRate = !a.sampleRate || a.sampleRate < 16000 ? 16000 : Math.min(a.sampleRate, 48000);
  const bitrate = channels > 1 ? '128k' : '64k';
  // prettier-ignore
  const args = [
    '-i', resolvePath(input),
    '-map', '0:a:0', '-vn', '-sn', '-dn',
    '-c:a', 'aac', '-b:a', bitrate, '-ac', String(channels), '-ar', String(sampleRate),
    '-movflags', '+faststart', '-f', 'mp4',
  ];
  return produce('audio-proxy', input, outDir, 'audio-proxy.m4a', async (tmp) => {
    await ffmpegInto(tmp, args, input, opts, defaultTimeout(p.durationSec, 2), p.durationSec);
    return { codec: 'aac' as const, bitrate, sampleRate, channels, durationSec: p.durationSec };
  });
}

function withAudio(probe: MediaProbe, input: string, what: string): ReadableProbe {
  if (probe.unreadable) {
    throw new EngineError(
      'BAD_INPUT',
      `Cannot make a ${what} for ${input}: the file is unreadable (${probe.reason}).`,
    );
  }
  if (!probe.audio)
    throw new EngineError('BAD_INPUT', `Cannot make a ${what} for ${input}: it has no audio stream.`);
  return probe;
}

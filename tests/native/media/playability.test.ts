import { describe, expect, it } from 'vitest';
import { needsProxy } from '../../../native/media/playability';
import type { AudioInfo, MediaProbe, ReadableProbe, VideoInfo } from '../../../native/media/types';

const MP4 = 'mov,mp4,m4a,3gp,3g2,mj2';

function video(
  v: Partial<VideoInfo> = {},
  audio: Partial<AudioInfo> | null = {},
  container = MP4,
): ReadableProbe {
  const p: ReadableProbe = {
    unreadable: false,
    kind: 'video',
    container,
    durationSec: 10,
    sizeBytes: 1,
    bitRate: null,
    creationTime: null,
    gps: null,
    video: {
      codec: 'h264',
      profile: 'High',
      width: 1920,
      height: 1080,
      displayWidth: 1920,
      displayHeight: 1080,
      sar: 1,
      fps: 30,
      pixFmt: 'yuv420p',
      bitDepth: 8,
      interlaced: false,
      rotation: 0,
      ...v,
    },
  };
  if (audio) p.audio = { codec: 'aac', profile: 'LC', sampleRate: 48000, channels: 2, ...audio };
  return p;
}

function audio(codec: string, container: string): ReadableProbe {
  return {
    unreadable: false,
    kind: 'audio',
    container,
    durationSec: 10,
    sizeBytes: 1,
    bitRate: null,
    creationTime: null,
    gps: null,
    audio: { codec, profile: null, sampleRate: 8000, channels: 1 },
  };
}

describe('needsProxy', () => {
  it.each<[string, MediaProbe, boolean, RegExp]>([
    ['H.264/AAC MP4', video(), false, /plays as is/],
    ['H.264 MP4 without sound', video({}, null), false, /without sound: plays as is/],
    ['H.264 full-range (yuvj420p) from a camera', video({ pixFmt: 'yuvj420p' }), false, /plays as is/],
    [
      'H.264 MOV rotated 90°',
      video({ rotation: 90, displayWidth: 1080, displayHeight: 1920 }, {}, 'mov,mp4,m4a,3gp,3g2,mj2'),
      false,
      /plays as is/,
    ],
    ['HEVC MP4', video({ codec: 'hevc' }), true, /video codec hevc is not H\.264/],
    [
      'MJPEG AVI with PCM',
      video({ codec: 'mjpeg', pixFmt: 'yuvj420p' }, { codec: 'pcm_s16le' }, 'avi'),
      true,
      /container avi is not MP4\/MOV; video codec mjpeg is not H\.264; audio codec pcm_s16le/,
    ],
    [
      'H.264 with ADPCM sound',
      video({}, { codec: 'adpcm_ima_wav' }),
      true,
      /audio codec adpcm_ima_wav is not AAC/,
    ],
    ['H.264 with AMR sound (3GP)', video({}, { codec: 'amr_nb' }), true, /audio codec amr_nb/],
    ['H.264 with PCM sound in MOV', video({}, { codec: 'pcm_s16le' }), true, /audio codec pcm_s16le/],
    ['interlaced H.264', video({ interlaced: true }), true, /interlaced video/],
    [
      '10-bit H.264',
      video({ pixFmt: 'yuv420p10le', bitDepth: 10, profile: 'High 10' }),
      true,
      /10-bit video; pixel format yuv420p10le/,
    ],
    ['H.264 4:2:2', video({ pixFmt: 'yuv422p' }), true, /pixel format yuv422p is not 8-bit 4:2:0/],
    ['H.264 in MPEG-TS', video({}, {}, 'mpegts'), true, /container mpegts is not MP4\/MOV/],
    ['H.264 in Matroska', video({}, {}, 'matroska,webm'), true, /container matroska,webm/],
  ])('%s', (_name, probe, proxy, reason) => {
    const v = needsProxy(probe);
    expect(v.proxy).toBe(proxy);
    expect(v.reason).toMatch(reason);
    expect(v.target).toBe(proxy ? 'video' : undefined);
  });

  it.each<[string, string, string, boolean]>([
    ['AAC in M4A', 'aac', MP4, false],
    ['MP3', 'mp3', 'mp3', false],
    ['MP3 in MP4', 'mp3', MP4, false],
    ['PCM 16-bit WAV', 'pcm_s16le', 'wav', false],
    ['PCM 8-bit WAV', 'pcm_u8', 'wav', false],
    ['PCM float WAV', 'pcm_f32le', 'wav', false],
    ['IMA ADPCM WAV', 'adpcm_ima_wav', 'wav', true],
    ['µ-law WAV', 'pcm_mulaw', 'wav', true],
    ['AMR-NB', 'amr_nb', 'amr', true],
    ['AMR-WB', 'amr_wb', 'amr', true],
    ['AMR in 3GP', 'amr_nb', MP4, true],
    ['PCM not in WAV (AIFF)', 'pcm_s16be', 'aiff', true],
  ])('audio: %s', (_name, codec, container, proxy) => {
    const v = needsProxy(audio(codec, container));
    expect(v.proxy).toBe(proxy);
    expect(v.target).toBe(proxy ? 'audio' : undefined);
    expect(v.reason).toContain(codec);
  });

  it('never asks for a proxy of photos, other files or unreadable files', () => {
    const photo: ReadableProbe = {
      ...video({ codec: 'mjpeg', pixFmt: 'yuvj420p' }, null, 'image2'),
      kind: 'photo',
    };
    expect(needsProxy(photo)).toMatchObject({ proxy: false, reason: expect.stringMatching(/photo/) });
    expect(needsProxy({ ...audio('x', 'tty'), kind: 'other' }).proxy).toBe(false);
    expect(needsProxy({ unreadable: true, reason: 'moov atom not found', sizeBytes: 9 })).toEqual({
      proxy: false,
      reason: 'Unreadable: moov atom not found',
    });
  });
});

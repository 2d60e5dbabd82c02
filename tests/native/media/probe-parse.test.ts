import { describe, expect, it } from 'vitest';
import {
  ffprobeReason,
  parseIso6709,
  toMediaProbe,
  type FfprobeLike,
} from '../../../native/media/probe-parse';

/** A video stream as fluent-ffmpeg parses ffprobe's text output (numbers, strings, "N/A"). */
function videoStream(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    codec_type: 'video',
    codec_name: 'h264',
    profile: 'High',
    width: 1920,
    height: 1080,
    sample_aspect_ratio: '1:1',
    avg_frame_rate: '30000/1001',
    r_frame_rate: '30000/1001',
    pix_fmt: 'yuv420p',
    field_order: 'progressive',
    ...extra,
  };
}

function data(streams: Record<string, unknown>[], format: Record<string, unknown> = {}): FfprobeLike {
  return {
    streams,
    format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: 12.5, bit_rate: 8000000, ...format },
  };
}

describe('toMediaProbe', () => {
  it('maps the basic fields, with N/A as null', () => {
    const p = toMediaProbe(
      data(
        [
          videoStream(),
          { codec_type: 'audio', codec_name: 'aac', profile: 'LC', sample_rate: 48000, channels: 2 },
        ],
        { bit_rate: 'N/A' },
      ),
      1234,
    );
    expect(p).toMatchObject({
      unreadable: false,
      kind: 'video',
      durationSec: 12.5,
      sizeBytes: 1234,
      bitRate: null,
      creationTime: null,
      gps: null,
    });
    expect(p.video).toEqual({
      codec: 'h264',
      profile: 'High',
      width: 1920,
      height: 1080,
      displayWidth: 1920,
      displayHeight: 1080,
      sar: 1,
      fps: 29.97,
      pixFmt: 'yuv420p',
      bitDepth: 8,
      interlaced: false,
      rotation: 0,
    });
    expect(p.audio).toEqual({ codec: 'aac', profile: 'LC', sampleRate: 48000, channels: 2 });
  });

  it('turns display-matrix rotation (counter-clockwise) and the rotate tag (clockwise) into clockwise degrees', () => {
    // A phone held upright: ffprobe shows "rotation of -90.00 degrees", the legacy tag says 90.
    expect(toMediaProbe(data([videoStream({ rotation: '-90' })]), 1).video).toMatchObject({
      rotation: 90,
      displayWidth: 1080,
      displayHeight: 1920,
    });
    expect(toMediaProbe(data([videoStream({ rotation: 90 })]), 1).video?.rotation).toBe(270);
    expect(toMediaProbe(data([videoStream({ rotation: -180 })]), 1).video).toMatchObject({
      rotation: 180,
      displayWidth: 1920,
    });
    expect(toMediaProbe(data([videoStream({ tags: { rotate: '90' } })]), 1).video?.rotation).toBe(90);
    expect(toMediaProbe(data([videoStream({ tags: { rotate: '270' } })]), 1).video?.rotation).toBe(270);
  });

  it('applies the pixel aspect ratio to the displayed size, and reads bit depth and field order', () => {
    const dv = toMediaProbe(
      data([
        videoStream({
          width: 720,
          height: 576,
          sample_aspect_ratio: '16:15',
          field_order: 'tt',
          pix_fmt: 'yuv420p10le',
        }),
      ]),
      1,
    );
    expect(dv.video).toMatchObject({
      displayWidth: 768,
      displayHeight: 576,
      sar: 16 / 15,
      interlaced: true,
      bitDepth: 10,
    });
    for (const fo of ['bb', 'tb', 'bt'])
      expect(toMediaProbe(data([videoStream({ field_order: fo })]), 1).video?.interlaced).toBe(true);
    expect(
      toMediaProbe(data([videoStream({ field_order: 'unknown', sample_aspect_ratio: '0:1' })]), 1).video,
    ).toMatchObject({ interlaced: false, sar: 1 });
  });

  it('tells photos, audio (cover art ignored), video and other apart', () => {
    const jpeg = data([videoStream({ codec_name: 'mjpeg', pix_fmt: 'yuvj420p' })], { format_name: 'image2' });
    expect(toMediaProbe(jpeg, 1).kind).toBe('photo');
    expect(
      toMediaProbe(data([videoStream({ codec_name: 'png' })], { format_name: 'png_pipe' }), 1).kind,
    ).toBe('photo');
    const mp3 = data(
      [
        { codec_type: 'audio', codec_name: 'mp3' },
        videoStream({ codec_name: 'mjpeg', disposition: { attached_pic: 1 } }),
      ],
      { format_name: 'mp3' },
    );
    expect(toMediaProbe(mp3, 1)).toMatchObject({ kind: 'audio' });
    expect(toMediaProbe(mp3, 1).video).toBeUndefined();
    expect(toMediaProbe(data([videoStream({ codec_name: 'mjpeg' })], { format_name: 'avi' }), 1).kind).toBe(
      'video',
    );
    expect(toMediaProbe(data([videoStream({ codec_name: 'ansi' })], { format_name: 'tty' }), 1).kind).toBe(
      'other',
    );
    expect(toMediaProbe(data([{ codec_type: 'subtitle', codec_name: 'mov_text' }]), 1).kind).toBe('other');
  });

  it('takes creation time and GPS from the format or any stream', () => {
    const p = toMediaProbe(
      data([
        videoStream({
          tags: {
            creation_time: '2025-03-01T08:00:00.000000Z',
            'com.apple.quicktime.location.ISO6709': '+22.5431+114.0579+012.000/',
          },
        }),
      ]),
      1,
    );
    expect(p.creationTime).toBe('2025-03-01T08:00:00.000Z');
    expect(p.gps).toEqual({ lat: 22.5431, lon: 114.0579, alt: 12 });
    expect(
      toMediaProbe(data([videoStream()], { tags: { creation_time: 'garbage' } }), 1).creationTime,
    ).toBeNull();
  });
});

describe('parseIso6709', () => {
  it.each([
    ['+31.2304+121.4737/', { lat: 31.2304, lon: 121.4737 }],
    ['-33.8688+151.2093+005.5/', { lat: -33.8688, lon: 151.2093, alt: 5.5 }],
    ['+3112.500+12128.000/', { lat: 31.2083333, lon: 121.4666667 }],
    ['+311230+1212836/', { lat: 31.2083333, lon: 121.4766667 }],
    ['+40.7128-074.0060CRSWGS_84/', { lat: 40.7128, lon: -74.006 }],
  ])('%s', (text, want) => {
    expect(parseIso6709(text)).toEqual(want);
  });

  it.each(['', 'N/A', '31.2304,121.4737', '+91.0+121.0/', '+31.0+181.0/', '+3175.0+12100.0/', '+1+2/'])(
    'rejects %j',
    (text) => {
      expect(parseIso6709(text)).toBeNull();
    },
  );
});

describe('ffprobeReason', () => {
  it("keeps ffprobe's words, drops the exit line, the memory address and the directory", () => {
    const msg =
      'ffprobe exited with code 1\n[mov,mp4,m4a,3gp,3g2,mj2 @ 0x559b128f8180] moov atom not found\n/data/originals/ab/cd/abcd: Invalid data found when processing input\n';
    expect(ffprobeReason(msg, '/data/originals/ab/cd/abcd')).toBe(
      '[mov,mp4,m4a,3gp,3g2,mj2] moov atom not found; abcd: Invalid data found when processing input',
    );
    expect(ffprobeReason('ffprobe was killed with signal SIGSEGV', '/x')).toBe(
      'ffprobe was killed with signal SIGSEGV',
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  parseProgressBlock,
  parseProgressOutput,
  percent,
  splitProgressBlocks,
} from '../../../native/media/progress';

/**
 * Recorded from Debian's ffmpeg 5.1.9: `ffmpeg -hide_banner -v error -f lavfi -i
 * testsrc2=size=1280x720:rate=30 -t 3 -c:v libx264 -preset medium -an -progress pipe:1 -nostats
 * out.mp4`. Note "speed=N/A", "speed=   0x" (padded) and out_time_ms carrying microseconds.
 */
const FFMPEG_51_SAMPLE = `frame=1
fps=0.00
stream_0_0_q=0.0
bitrate=N/A
total_size=48
out_time_us=0
out_time_ms=0
out_time=00:00:00.000000
dup_frames=0
drop_frames=0
speed=N/A
progress=continue
frame=47
fps=0.00
stream_0_0_q=0.0
bitrate=N/A
total_size=48
out_time_us=0
out_time_ms=0
out_time=00:00:00.000000
dup_frames=0
drop_frames=0
speed=   0x
progress=continue
frame=63
fps=54.89
stream_0_0_q=29.0
bitrate=   0.9kbits/s
total_size=48
out_time_us=433398
out_time_ms=433398
out_time=00:00:00.433398
dup_frames=0
drop_frames=0
speed=0.378x
progress=continue
frame=79
fps=47.44
stream_0_0_q=29.0
bitrate=2169.7kbits/s
total_size=262192
out_time_us=966732
out_time_ms=966732
out_time=00:00:00.966732
dup_frames=0
drop_frames=0
speed=0.581x
progress=continue
frame=90
fps=28.94
stream_0_0_q=-1.0
bitrate=3147.6kbits/s
total_size=1141036
out_time_us=2900065
out_time_ms=2900065
out_time=00:00:02.900065
dup_frames=0
drop_frames=0
speed=0.933x
progress=end
`;

describe('ffmpeg -progress parsing', () => {
  it('reads every block of a real ffmpeg 5.1 run, in order, ending with done', () => {
    const reports = parseProgressOutput(FFMPEG_51_SAMPLE);
    expect(reports).toEqual([
      { seconds: 0, speed: null, done: false },
      { seconds: 0, speed: null, done: false },
      { seconds: 0.433398, speed: 0.378, done: false },
      { seconds: 0.966732, speed: 0.581, done: false },
      { seconds: 2.900065, speed: 0.933, done: true },
    ]);
  });

  it('gives the same reports however stdout is cut into chunks', () => {
    const whole = parseProgressOutput(FFMPEG_51_SAMPLE);
    for (const size of [1, 7, 64, 333]) {
      let buf = '';
      const got = [];
      for (let i = 0; i < FFMPEG_51_SAMPLE.length; i += size) {
        const { blocks, rest } = splitProgressBlocks(buf + FFMPEG_51_SAMPLE.slice(i, i + size));
        buf = rest;
        got.push(...blocks.map(parseProgressBlock));
      }
      expect(buf).toBe('');
      expect(got).toEqual(whole);
    }
  });

  it('does not close a block on a "progress=" line that may still be growing', () => {
    const r = splitProgressBlocks('out_time_us=5\nprogress=cont');
    expect(r.blocks).toEqual([]);
    expect(r.rest).toBe('out_time_us=5\nprogress=cont');
    const r2 = splitProgressBlocks('out_time_us=5\nprogress=end\r\nframe=1\n');
    expect(r2.blocks).toEqual(['out_time_us=5\nprogress=end\r\n']);
    expect(r2.rest).toBe('frame=1\n');
  });

  it('falls back from out_time_us to out_time_ms to out_time, and treats N/A and negative times as 0', () => {
    expect(parseProgressBlock('out_time_ms=1500000\nspeed=2x\nprogress=continue')).toEqual({
      seconds: 1.5,
      speed: 2,
      done: false,
    });
    expect(
      parseProgressBlock('out_time_us=N/A\nout_time=01:02:03.500000\nprogress=continue')?.seconds,
    ).toBeCloseTo(3723.5, 6);
    expect(parseProgressBlock('out_time_us=-9223372036854775807\nprogress=continue')?.seconds).toBe(0);
    expect(parseProgressBlock('out_time=-577014:32:22.775808\nprogress=continue')?.seconds).toBe(0);
    expect(
      parseProgressBlock('out_time_us=N/A\nout_time_ms=N/A\nout_time=N/A\nspeed=N/A\nprogress=end'),
    ).toEqual({ seconds: 0, speed: null, done: true });
    expect(parseProgressBlock('speed=1.2e+03x\nprogress=continue')?.speed).toBe(1200);
  });

  it('ignores text that is not a progress block', () => {
    expect(parseProgressBlock('frame=1\nfps=0.00')).toBeNull();
    expect(parseProgressBlock('progress=maybe')).toBeNull();
    expect(parseProgressOutput('')).toEqual([]);
  });

  it('computes a percentage only when the duration is known', () => {
    expect(percent(15, 60)).toBe(25);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(70, 60)).toBe(100);
    expect(percent(-1, 60)).toBe(0);
    expect(percent(5, null)).toBeNull();
    expect(percent(5, 0)).toBeNull();
    expect(percent(5, Number.NaN)).toBeNull();
  });
});

import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngineError } from '../../../native/core/errors';
import { runFfmpeg } from '../../../native/media/run-ffmpeg';
import type { JobProgress } from '../../../native/media/types';
import { FFMPEG, listDir, tempDir } from './helpers';

/** A lavfi source that ffmpeg reads at real time (-re), so a run lasts as long as we like. */
const SLOW_SOURCE = ['-re', '-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=25:duration=60'];

describe('runFfmpeg', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('reports progress from -progress pipe:1 and resolves with exit code 0', async () => {
    const seen: JobProgress[] = [];
    const out = join(dir, 'out.mp4');
    const args = [
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=640x360:rate=30:duration=3',
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      out,
    ];
    const r = await runFfmpeg({
      bin: FFMPEG,
      args,
      input: 'testsrc2',
      durationSec: 3,
      onProgress: (p) => seen.push(p),
    });
    expect(r.code).toBe(0);
    expect(seen.length).toBeGreaterThanOrEqual(1);
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ done: true, percent: 100 });
    expect(last.seconds).toBeGreaterThan(2.9);
    for (let i = 1; i < seen.length; i++)
      expect(seen[i]!.seconds).toBeGreaterThanOrEqual(seen[i - 1]!.seconds);
    expect(seen.filter((p) => p.done)).toHaveLength(1);
    expect(listDir(dir)).toEqual(['out.mp4']);
  });

  it('rejects with INTERNAL naming the input and quoting ffmpeg when the input is not media', async () => {
    const input = join(dir, 'not-media.mp4');
    writeFileSync(input, 'this is not a video file at all, just text '.repeat(100));
    const err = await runFfmpeg({ bin: FFMPEG, args: ['-i', input, '-f', 'null', '-'], input }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).code).toBe('INTERNAL');
    expect((err as EngineError).message).toMatch(
      /ffmpeg failed on not-media\.mp4 \(exit code \d+\)\. ffmpeg said: .*Invalid data found/,
    );
  });

  it('rejects with INTERNAL and a hint about FFMPEG_BIN when the binary cannot start', async () => {
    const err = await runFfmpeg({
      bin: join(dir, 'no-such-ffmpeg'),
      args: ['-version'],
      input: 'x.mp4',
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'INTERNAL', field: 'FFMPEG_BIN' });
    expect((err as EngineError).message).toContain('Could not start ffmpeg');
    expect((err as EngineError).hint).toContain('FFMPEG_BIN');
  });

  it('cancels on abort: SIGTERM stops ffmpeg and the promise rejects CANCELLED at once', async () => {
    const ac = new AbortController();
    let progressed = false;
    const started = Date.now();
    const run = runFfmpeg({
      bin: FFMPEG,
      args: [...SLOW_SOURCE, '-f', 'null', '-'],
      input: 'slow.mp4',
      signal: ac.signal,
      onProgress: () => {
        if (!progressed) {
          progressed = true;
          ac.abort();
        }
      },
    });
    const err = await run.catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CANCELLED' });
    expect((err as Error).message).toContain('slow.mp4');
    expect(progressed).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('rejects CANCELLED without starting when the signal has already fired', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(
      runFfmpeg({ bin: FFMPEG, args: ['-version'], input: 'a.mp4', signal: ac.signal }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('escalates to SIGKILL when the process ignores SIGTERM', async () => {
    // A stand-in "ffmpeg" that ignores SIGTERM (an ignored signal stays ignored across exec).
    const stubborn = join(dir, 'stubborn-ffmpeg');
    writeFileSync(stubborn, "#!/bin/sh\ntrap '' TERM\nexec sleep 30\n");
    chmodSync(stubborn, 0o755);
    const ac = new AbortController();
    const started = Date.now();
    const run = runFfmpeg({ bin: stubborn, args: [], input: 'x.mp4', signal: ac.signal, killGraceMs: 300 });
    setTimeout(() => ac.abort(), 200);
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(450); // 200 ms, then the 300 ms grace: SIGTERM did not stop it
    expect(took).toBeLessThan(5000);
  });

  it('kills ffmpeg when it exceeds its time limit and says so', async () => {
    const started = Date.now();
    const err = await runFfmpeg({
      bin: FFMPEG,
      args: [...SLOW_SOURCE, '-f', 'null', '-'],
      input: 'long.mp4',
      timeoutMs: 700,
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'INTERNAL' });
    expect((err as Error).message).toContain('ffmpeg took longer than 0.7 s on long.mp4 and was stopped.');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

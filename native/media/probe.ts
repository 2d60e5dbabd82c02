/**
 * Probing a stored original with ffprobe, through fluent-ffmpeg's ffprobe() (the design's
 * choice of front end), wrapped in a promise with a time limit and cancellation.
 */
import { stat } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import ffmpeg from 'fluent-ffmpeg';
import { EngineError } from '../core/errors';
import { resolveFfprobe } from './binaries';
import { ffprobeReason, toMediaProbe, type FfprobeLike } from './probe-parse';
import type { MediaProbe } from './types';

export interface ProbeOptions {
  /** Give up after this long (default 30 s); the file is then reported unreadable. */
  timeoutMs?: number;
  /** ffprobe to use; default resolveFfprobe(). */
  ffprobePath?: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Probes a file: container, duration, codecs, size, rotation, creation time, GPS, kind.
 * Bad media never throws: an empty, truncated or undecodable file yields
 * `{ unreadable: true, reason }` with ffprobe's own message. Throws NOT_FOUND when the file or
 * ffprobe itself is missing, CANCELLED when `signal` aborts.
 */
export async function probeMedia(
  path: string,
  signal?: AbortSignal,
  opts: ProbeOptions = {},
): Promise<MediaProbe> {
  const abs = resolvePath(path);
  const st = await stat(abs).catch((err: NodeJS.ErrnoException) => {
    throw new EngineError(
      'NOT_FOUND',
      `Cannot probe ${abs}: ${err.code === 'ENOENT' ? 'no such file' : err.message}.`,
      {
        cause: err,
      },
    );
  });
  if (!st.isFile()) throw new EngineError('BAD_INPUT', `Cannot probe ${abs}: not a regular file.`);
  if (st.size === 0)
    return {
      unreadable: true,
      reason: 'The file is empty (0 bytes): there is nothing to decode.',
      sizeBytes: 0,
    };
  const bin = opts.ffprobePath ?? resolveFfprobe();
  if (signal?.aborted) throw cancelled(abs);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const outcome = await new Promise<{ data: FfprobeLike } | { error: Error & { code?: string } } | 'timeout'>(
    (resolve, reject) => {
      let done = false;
      const finish = (fn: () => void) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        fn();
      };
      // fluent-ffmpeg does not hand out its ffprobe child, so a time-out or cancel can only stop
      // waiting; ffprobe reads headers only (bounded by its probesize) and exits on its own.
      const timer = setTimeout(() => finish(() => resolve('timeout')), timeoutMs);
      const onAbort = () => finish(() => reject(cancelled(abs)));
      signal?.addEventListener('abort', onAbort, { once: true });
      // The path setting is global in fluent-ffmpeg; ffprobe() reads it synchronously, so
      // setting it right before the call is safe however many probes run at once.
      ffmpeg.setFfprobePath(bin);
      ffmpeg.ffprobe(abs, ['-hide_banner', '-v', 'error'], (err: unknown, data: unknown) =>
        finish(() => resolve(err ? { error: err as Error } : { data: data as FfprobeLike })),
      );
    },
  );

  if (outcome === 'timeout') {
    return {
      unreadable: true,
      reason: `ffprobe did not finish within ${Math.round(timeoutMs / 1000)} s.`,
      sizeBytes: st.size,
    };
  }
  if ('error' in outcome) {
    const { error } = outcome;
    if (error.code === 'ENOENT' || error.code === 'EACCES') {
      throw new EngineError('NOT_FOUND', `Could not run ffprobe ("${bin}"): ${error.message}`, {
        field: 'FFPROBE_BIN',
        hint: 'Install ffmpeg (apt-get install ffmpeg) or set FFPROBE_BIN to the full path of ffprobe.',
        cause: error,
      });
    }
    return { unreadable: true, reason: ffprobeReason(error.message, abs), sizeBytes: st.size };
  }
  if (!outcome.data.streams?.length) {
    return {
      unreadable: true,
      reason: 'ffprobe found no audio, video or image stream in the file.',
      sizeBytes: st.size,
    };
  }
  return toMediaProbe(outcome.data, st.size);
}

function cancelled(path: string): EngineError {
  return new EngineError('CANCELLED', `Probing ${path} was cancelled.`);
}

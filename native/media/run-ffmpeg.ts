/**
 * Supervised ffmpeg runs. Plain child_process rather than fluent-ffmpeg's command, because:
 * fluent-ffmpeg builds the argument list itself (we want exact, reviewable arrays), its
 * 'progress' event scrapes stderr and starts an extra ffprobe run to learn the duration (we
 * read ffmpeg's machine-readable `-progress pipe:1` and already have the probe), and its kill()
 * is a single SIGKILL (we ask ffmpeg to stop with SIGTERM first and escalate only if it hangs).
 * fluent-ffmpeg is still the probing front end (probe.ts).
 */
import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import { EngineError } from '../core/errors';
import { parseProgressBlock, percent, splitProgressBlocks, type ProgressReport } from './progress';
import type { JobProgress } from './types';

export interface RunFfmpegOptions {
  /** The ffmpeg binary (resolveFfmpeg()). */
  bin: string;
  /** Arguments after the fixed quiet, non-interactive prefix; never passed through a shell. */
  args: readonly string[];
  /** The input being processed, named in error messages. */
  input: string;
  signal?: AbortSignal;
  /** Kill ffmpeg (SIGTERM, then SIGKILL) when it runs longer than this. */
  timeoutMs?: number;
  /** Media duration, for percentages. */
  durationSec?: number | null;
  onProgress?: (p: JobProgress) => void;
  /** Time between SIGTERM and SIGKILL; default 2000 ms. */
  killGraceMs?: number;
}

export interface RunFfmpegResult {
  code: number;
  /** ffmpeg's last stderr lines (errors and warnings at -loglevel error are few). */
  stderrTail: string[];
}

const TAIL_LINES = 12;

/** Flags every run gets: no banner, no stdin, no interactive stats, progress on stdout. */
export const BASE_ARGS = [
  '-hide_banner',
  '-nostdin',
  '-nostats',
  '-loglevel',
  'error',
  '-progress',
  'pipe:1',
  '-y',
];

/**
 * Runs ffmpeg and resolves when it exits 0. Rejects with CANCELLED when `signal` aborts, and
 * with INTERNAL (naming the input and quoting ffmpeg's last stderr lines) on a non-zero exit, a
 * timeout or a failure to start. The promise settles only after the process has exited, so the
 * caller may delete partial output at once.
 */
export function runFfmpeg(opts: RunFfmpegOptions): Promise<RunFfmpegResult> {
  const { bin, args, input, signal, timeoutMs, durationSec, onProgress } = opts;
  const grace = opts.killGraceMs ?? 2000;
  const name = basename(input);
  if (signal?.aborted) return Promise.reject(cancelled(name));

  return new Promise((resolve, reject) => {
    const child = spawn(bin, [...BASE_ARGS, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const tail: string[] = [];
    let partialErr = '';
    let out = '';
    let stopReason: 'cancelled' | 'timeout' | null = null;
    let killTimer: NodeJS.Timeout | undefined;
    let spawnError: Error | null = null;

    const stop = (why: 'cancelled' | 'timeout') => {
      if (stopReason || child.exitCode !== null || child.signalCode !== null) return;
      stopReason = why;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), grace);
      killTimer.unref();
    };
    const emit = (r: ProgressReport | null) => {
      if (r && onProgress && !stopReason)
        onProgress({ ...r, percent: r.done ? 100 : percent(r.seconds, durationSec) });
    };
    const onAbort = () => stop('cancelled');
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = timeoutMs && timeoutMs > 0 ? setTimeout(() => stop('timeout'), timeoutMs) : undefined;

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const { blocks, rest } = splitProgressBlocks(out + chunk);
      out = rest.length > 65536 ? '' : rest; // not progress output: do not grow without bound
      for (const b of blocks) emit(parseProgressBlock(b));
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      const lines = (partialErr + chunk).split(/\r?\n/);
      partialErr = lines.pop() ?? '';
      for (const l of lines) if (l.trim()) pushTail(tail, l);
    });
    let settled = false;
    const cleanup = () => {
      settled = true;
      if (timer) clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (err) => {
      spawnError = err;
      // A binary that never started produces no 'close' on every platform: settle here.
      if (child.pid === undefined && !settled) {
        cleanup();
        reject(startFailed(bin, name, err));
      }
    });
    child.on('close', (code, sig) => {
      if (settled) return;
      cleanup();
      if (partialErr.trim()) pushTail(tail, partialErr);
      if (out.trim()) emit(parseProgressBlock(out)); // a last block without its newline
      if (spawnError) return reject(startFailed(bin, name, spawnError));
      if (stopReason === 'cancelled') return reject(cancelled(name));
      if (stopReason === 'timeout') {
        return reject(
          new EngineError(
            'INTERNAL',
            `ffmpeg took longer than ${seconds(timeoutMs ?? 0)} s on ${name} and was stopped.${quote(tail)}`,
            {
              hint: 'The file may be damaged; retry, or raise the time limit for very long recordings.',
            },
          ),
        );
      }
      if (code === 0) return resolve({ code, stderrTail: tail });
      reject(
        new EngineError(
          'INTERNAL',
          `ffmpeg failed on ${name} (${sig ? `signal ${sig}` : `exit code ${code}`}).${quote(tail)}`,
          {
            hint: 'The file may be damaged or use a format this ffmpeg cannot decode.',
          },
        ),
      );
    });
  });
}

function seconds(ms: number): string {
  return ms < 10_000 ? (ms / 1000).toFixed(1) : String(Math.round(ms / 1000));
}

function pushTail(tail: string[], line: string): void {
  tail.push(line.length > 500 ? `${line.slice(0, 500)}…` : line);
  if (tail.length > TAIL_LINES) tail.shift();
}

function quote(tail: string[]): string {
  return tail.length ? ` ffmpeg said: ${tail.slice(-5).join(' | ')}` : '';
}

function cancelled(name: string): EngineError {
  return new EngineError('CANCELLED', `Processing of ${name} was cancelled.`);
}

function startFailed(bin: string, name: string, err: Error & { code?: string }): EngineError {
  return new EngineError('INTERNAL', `Could not start ffmpeg ("${bin}") for ${name}: ${err.message}`, {
    field: 'FFMPEG_BIN',
    hint: 'Install ffmpeg (apt-get install ffmpeg) or set FFMPEG_BIN to its full path.',
    cause: err,
  });
}

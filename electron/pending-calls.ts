/**
 * Bookkeeping for calls in flight to the engine host: ids, correlation of replies, and failing
 * every waiting call when the host dies, so nothing ever hangs. No timeouts on purpose: a full
 * `verify` can legitimately run for a long time.
 */
import type { ApiResult } from '../native/api/types';
import type { ErrorInfo } from '../native/core/errors';

export class PendingCalls {
  private nextId = 1;
  private readonly waiting = new Map<number, (result: ApiResult<unknown>) => void>();

  /** Registers a new call; returns its id and a promise that settles with its result. */
  open(): { id: number; result: Promise<ApiResult<unknown>> } {
    const id = this.nextId++;
    const result = new Promise<ApiResult<unknown>>((resolve) => this.waiting.set(id, resolve));
    return { id, result };
  }

  /** Delivers a reply. Returns false for an id that is not waiting (late or duplicate reply). */
  settle(id: number, result: ApiResult<unknown>): boolean {
    const resolve = this.waiting.get(id);
    if (!resolve) return false;
    this.waiting.delete(id);
    resolve(result);
    return true;
  }

  /** Fails one call (e.g. the message could not be posted). */
  fail(id: number, error: ErrorInfo): boolean {
    return this.settle(id, { ok: false, error });
  }

  /** Fails every waiting call with `error`; returns how many there were. */
  failAll(error: ErrorInfo): number {
    const all = [...this.waiting.values()];
    this.waiting.clear();
    for (const resolve of all) resolve({ ok: false, error });
    return all.length;
  }

  /** Number of calls still waiting. */
  get size(): number {
    return this.waiting.size;
  }
}

/**
 * Delay before restarting a host that exited on its own. Grows with consecutive quick crashes
 * (0.5 s, 1 s, 2 s … capped at 30 s) so a host that cannot start does not spin the CPU.
 */
export function restartDelayMs(consecutiveCrashes: number): number {
  const n = Math.max(0, Math.min(consecutiveCrashes, 16));
  return Math.min(30_000, 500 * 2 ** n);
}

/** The error every waiting call receives when the host process exits. */
export function hostExitError(code: number, logsDir: string): ErrorInfo {
  return {
    code: 'INTERNAL',
    message: `The engine process stopped (exit code ${code}) before answering; the action may or may not have completed.`,
    hint: `It restarts automatically: check whether the action took effect, then retry. Details: ${logsDir}/engine-host.log.`,
  };
}

/**
 * Main-process side of the engine host: forks electron/engine-host in a utility process, sends
 * calls, matches replies by id, and restarts the host if it dies. Calls in flight when the host
 * exits resolve with an INTERNAL error result; nothing hangs and nothing times out (a full
 * `verify` may run for minutes).
 */
import { utilityProcess, type UtilityProcess } from 'electron';
import type { ApiResult } from '../native/api/types';
import type { Logger } from '../native/core/context';
import type { Ticketed } from '../native/library/tickets';
import {
  isMediaReplyMessage,
  isReplyMessage,
  type EngineCallMessage,
  type EngineResolveMediaMessage,
  type EngineShutdownMessage,
} from './engine-messages';
import { hostExitError, PendingCalls, restartDelayMs } from './pending-calls';
import { PendingMedia } from './pending-media';

export interface EngineClientOptions {
  /** Absolute path of the bundled host (dist/electron/engine-host.cjs). */
  hostPath: string;
  /** Absolute data directory, passed to the host as `--data DIR` and EVIDENCE_DATA. */
  dataDir: string;
  /** Where the host's logs are, named in error hints. */
  logsDir: string;
  logger: Logger;
}

/** A host that lived this long before exiting is not counted as a crash loop. */
const STABLE_AFTER_MS = 10_000;

export class EngineClient {
  private child: UtilityProcess | null = null;
  private readonly pending = new PendingCalls();
  private readonly media = new PendingMedia();
  private stopping = false;
  private quickCrashes = 0;
  private startedAt = 0;
  private restartTimer: NodeJS.Timeout | null = null;

  constructor(private readonly opts: EngineClientOptions) {}

  /** Starts the host now, so the database is open before the first call. Call after `ready`. */
  start(): void {
    this.ensureChild();
  }

  /** Sends one call; always resolves with an ApiResult. */
  call(op: string, input: unknown, session: string | undefined): Promise<ApiResult<unknown>> {
    if (this.stopping) {
      return Promise.resolve({
        ok: false,
        error: { code: 'INTERNAL', message: 'The workstation is shutting down; the action was not run.' },
      });
    }
    const child = this.ensureChild();
    const { id, result } = this.pending.open();
    const message: EngineCallMessage = { id, op, input, session };
    try {
      child.postMessage(message);
    } catch (err) {
      this.pending.fail(id, {
        code: 'INTERNAL',
        message: `Could not send ${op} to the engine process: ${String(err)}`,
      });
    }
    return result;
  }

  /**
   * The file a media ticket grants, or undefined when the ticket is unknown or expired, the host
   * is gone or the workstation is shutting down. Never rejects.
   */
  resolveMedia(ticket: string): Promise<Ticketed | undefined> {
    if (this.stopping) return Promise.resolve(undefined);
    const child = this.ensureChild();
    const { id, media } = this.media.open();
    const message: EngineResolveMediaMessage = { type: 'resolveMedia', id, ticket };
    try {
      child.postMessage(message);
    } catch (err) {
      this.opts.logger.error('could not send a media look-up to the engine process', { error: String(err) });
      this.media.settle(id, null);
    }
    return media;
  }

  /**
   * Asks the host to close the engine (final checkpoint, database closed) and waits for it to
   * exit; kills it after `graceMs`. No restart after this.
   */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.opts.logger.warn('engine host did not exit in time; killing it', { graceMs });
        child.kill();
        // Never let a stuck child keep the app from quitting.
        setTimeout(resolve, 2_000);
      }, graceMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      const message: EngineShutdownMessage = { shutdown: true };
      try {
        child.postMessage(message);
      } catch {
        child.kill();
      }
    });
  }

  private ensureChild(): UtilityProcess {
    if (this.child) return this.child;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const { hostPath, dataDir, logger } = this.opts;
    const child = utilityProcess.fork(hostPath, ['--data', dataDir], {
      serviceName: 'Evidence Workstation engine',
      env: { ...process.env, EVIDENCE_DATA: dataDir },
      stdio: 'inherit',
    });
    this.child = child;
    this.startedAt = Date.now();
    child.on('message', (message: unknown) => {
      const settled = isMediaReplyMessage(message)
        ? this.media.settle(message.id, message.media)
        : isReplyMessage(message) && this.pending.settle(message.id, message.result);
      if (!settled) {
        logger.warn('unexpected message from the engine host', {
          message: String(JSON.stringify(message)).slice(0, 200),
        });
      }
    });
    child.once('exit', (code) => this.onExit(child, code));
    logger.info('engine host started', { dataDir });
    return child;
  }

  private onExit(child: UtilityProcess, code: number): void {
    if (this.child === child) this.child = null;
    const failed = this.pending.failAll(hostExitError(code, this.opts.logsDir));
    // The host's tickets died with it: waiting media look-ups answer "unknown".
    this.media.failAll();
    if (this.stopping) return;
    this.quickCrashes = Date.now() - this.startedAt < STABLE_AFTER_MS ? this.quickCrashes + 1 : 0;
    const delay = restartDelayMs(this.quickCrashes);
    this.opts.logger.error('engine host exited; restarting', {
      code,
      failedCalls: failed,
      restartInMs: delay,
    });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.stopping) this.ensureChild();
    }, delay);
  }
}

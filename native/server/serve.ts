import { randomBytes } from 'node:crypto';
import type { EngineContext } from '../core/context';
import { toEngineError, type EngineError } from '../core/errors';
import { createDispatcher } from '../api/dispatch';
import { openEngine, type Engine } from '../engine';
import { startHttpTransport, type RunningServer } from './http-server';
import type { VolumeSource } from '../volumes';

export interface ServeOptions extends EngineContext {
  staticDir: string;
  port?: number;
  /** Fixed token (tests); random per launch otherwise. */
  token?: string;
  /** Watch for cameras (default true). */
  watchVolumes?: boolean;
  /** The USB volume source (tests point it at a fixture mount table). */
  usbSource?: VolumeSource;
}

export interface Serving extends RunningServer {
  token: string;
  engine?: Engine;
  /** Why the engine could not open, if it could not; the UI shows it and the server keeps running. */
  engineError?: EngineError;
  stop(): Promise<void>;
}

/**
 * Starts browser mode: opens the engine (creating a fresh data directory on first run) and
 * serves the contract and the UI on loopback. An engine that cannot open (damaged or missing
 * database, read-only directory) does not stop the server: every call answers with that error.
 */
export async function serve(opts: ServeOptions): Promise<Serving> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let engine: Engine | undefined;
  let engineError: EngineError | undefined;
  try {
    engine = await openEngine({ ...opts, create: true });
  } catch (err) {
    engineError = toEngineError(err);
    opts.logger.error('engine failed to open', { code: engineError.code, message: engineError.message });
  }
  const dispatch = createDispatcher(() => {
    if (!engine) throw engineError!;
    return engine;
  });
  const running = await startHttpTransport({
    dispatch,
    staticDir: opts.staticDir,
    token,
    port: opts.port,
    resolveMedia: (ticket) => engine?.tickets.resolve(ticket),
  });
  // Watch for docked cameras (USB and watched folders); recognised ones are ingested at once.
  engine?.startMediaProcessing();
  if (engine && opts.watchVolumes !== false) {
    await engine.startMonitor({ usbSource: opts.usbSource }).catch((err: unknown) => {
      opts.logger.error('volume detection failed to start', { message: String(err) });
    });
  }
  // At least one checkpoint a day, even on a quiet workstation.
  const timer = setInterval(() => {
    try {
      engine?.checkpointIfDue();
    } catch (err) {
      opts.logger.error('daily checkpoint failed', { message: String(err) });
    }
  }, 3600_000);
  timer.unref();
  return {
    ...running,
    token,
    engine,
    engineError,
    async stop() {
      clearInterval(timer);
      await running.close();
      await engine?.close();
    },
  };
}

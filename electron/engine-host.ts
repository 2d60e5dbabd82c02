/**
 * The engine host: runs in an Electron utility process (a Node process off the main thread), so
 * hashing, verification and ffmpeg never freeze the window. Opens the data directory, then
 * answers `{id, op, input, session}` messages from the main process with `{id, result}`.
 */
import { yieldToInterface } from '../native/core/priority';
import type { MessageEvent } from 'electron';
import * as path from 'node:path';
import { createDispatcher } from '../native/api/dispatch';
import { systemClock } from '../native/core/context';
import type { ApiResult } from '../native/api/types';
import { EngineError, toEngineError, type ErrorInfo } from '../native/core/errors';
import { openEngine, type Engine } from '../native/engine';
import { dataLayout } from '../native/storage/data-dir';
import { dataDirFromArgs } from './data-dir-arg';
import {
  isCallMessage,
  isResolveMediaMessage,
  isShutdownMessage,
  type EngineMediaReplyMessage,
  type EngineReplyMessage,
} from './engine-messages';
import { teeLogger } from './file-logger';

/** How often the host asks the engine whether a daily checkpoint is due. */
const CHECKPOINT_POLL_MS = 10 * 60_000;

const port = process.parentPort as Electron.ParentPort | null | undefined;
if (!port) {
  process.stderr.write('engine-host must run in an Electron utility process (utilityProcess.fork).\n');
  process.exit(2);
}
const dataDir = dataDirFromArgs(process.argv) ?? process.env.EVIDENCE_DATA;
if (!dataDir) {
  process.stderr.write('engine-host needs --data DIR (or EVIDENCE_DATA).\n');
  process.exit(2);
}
const logger = teeLogger(path.join(dataLayout(dataDir).logs, 'engine-host.log'), 'engine-host');

// Evidence work (copies, hashing, ffmpeg) runs below the window's priority.
yieldToInterface(logger);

let engine: Engine | undefined;
let openError: unknown;
let opening: Promise<void> | undefined;
let closing = false;
let timer: NodeJS.Timeout | undefined;

/**
 * Opens the engine once; after a failure (read-only disk, corrupt database) the next call tries
 * again, so fixing the cause and retrying works without restarting the app.
 */
function ensureOpen(): Promise<void> {
  if (engine) return Promise.resolve();
  opening ??= openEngine({ dataDir: dataDir!, clock: systemClock, logger, create: true })
    .then((e) => {
      engine = e;
      openError = undefined;
      timer = setInterval(checkpointIfDue, CHECKPOINT_POLL_MS);
      checkpointIfDue();
      // A long-running host: process media in the background and watch for docked cameras.
      e.startMediaProcessing();
      void e
        .startMonitor()
        .catch((err: unknown) => logger.error('volume detection failed to start', { error: String(err) }));
      logger.info('engine open', { dataDir });
    })
    .catch((err: unknown) => {
      openError = err;
      logger.error('engine failed to open', { dataDir, error: toEngineError(err).message });
    })
    .finally(() => {
      opening = undefined;
    });
  return opening;
}

function checkpointIfDue(): void {
  try {
    engine?.checkpointIfDue();
  } catch (err) {
    logger.error('daily checkpoint failed', { error: toEngineError(err).message });
  }
}

const dispatch = createDispatcher(() => {
  if (engine) return engine;
  throw (
    openError ?? new EngineError('INTERNAL', 'The engine is not open yet.', { hint: 'Retry in a moment.' })
  );
});

async function answer(id: number, op: string, input: unknown, session: string | undefined): Promise<void> {
  let result: ApiResult<unknown>;
  if (closing) {
    result = {
      ok: false,
      error: { code: 'INTERNAL', message: 'The engine is shutting down; the action was not run.' },
    };
  } else {
    try {
      await ensureOpen();
      result = await dispatch(op, input, session);
    } catch (err) {
      result = { ok: false, error: toEngineError(err).toInfo() };
    }
  }
  try {
    port!.postMessage({ id, result } satisfies EngineReplyMessage);
  } catch (err) {
    // A handler returned something structured clone cannot carry: report it instead of hanging.
    const error: ErrorInfo = {
      code: 'INTERNAL',
      message: `The result of ${op} could not be sent: ${String(err)}`,
    };
    port!.postMessage({ id, result: { ok: false, error } } satisfies EngineReplyMessage);
  }
}

/**
 * Answers a media-ticket look-up. Tickets live in the open engine's memory, so while it is not
 * open (or closing) no ticket exists and the answer is null; the look-up never opens it.
 */
function answerMedia(id: number, ticket: string): void {
  let media: EngineMediaReplyMessage['media'] = null;
  if (engine && !closing) {
    try {
      media = engine.tickets.resolve(ticket) ?? null;
    } catch (err) {
      logger.error('media ticket look-up failed', { error: toEngineError(err).message });
    }
  }
  port!.postMessage({ id, media } satisfies EngineMediaReplyMessage);
}

async function shutdown(): Promise<void> {
  closing = true;
  if (timer) clearInterval(timer);
  try {
    await engine?.close();
  } catch (err) {
    logger.error('engine close failed', { error: toEngineError(err).message });
  }
  process.exit(0);
}

port.on('message', (event: MessageEvent) => {
  const message: unknown = event.data;
  if (isShutdownMessage(message)) return shutdown();
  if (isResolveMediaMessage(message)) return answerMedia(message.id, message.ticket);
  if (!isCallMessage(message)) {
    logger.warn('engine host ignored a malformed message');
    return;
  }
  void answer(message.id, message.op, message.input, message.session);
});

void ensureOpen();

/**
 * Messages between the main process and the engine host (utility process). Plain JSON-able
 * objects, sent with postMessage (structured clone).
 */
import type { ApiResult } from '../native/api/types';

/** main → host: one API call. */
export interface EngineCallMessage {
  id: number;
  op: string;
  input: unknown;
  session?: string;
}

/** main → host: close the engine (final checkpoint, close the database) and exit. */
export interface EngineShutdownMessage {
  shutdown: true;
}

/** host → main: the outcome of call `id`. */
export interface EngineReplyMessage {
  id: number;
  result: ApiResult<unknown>;
}

export type ToHostMessage = EngineCallMessage | EngineShutdownMessage;

/** True for a well-formed call message. */
export function isCallMessage(m: unknown): m is EngineCallMessage {
  const o = m as Partial<EngineCallMessage> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    Number.isSafeInteger(o.id) &&
    typeof o.op === 'string' &&
    (o.session === undefined || typeof o.session === 'string')
  );
}

/** True for a shutdown request. */
export function isShutdownMessage(m: unknown): m is EngineShutdownMessage {
  return typeof m === 'object' && m !== null && (m as Partial<EngineShutdownMessage>).shutdown === true;
}

/** True for a well-formed reply (a result envelope with `ok`). */
export function isReplyMessage(m: unknown): m is EngineReplyMessage {
  const o = m as Partial<EngineReplyMessage> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    Number.isSafeInteger(o.id) &&
    typeof o.result === 'object' &&
    o.result !== null &&
    typeof (o.result as { ok?: unknown }).ok === 'boolean'
  );
}

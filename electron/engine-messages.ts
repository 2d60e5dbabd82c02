/**
 * Messages between the main process and the engine host (utility process). Plain JSON-able
 * objects, sent with postMessage (structured clone).
 */
import type { ApiResult } from '../native/api/types';
import type { Ticketed } from '../native/library/tickets';

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

/** main → host: which file does media ticket `ticket` grant? (for `app://workstation/media/…`) */
export interface EngineResolveMediaMessage {
  type: 'resolveMedia';
  id: number;
  ticket: string;
}

/** host → main: the answer to resolveMedia `id`; null for an unknown or expired ticket. */
export interface EngineMediaReplyMessage {
  id: number;
  media: Ticketed | null;
}

export type ToHostMessage = EngineCallMessage | EngineShutdownMessage | EngineResolveMediaMessage;

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

/** True for a well-formed resolveMedia request. */
export function isResolveMediaMessage(m: unknown): m is EngineResolveMediaMessage {
  const o = m as Partial<EngineResolveMediaMessage> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    o.type === 'resolveMedia' &&
    Number.isSafeInteger(o.id) &&
    typeof o.ticket === 'string'
  );
}

/** True for a well-formed media reply: `media` is null or a non-empty path and MIME type. */
export function isMediaReplyMessage(m: unknown): m is EngineMediaReplyMessage {
  const o = m as Partial<EngineMediaReplyMessage> | null;
  if (typeof o !== 'object' || o === null || !Number.isSafeInteger(o.id) || !('media' in o)) return false;
  const media = o.media as Partial<Ticketed> | null | undefined;
  if (media === null) return true;
  return (
    typeof media === 'object' &&
    typeof media.path === 'string' &&
    media.path !== '' &&
    typeof media.mime === 'string' &&
    media.mime !== ''
  );
}

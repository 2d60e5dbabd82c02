/**
 * Answers `app://workstation/media/<ticket>` requests: resolves the ticket through the engine
 * host and streams the granted file read-only, with byte ranges so the player can seek. Free of
 * Electron (only fetch's Request/Response), so tests call it with real files.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Logger } from '../native/core/context';
import type { Ticketed } from '../native/library/tickets';
import { contentRange, parseRange, type ByteRange } from '../native/server/byte-range';
import { mediaTicketFromUrl } from './media-url';

/** Looks a ticket up in the engine; undefined when unknown or expired. */
export type MediaLookup = (ticket: string) => Promise<Ticketed | undefined>;

/** Status, headers and the bytes to send (none for HEAD, 416, or an empty file). */
export interface MediaPlan {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  body?: ByteRange;
}

/**
 * Decides the response for a file of `size` bytes. Only GET honours Range (RFC 9110 §14.2).
 * No CSP (media is not a document) but `nosniff`; `no-store` keeps evidence out of the
 * profile's disk cache.
 */
export function planMediaResponse(
  method: string,
  rangeHeader: string | null | undefined,
  size: number,
  mime: string,
): MediaPlan {
  const common = {
    'Accept-Ranges': 'bytes',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  const range = method === 'GET' ? parseRange(rangeHeader, size) : undefined;
  if (range === 'unsatisfiable') {
    return { status: 416, headers: { ...common, 'Content-Range': contentRange(undefined, size) } };
  }
  const whole = size > 0 ? { start: 0, end: size - 1 } : undefined;
  const send = range ?? whole;
  const headers: Record<string, string> = {
    ...common,
    'Content-Type': mime,
    'Content-Length': String(send ? send.end - send.start + 1 : 0),
  };
  if (range) headers['Content-Range'] = contentRange(range, size);
  return { status: range ? 206 : 200, headers, body: method === 'GET' ? send : undefined };
}

/** Serves one media request (GET or HEAD; the caller refuses other methods). Never throws. */
export async function mediaResponse(
  request: Request,
  lookup: MediaLookup,
  logger: Logger,
): Promise<Response> {
  const ticket = mediaTicketFromUrl(request.url);
  if (!ticket) {
    logger.warn('app: malformed media URL refused');
    return plain(404, 'Unknown or expired media link.');
  }
  const file = await lookup(ticket);
  if (!file) return plain(404, 'Unknown or expired media link.');
  let size: number;
  try {
    const st = await stat(file.path);
    if (!st.isFile()) return plain(404, 'The media file is missing.');
    size = st.size;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      logger.error('app: granted media file is missing', { path: file.path });
      return plain(404, 'The media file is missing.');
    }
    logger.error('app: media file could not be read', { path: file.path, error: String(err) });
    return plain(500, 'Could not read the media file.');
  }
  const plan = planMediaResponse(request.method, request.headers.get('range'), size, file.mime);
  // flags 'r': the stored evidence is only ever opened read-only.
  const body = plan.body
    ? (Readable.toWeb(createReadStream(file.path, { ...plan.body, flags: 'r' })) as ReadableStream)
    : null;
  return new Response(body, { status: plan.status, headers: plan.headers });
}

/** A small text answer; `nosniff` so it is never taken for anything else. */
function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

/**
 * Pure parsing of the player's media URLs, `app://workstation/media/<ticket>`: the engine grants a
 * ticket per file (native/library/tickets.ts) and the `app:` protocol streams only what a live
 * ticket names. Nothing in the URL is ever used as a path.
 */
import { isAppUrl } from './app-origin';

/** Everything under this prefix is media; it never falls through to the renderer's files. */
export const MEDIA_PREFIX = '/media/';

// Tickets are random base64url strings (24 characters today); the bounds only keep junk out.
const MEDIA_PATH = /^\/media\/([A-Za-z0-9_-]{16,128})$/;

/** True when `url` is on the workstation origin and its path is under `/media/` (or is `/media`). */
export function isMediaUrl(url: string): boolean {
  if (!isAppUrl(url)) return false;
  const { pathname } = new URL(url);
  return pathname === '/media' || pathname.startsWith(MEDIA_PREFIX);
}

/**
 * The ticket in `app://workstation/media/<ticket>`, or undefined for anything else: another
 * origin, a query string, a trailing slash, extra segments, percent-escapes or any character
 * outside base64url. A fragment is ignored (Chromium does not send it anyway).
 */
export function mediaTicketFromUrl(url: string): string | undefined {
  if (!isAppUrl(url)) return undefined;
  const u = new URL(url);
  if (u.search !== '') return undefined;
  return MEDIA_PATH.exec(u.pathname)?.[1];
}

/**
 * The `app:` protocol that serves the built renderer (dist/renderer) instead of file://, so the UI
 * has a real origin, a CSP header, and no reach into the rest of the disk. `/media/<ticket>`
 * streams the one file an engine-granted ticket names (electron/media-response.ts).
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import type { Logger } from '../native/core/context';
import { APP_SCHEME } from './app-origin';
import { mediaResponse, type MediaLookup } from './media-response';
import { isMediaUrl } from './media-url';
import { resolveAppRequest, responseHeaders } from './protocol-path';

/**
 * Declares `app:` as a standard, secure scheme with fetch support. Must run before the app's
 * `ready` event (Electron rejects it afterwards).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // stream: media elements can seek in responses; codeCache: faster start-up.
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
    },
  ]);
}

/**
 * Serves files under `root` on the default session's `app:` scheme, and media by ticket through
 * `lookupMedia`. Call after `ready`.
 */
export function serveAppProtocol(root: string, logger: Logger, lookupMedia: MediaLookup): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, `Method ${request.method} is not allowed.`);
    }
    // Before the file lookup: nothing under /media/ is ever a file of the renderer.
    if (isMediaUrl(request.url)) return mediaResponse(request, lookupMedia, logger);
    const resolved = resolveAppRequest(request.url, root);
    if (!resolved.ok) {
      logger.warn('app: request refused', { url: request.url, reason: resolved.reason });
      return plain(resolved.status, 'Refused.');
    }
    let body: Buffer;
    try {
      body = await readFile(resolved.file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return plain(404, 'Not found.');
      logger.error('app: request failed', { url: request.url, error: String(err) });
      return plain(500, 'Could not read the file.');
    }
    const headers = responseHeaders(resolved.file);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  });
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

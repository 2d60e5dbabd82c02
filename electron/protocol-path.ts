/**
 * Pure request → file resolution for the `app:` protocol: which file under the renderer's build
 * directory a URL names, with what MIME type and headers. Kept free of Electron so it can be
 * tested directly; electron/app-protocol.ts does the I/O.
 */
import * as nodePath from 'node:path';
import { isAppUrl } from './app-origin';

/** Mirrors the `<meta http-equiv="Content-Security-Policy">` in renderer/index.html. */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
};

/** MIME type for a file name by extension; unknown types are served as opaque bytes. */
export function mimeTypeFor(file: string): string {
  return MIME[nodePath.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers sent with every `app:` response. `nosniff` so a mislabelled file is never run as script. */
export function responseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': mimeTypeFor(file),
    'Content-Security-Policy': RENDERER_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

export type ResolvedRequest = { ok: true; file: string } | { ok: false; status: 400 | 403; reason: string };

/**
 * Resolves an `app://workstation/…` URL to a file under `root`.
 *
 * Rejects (never "cleans up") anything that could leave the root: foreign hosts, `.`/`..` or
 * dot-file segments, encoded slashes or backslashes, NUL and `:` (Windows drive letters and NTFS
 * streams). `app://workstation/` serves index.html; there is no SPA fallback (Vite emits relative
 * asset paths, which only resolve from the top level, so the UI must route by hash).
 * `pathImpl` lets tests check Windows semantics on Linux.
 */
export function resolveAppRequest(
  url: string,
  root: string,
  pathImpl: nodePath.PlatformPath = nodePath,
): ResolvedRequest {
  if (!isAppUrl(url)) return { ok: false, status: 403, reason: `not an app://workstation URL: ${url}` };
  const pathname = new URL(url).pathname;
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, reason: `malformed percent-encoding in ${pathname}` };
    }
    if (seg.startsWith('.') || /[/\\:\0]/.test(seg)) {
      return { ok: false, status: 403, reason: `path segment "${seg}" is not allowed` };
    }
    segments.push(seg);
  }
  if (segments.length === 0) segments.push('index.html');
  return contained(root, segments, pathImpl);
}

/** Joins and re-checks containment: the segment rules above should make this unreachable. */
function contained(root: string, segments: string[], p: nodePath.PlatformPath): ResolvedRequest {
  const base = p.resolve(root);
  const file = p.resolve(base, ...segments);
  const rel = p.relative(base, file);
  if (rel === '' || rel.startsWith('..') || p.isAbsolute(rel)) {
    return {
      ok: false,
      status: 403,
      reason: `resolves outside the renderer directory: ${segments.join('/')}`,
    };
  }
  return { ok: true, file };
}

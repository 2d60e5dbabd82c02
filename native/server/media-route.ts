import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentRange, parseRange } from './byte-range';

export type MediaResolver = (ticket: string) => { path: string; mime: string } | undefined;

/**
 * Serves `/media/<ticket>` with HTTP Range support (the player seeks by byte ranges). Only
 * files granted by a ticket are reachable; the stored file is opened read-only.
 */
export async function serveMedia(
  req: IncomingMessage,
  res: ServerResponse,
  resolve: MediaResolver,
): Promise<void> {
  const ticket = (req.url ?? '').slice('/media/'.length).split('?')[0]!;
  const file = resolve(ticket);
  const st = file ? await stat(file.path).catch(() => undefined) : undefined;
  if (!file || !st) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Unknown or expired media link.');
    return;
  }
  const headers: Record<string, string | number> = {
    'content-type': file.mime,
    'accept-ranges': 'bytes',
    'cache-control': 'private, max-age=3600',
    'x-content-type-options': 'nosniff',
  };
  const range = parseRange(req.headers.range, st.size);
  if (range === 'unsatisfiable') {
    res.writeHead(416, { 'content-range': contentRange(undefined, st.size) });
    res.end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: st.size - 1 };
  if (range) {
    res.writeHead(206, {
      ...headers,
      'content-range': contentRange(range, st.size),
      'content-length': end - start + 1,
    });
  } else {
    res.writeHead(200, { ...headers, 'content-length': st.size });
  }
  if (req.method === 'HEAD' || st.size === 0) {
    res.end();
    return;
  }
  createReadStream(file.path, { start, end })
    .on('error', () => res.destroy())
    .pipe(res);
}

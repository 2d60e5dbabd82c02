import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';

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
  const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ''));
  let start = 0;
  let end = st.size - 1;
  if (range && (range[1] || range[2])) {
    if (range[1]) {
      start = Number(range[1]);
      if (range[2]) end = Math.min(Number(range[2]), st.size - 1);
    } else start = Math.max(0, st.size - Number(range[2]));
    if (start > end || start >= st.size) {
      res.writeHead(416, { 'content-range': `bytes */${st.size}` });
      res.end();
      return;
    }
    res.writeHead(206, {
      ...headers,
      'content-range': `bytes ${start}-${end}/${st.size}`,
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

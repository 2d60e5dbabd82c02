import { createServer, request, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveMedia } from '../../../native/server/media-route';

// Browser-mode media route over real loopback HTTP, after the range logic moved to byte-range.ts.
let dir: string;
let server: Server;
let port: number;
const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'media-route-'));
  const file = path.join(dir, 'clip.mp4');
  writeFileSync(file, bytes);
  server = createServer((req, res) => {
    void serveMedia(req, res, (t) => (t === 'good' ? { path: file, mime: 'video/mp4' } : undefined));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: url, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('serveMedia', () => {
  it('serves the whole file with accept-ranges', async () => {
    const r = await get('/media/good');
    expect(r.status).toBe(200);
    expect(r.headers['accept-ranges']).toBe('bytes');
    expect(r.headers['content-length']).toBe('1000');
    expect(r.body.equals(bytes)).toBe(true);
  });

  it('serves a range with 206 and content-range', async () => {
    const r = await get('/media/good', { range: 'bytes=100-199' });
    expect(r.status).toBe(206);
    expect(r.headers['content-range']).toBe('bytes 100-199/1000');
    expect(r.body.equals(bytes.subarray(100, 200))).toBe(true);
    const tail = await get('/media/good', { range: 'bytes=-500' });
    expect(tail.body.equals(bytes.subarray(500))).toBe(true);
  });

  it('answers 416 beyond the end and 404 for an unknown ticket', async () => {
    const r = await get('/media/good', { range: 'bytes=1000-' });
    expect(r.status).toBe(416);
    expect(r.headers['content-range']).toBe('bytes */1000');
    expect((await get('/media/other')).status).toBe(404);
  });
});

import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../native/core/context';
import type { Ticketed } from '../../native/library/tickets';
import { mediaResponse, planMediaResponse, type MediaLookup } from '../../electron/media-response';

const T_CLIP = 'clipclipclipclipclipclip';
const T_EMPTY = 'emptyemptyemptyemptyempt';
const T_GONE = 'gonegonegonegonegonegone';
const T_DIR = 'dirdirdirdirdirdirdirdir';
const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) % 256));

let dir: string;
let clip: string;
let lookups: string[];
let lookup: MediaLookup;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'media-response-'));
  clip = path.join(dir, 'clip.mp4');
  writeFileSync(clip, bytes);
  // Stored evidence is read-only on disk; reading must still work.
  chmodSync(clip, 0o444);
  writeFileSync(path.join(dir, 'empty.mp4'), '');
  mkdirSync(path.join(dir, 'adir'));
  const files: Record<string, Ticketed> = {
    [T_CLIP]: { path: clip, mime: 'video/mp4' },
    [T_EMPTY]: { path: path.join(dir, 'empty.mp4'), mime: 'video/mp4' },
    [T_GONE]: { path: path.join(dir, 'deleted.mp4'), mime: 'video/mp4' },
    [T_DIR]: { path: path.join(dir, 'adir'), mime: 'video/mp4' },
  };
  lookup = (ticket) => {
    lookups.push(ticket);
    return Promise.resolve(files[ticket]);
  };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function req(ticket: string, init: RequestInit = {}): Request {
  return new Request(`app://workstation/media/${ticket}`, init);
}

async function serve(r: Request): Promise<Response> {
  lookups = [];
  return mediaResponse(r, lookup, silentLogger);
}

describe('mediaResponse', () => {
  it('streams the whole file with accept-ranges, nosniff and no CSP', async () => {
    const res = await serve(req(T_CLIP));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-length')).toBe('1000');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBeNull();
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('answers a Range request with 206 and exactly those bytes', async () => {
    const res = await serve(req(T_CLIP, { headers: { range: 'bytes=100-199' } }));
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(res.headers.get('content-length')).toBe('100');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);

    const tail = await serve(req(T_CLIP, { headers: { range: 'bytes=-300' } }));
    expect(tail.headers.get('content-range')).toBe('bytes 700-999/1000');
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(700))).toBe(true);
  });

  it('answers 416 with the size when the range starts beyond the end', async () => {
    const res = await serve(req(T_CLIP, { headers: { range: 'bytes=1000-' } }));
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe('bytes */1000');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers HEAD with the headers and no body, ignoring Range', async () => {
    const res = await serve(req(T_CLIP, { method: 'HEAD', headers: { range: 'bytes=0-9' } }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('1000');
    expect(res.body).toBeNull();
  });

  it('serves an empty file as an empty 200', async () => {
    const res = await serve(req(T_EMPTY));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('0');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers 404 for an unknown ticket, a missing file and a directory', async () => {
    for (const t of ['unknownunknownunknown', T_GONE, T_DIR]) {
      const res = await serve(req(t));
      expect(res.status, t).toBe(404);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('refuses a malformed media URL without asking the engine', async () => {
    for (const url of [
      'app://workstation/media/../../etc/passwd',
      `app://workstation/media/${T_CLIP}/x`,
      `app://workstation/media/${T_CLIP}?x=1`,
      'app://workstation/media/a%2F..%2Fb',
    ]) {
      const res = await serve(new Request(url));
      expect(res.status, url).toBe(404);
      expect(lookups, url).toEqual([]);
    }
  });
});

describe('planMediaResponse', () => {
  it('plans 200, 206 and 416', () => {
    expect(planMediaResponse('GET', null, 10, 'audio/mp4')).toMatchObject({
      status: 200,
      body: { start: 0, end: 9 },
      headers: { 'Content-Length': '10', 'Content-Type': 'audio/mp4' },
    });
    expect(planMediaResponse('GET', 'bytes=0-', 10, 'audio/mp4')).toMatchObject({
      status: 206,
      body: { start: 0, end: 9 },
      headers: { 'Content-Range': 'bytes 0-9/10' },
    });
    const bad = planMediaResponse('GET', 'bytes=20-', 10, 'audio/mp4');
    expect(bad.status).toBe(416);
    expect(bad.body).toBeUndefined();
  });

  it('ignores a malformed range and sends the whole file', () => {
    const p = planMediaResponse('GET', 'bytes=abc', 10, 'audio/mp4');
    expect(p.status).toBe(200);
    expect(p.headers['Content-Range']).toBeUndefined();
  });
});

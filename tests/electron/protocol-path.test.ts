import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeTypeFor, RENDERER_CSP, resolveAppRequest, responseHeaders } from '../../electron/protocol-path';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'app-proto-'));
  root = path.join(base, 'dist', 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'a b.css'), 'body{}');
  writeFileSync(path.join(base, 'secret.txt'), 'outside the root');
  writeFileSync(path.join(base, 'dist', 'main.cjs'), 'outside the root');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveAppRequest', () => {
  it('serves index.html for the start URL and for the bare origin', () => {
    for (const url of ['app://workstation/index.html', 'app://workstation/', 'app://workstation']) {
      const r = resolveAppRequest(url, root);
      expect(r).toEqual({ ok: true, file: path.join(root, 'index.html') });
    }
  });

  it('serves assets, ignoring query and fragment, decoding escapes', () => {
    expect(resolveAppRequest('app://workstation/assets/index-abc.js?v=2#x', root)).toEqual({
      ok: true,
      file: path.join(root, 'assets', 'index-abc.js'),
    });
    const spaced = resolveAppRequest('app://workstation/assets/a%20b.css', root);
    expect(spaced.ok && existsSync(spaced.file)).toBe(true);
  });

  it('never resolves to a file outside the root', () => {
    const attacks = [
      'app://workstation/../secret.txt',
      'app://workstation/../../secret.txt',
      'app://workstation/%2e%2e/secret.txt',
      'app://workstation/%2E%2E/%2E%2E/secret.txt',
      'app://workstation/..%2f..%2fsecret.txt',
      'app://workstation/assets/..%2F..%2F..%2Fsecret.txt',
      'app://workstation/..%5c..%5csecret.txt',
      'app://workstation/assets/%2e%2e%5c%2e%2e%5cmain.cjs',
      `app://workstation/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
      'app://workstation/index.html%00.png',
      'app://workstation/C:%5cWindows%5cwin.ini',
      'app://workstation/.env',
    ];
    for (const url of attacks) {
      const r = resolveAppRequest(url, root);
      if (r.ok) {
        // URL parsing may fold plain `..` away; what is left must still be inside the root.
        expect(path.relative(root, r.file).startsWith('..'), url).toBe(false);
        expect(r.file.startsWith(root + path.sep), url).toBe(true);
      } else {
        expect([400, 403], url).toContain(r.status);
      }
    }
    // The encoded forms are refused outright rather than cleaned up.
    expect(resolveAppRequest('app://workstation/..%2f..%2fsecret.txt', root)).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(resolveAppRequest('app://workstation/..%5c..%5csecret.txt', root)).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(resolveAppRequest('app://workstation/index.html%00.png', root)).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('refuses other hosts, schemes, ports and credentials', () => {
    for (const url of [
      'app://evil/index.html',
      'app://workstation.evil/index.html',
      'app://workstation:8080/index.html',
      'app://user:pw@workstation/index.html',
      'file:///etc/passwd',
      'https://workstation/index.html',
      'not a url',
    ]) {
      expect(resolveAppRequest(url, root), url).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('rejects malformed percent-encoding with 400', () => {
    expect(resolveAppRequest('app://workstation/assets/%E0%A4%A', root)).toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it('keeps Windows paths inside the root too (backslashes and drive letters)', () => {
    const winRoot = 'C:\\Program Files\\Evidence Workstation\\resources\\app.asar\\dist\\renderer';
    const ok = resolveAppRequest('app://workstation/assets/index-abc.js', winRoot, path.win32);
    expect(ok).toEqual({ ok: true, file: `${winRoot}\\assets\\index-abc.js` });
    for (const url of [
      'app://workstation/..%5C..%5Cmain.cjs',
      'app://workstation/C:%5CWindows%5Cwin.ini',
      'app://workstation/D:x',
    ]) {
      expect(resolveAppRequest(url, winRoot, path.win32), url).toMatchObject({ ok: false, status: 403 });
    }
  });
});

describe('MIME types and headers', () => {
  it('labels what Vite emits', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('assets/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('f.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('i.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('v.mp4')).toBe('video/mp4');
    expect(mimeTypeFor('unknown.bin')).toBe('application/octet-stream');
  });

  it('sends the renderer CSP, starting from default-src none, with nosniff', () => {
    const h = responseHeaders('index.html');
    expect(h['Content-Security-Policy']).toBe(RENDERER_CSP);
    expect(RENDERER_CSP.startsWith("default-src 'none'")).toBe(true);
    expect(RENDERER_CSP).toContain("script-src 'self';");
    expect(RENDERER_CSP).not.toContain('unsafe-eval');
    expect(h['X-Content-Type-Options']).toBe('nosniff');
  });

  it('matches the CSP meta tag in renderer/index.html exactly', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(RENDERER_CSP);
  });
});

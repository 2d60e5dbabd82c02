import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { request } from 'node:http';
import { serve, type Serving } from '../../../native/server/serve';
import { silentLogger, systemClock } from '../../../native/core/context';
import { tempDir } from '../../helpers/cli';

interface Reply {
  ok: boolean;
  value?: unknown;
  error: { code: string; message: string; field?: string; hint?: string };
}

function uiDir(): string {
  const dir = join(tempDir(), 'ui');
  mkdirSync(dir);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ui</title>');
  return dir;
}

/** Raw HTTP so the test controls every header (fetch would set Host and Origin itself). */
function post(
  port: number,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; json: Reply }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

describe('loopback HTTP transport', () => {
  let s: Serving;
  beforeAll(async () => {
    s = await serve({
      dataDir: join(tempDir(), 'data'),
      clock: systemClock,
      logger: silentLogger,
      staticDir: uiDir(),
      token: 'launch-token-123',
    });
  });
  afterAll(() => s.stop());

  const good = () => ({ authorization: 'Bearer launch-token-123', host: `127.0.0.1:${s.port}` });

  it('binds loopback only and serves the contract with the launch token', async () => {
    expect(s.server.address()).toMatchObject({ address: '127.0.0.1' });
    const r = await post(s.port, '/api/system.status', {}, good());
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: true, value: { initialized: false } });
  });

  it('refuses a missing or wrong token, a foreign Host and a cross-origin caller', async () => {
    expect((await post(s.port, '/api/system.status', {}, { host: `127.0.0.1:${s.port}` })).status).toBe(401);
    expect(
      (
        await post(
          s.port,
          '/api/system.status',
          {},
          { ...good(), authorization: 'Bearer nope-nope-nope-nope' },
        )
      ).status,
    ).toBe(401);
    expect(
      (await post(s.port, '/api/system.status', {}, { ...good(), host: `evil.example:${s.port}` })).status,
    ).toBe(421);
    expect(
      (await post(s.port, '/api/system.status', {}, { ...good(), origin: 'http://evil.example' })).status,
    ).toBe(403);
  });

  it('validates input and names the field; unknown ops and missing sessions are refused', async () => {
    const bad = await post(s.port, '/api/system.init', { agency: { name: '' }, admin: {} }, good());
    expect(bad.json.ok).toBe(false);
    expect(bad.json.error).toMatchObject({ code: 'BAD_INPUT' });
    expect(bad.json.error.field).toMatch(/^agency\.name|^admin/);
    expect((await post(s.port, '/api/nope.nothing', {}, good())).json.error.code).toBe('BAD_INPUT');
    expect((await post(s.port, '/api/users.list', {}, good())).json.error.code).toBe('UNAUTHENTICATED');
  });

  it('serves the UI with a strict CSP', async () => {
    const res = await fetch(`http://127.0.0.1:${s.port}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    expect(await res.text()).toContain('<title>ui</title>');
    expect((await fetch(`http://127.0.0.1:${s.port}/..%2f..%2fetc%2fpasswd`)).status).toBe(200); // falls back to index.html, never escapes
  });
});

describe('the server keeps running when the engine cannot open', () => {
  it('answers every call with the damaged-database error', async () => {
    const data = join(tempDir(), 'data');
    mkdirSync(data);
    writeFileSync(join(data, 'workstation.db'), Buffer.alloc(4096, 0x42));
    const s = await serve({
      dataDir: data,
      clock: systemClock,
      logger: silentLogger,
      staticDir: uiDir(),
      token: 'tok-tok-tok-tok',
    });
    const r = await post(
      s.port,
      '/api/system.status',
      {},
      { authorization: 'Bearer tok-tok-tok-tok', host: `127.0.0.1:${s.port}` },
    );
    expect(r.json).toMatchObject({ ok: false, error: { code: 'DATABASE_CORRUPT' } });
    expect(r.json.error.hint).toMatch(/backup/);
    await s.stop();
  });

  // As root (CI and dev machines), a read-only data directory is only real for another user.
  const asUser = process.getuid?.() === 0 ? 'nobody' : undefined;
  const canSwitch = asUser ? spawnSync('runuser', ['-u', asUser, '--', 'true']).status === 0 : true;
  it.skipIf(!canSwitch)(
    'reports a read-only data directory over HTTP (READ_ONLY) and keeps serving',
    async () => {
      const data = join(tempDir(), 'ro');
      mkdirSync(data, { mode: 0o755 });
      spawnSync('chmod', ['755', join(data, '..')]);
      const args = [
        process.execPath,
        '--import',
        'tsx',
        'native/cli/main.ts',
        'serve',
        '--data',
        data,
        '--json',
      ];
      const child = asUser ? spawn('runuser', ['-u', asUser, '--', ...args]) : spawn(args[0]!, args.slice(1));
      if (!asUser) spawnSync('chmod', ['555', data]);
      const url = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once('line', (l) => resolve(JSON.parse(l).url));
        child.once('exit', (c) => reject(new Error(`serve exited ${c}`)));
      });
      const u = new URL(url);
      const r = await post(
        Number(u.port),
        '/api/system.status',
        {},
        { authorization: `Bearer ${u.searchParams.get('token')}`, host: u.host },
      );
      expect(r.json).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
      expect(r.json.error.message).toContain(data);
      child.kill('SIGTERM');
    },
  );
});

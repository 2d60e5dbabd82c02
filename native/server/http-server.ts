import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../api/dispatch';
import { readStatic, rendererCsp } from './static-files';
import { serveMedia, type MediaResolver } from './media-route';

export interface HttpTransportOptions {
  dispatch: Dispatch;
  /** Built renderer (dist/renderer). */
  staticDir: string;
  /** Per-launch token every API request must carry. */
  token: string;
  /** 0 = a random free port. */
  port?: number;
  /** Files granted to the player (`/media/<ticket>`). */
  resolveMedia?: MediaResolver;
}

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

const maxBody = 4 << 20;

/**
 * Browser mode: the same contract as Electron IPC, over loopback HTTP. Binds 127.0.0.1 only;
 * every API call needs the per-launch bearer token; the Host header must name the loopback
 * address (defeats DNS rebinding); cross-origin requests are refused.
 */
export async function startHttpTransport(opts: HttpTransportOptions): Promise<RunningServer> {
  const expected = Buffer.from(opts.token);
  let port = 0;
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      send(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(err) } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return send(res, 421, { ok: false, error: { code: 'FORBIDDEN', message: 'Wrong Host header.' } });
    }
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      if (req.method !== 'POST')
        return send(res, 405, { ok: false, error: { code: 'BAD_INPUT', message: 'Use POST.' } });
      const origin = req.headers.origin;
      if (origin && origin !== `http://${host}`) {
        return send(res, 403, {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'Cross-origin request refused.' },
        });
      }
      const auth = Buffer.from(String(req.headers.authorization ?? '').replace(/^Bearer /, ''));
      if (auth.length !== expected.length || !timingSafeEqual(auth, expected)) {
        return send(res, 401, {
          ok: false,
          error: {
            code: 'UNAUTHENTICATED',
            message: 'Missing or wrong launch token.',
            hint: 'Open the URL printed at start-up.',
          },
        });
      }
      let input: unknown;
      try {
        const raw = await readBody(req);
        input = raw.length ? JSON.parse(raw.toString('utf8')) : {};
      } catch (err) {
        return send(res, 400, {
          ok: false,
          error: { code: 'BAD_INPUT', message: `Request body: ${(err as Error).message}` },
        });
      }
      const session = req.headers['x-session'];
      const result = await opts.dispatch(
        url.slice(5).split('?')[0]!,
        input,
        typeof session === 'string' ? session : undefined,
      );
      return send(res, 200, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    if (url.startsWith('/media/') && opts.resolveMedia) return serveMedia(req, res, opts.resolveMedia);
    const file = (await readStatic(opts.staticDir, url)) ?? (await readStatic(opts.staticDir, '/index.html'));
    if (!file) return send(res, 404, 'The UI is not built: run `npm run build`.');
    res.writeHead(200, {
      'content-type': file.type,
      'content-security-policy': rendererCsp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(opts.token)}`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        // A browser keeps connections open (keep-alive, polling screens): close them too, or
        // close() would wait for the tab to go away.
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let n = 0;
    req.on('data', (c: Buffer) => {
      n += c.length;
      if (n > maxBody) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type':
      typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(text);
}

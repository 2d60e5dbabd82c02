import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EngineError } from '../core/errors';
import type { WorkerReply, WorkerRequest } from './copy-messages';

export interface CopyResult {
  sha256: string;
  size: number;
  /** Path in the store ('' for hash-only jobs). */
  path: string;
  /** False when the content was already stored. */
  created: boolean;
}

interface Job {
  id: number;
  req: Extract<WorkerRequest, { type: 'run' }>;
  onBytes: (n: number) => void;
  resolve: (r: CopyResult) => void;
  reject: (e: EngineError) => void;
  worker?: Worker;
}

/**
 * A small pool of copy workers (worker threads). Each job copies-and-verifies (or only hashes)
 * one file; `size` jobs run at once. Cancelling a job aborts its copy and discards the temp file.
 */
export class CopyPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly jobs = new Map<number, Job>();
  private nextId = 1;

  constructor(
    private readonly dirs: { originals: string; tmp: string },
    readonly size = 2,
  ) {}

  /** Queues one file; resolves when it is stored and verified (or hashed). */
  run(
    source: string,
    mode: 'copy' | 'hash',
    opts: { onBytes?: (n: number) => void; signal?: AbortSignal } = {},
  ): Promise<CopyResult> {
    return new Promise((resolve, reject) => {
      const { signal } = opts;
      if (signal?.aborted) return reject(new EngineError('CANCELLED', `Copy of ${source} cancelled.`));
      const id = this.nextId++;
      const onAbort = () => this.cancel(job);
      // One dock's signal serves all its files: each job removes its listener when it settles.
      const settle =
        <T>(fn: (v: T) => void) =>
        (v: T) => {
          signal?.removeEventListener('abort', onAbort);
          fn(v);
        };
      const job: Job = {
        id,
        req: { type: 'run', id, mode, source, originals: this.dirs.originals, tmp: this.dirs.tmp },
        onBytes: opts.onBytes ?? (() => {}),
        resolve: settle(resolve),
        reject: settle(reject),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(job);
      this.pump();
    });
  }

  /** Stops every worker (pending jobs are rejected as cancelled). */
  async close(): Promise<void> {
    for (const job of [...this.queue, ...this.jobs.values()])
      job.reject(new EngineError('CANCELLED', 'The copy pool was closed.'));
    this.queue.length = 0;
    this.jobs.clear();
    await Promise.all(this.all.map((w) => w.terminate()));
    this.all.length = 0;
    this.idle.length = 0;
  }

  private cancel(job: Job): void {
    const i = this.queue.indexOf(job);
    if (i >= 0) {
      this.queue.splice(i, 1);
      job.reject(new EngineError('CANCELLED', `Copy of ${job.req.source} cancelled.`));
    } else job.worker?.postMessage({ type: 'cancel', id: job.id } satisfies WorkerRequest);
  }

  private pump(): void {
    while (this.queue.length) {
      const worker = this.idle.pop() ?? (this.all.length < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const job = this.queue.shift()!;
      job.worker = worker;
      this.jobs.set(job.id, job);
      worker.postMessage(job.req);
    }
  }

  private spawn(): Worker {
    const w = startWorker();
    this.all.push(w);
    w.on('message', (m: WorkerReply) => {
      const job = this.jobs.get(m.id);
      if (!job) return;
      if (m.type === 'progress') return job.onBytes(m.bytes);
      this.jobs.delete(m.id);
      this.idle.push(w);
      if (m.type === 'done')
        job.resolve({ sha256: m.sha256, size: m.size, path: m.path, created: m.created });
      else
        job.reject(
          new EngineError(m.code, m.message, {
            hint: m.hint,
            cause: m.errno ? { code: m.errno } : undefined,
          }),
        );
      this.pump();
    });
    w.on('error', (err) => {
      // A crashed worker fails only its own job; the pool starts a new one for the rest.
      for (const job of this.jobs.values()) {
        if (job.worker !== w) continue;
        this.jobs.delete(job.id);
        job.reject(new EngineError('INTERNAL', `Copy worker failed on ${job.req.source}: ${err.message}`));
      }
      this.all.splice(this.all.indexOf(w), 1);
      this.pump();
    });
    return w;
  }
}

/**
 * Starts copy-worker: the bundled `copy-worker.mjs`/`.cjs` beside the running bundle, or the
 * TypeScript source through tsx when running from source (tests, `node --import tsx`).
 */
function startWorker(): Worker {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const src = new URL('./copy-worker.ts', `file://${here}`).href;
    return new Worker(
      `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(src)}); })`,
      { eval: true },
    );
  }
  for (const name of ['copy-worker.mjs', 'copy-worker.cjs']) {
    const file = join(dirname(here), name);
    if (existsSync(file)) return new Worker(file);
  }
  throw new EngineError('INTERNAL', `The copy worker is missing beside ${here}.`, {
    hint: 'Rebuild the workstation (npm run build).',
  });
}

/**
 * Worker thread that copies and verifies one file at a time (see copy-pool.ts). SHA-256 in
 * node:crypto runs on the calling thread, so copies run here — in parallel on both cores and
 * never on the thread that serves the API.
 */
import { parentPort } from 'node:worker_threads';
import { storeFile } from '../storage/object-store';
import { sha256File } from '../core/hash';
import { toEngineError } from '../core/errors';
import type { WorkerReply, WorkerRequest } from './copy-messages';

const port = parentPort!;
const running = new Map<number, AbortController>();

port.on('message', (msg: WorkerRequest) => {
  if (msg.type === 'cancel') {
    running.get(msg.id)?.abort();
    return;
  }
  const ctl = new AbortController();
  running.set(msg.id, ctl);
  let pending = 0;
  let last = Date.now();
  const onBytes = (n: number) => {
    pending += n;
    const now = Date.now();
    if (now - last >= 100) {
      port.postMessage({ type: 'progress', id: msg.id, bytes: pending } satisfies WorkerReply);
      pending = 0;
      last = now;
    }
  };
  const work =
    msg.mode === 'hash'
      ? sha256File(msg.source, onBytes, ctl.signal).then((r) => ({ ...r, path: '', created: false }))
      : storeFile({ originals: msg.originals, tmp: msg.tmp }, msg.source, { onBytes, signal: ctl.signal });
  work
    .then(
      (r) => {
        if (pending) port.postMessage({ type: 'progress', id: msg.id, bytes: pending } satisfies WorkerReply);
        port.postMessage({
          type: 'done',
          id: msg.id,
          sha256: r.sha256,
          size: r.size,
          path: r.path,
          created: r.created,
        } satisfies WorkerReply);
      },
      (err: unknown) => {
        const e = toEngineError(err);
        // The OS error code (ENOENT, EIO, EACCES …) lets the dock explain the failure plainly.
        const errno = (e.cause as NodeJS.ErrnoException | undefined)?.code;
        port.postMessage({
          type: 'error',
          id: msg.id,
          code: e.code,
          message: e.message,
          hint: e.hint,
          errno,
        } satisfies WorkerReply);
      },
    )
    .finally(() => running.delete(msg.id));
});

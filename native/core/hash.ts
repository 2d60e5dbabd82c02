import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { EngineError } from './errors';

/** SHA-256 of a buffer, hex. */
export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Read size for streaming work: large enough that syscalls and promise hops are noise. */
export const CHUNK = 4 << 20;

/**
 * Streams a file through SHA-256 (node:crypto, never forge: forge is ~30 MB/s). The next
 * chunk is read while the current one is hashed, so disk and CPU overlap.
 */
export async function sha256File(
  path: string,
  onBytes?: (n: number) => void,
  signal?: AbortSignal,
): Promise<{ sha256: string; size: number }> {
  const h = createHash('sha256');
  const fh = await open(path, 'r');
  try {
    const bufs = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
    let i = 0;
    let size = 0;
    let pending = fh.read(bufs[0]!, 0, CHUNK, 0);
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) break;
      if (signal?.aborted) throw new EngineError('CANCELLED', `Hashing ${path} was cancelled.`);
      const cur = bufs[i]!;
      size += bytesRead;
      i ^= 1;
      pending = fh.read(bufs[i]!, 0, CHUNK, size);
      h.update(cur.subarray(0, bytesRead));
      onBytes?.(bytesRead);
    }
    return { sha256: h.digest('hex'), size };
  } finally {
    await fh.close();
  }
}

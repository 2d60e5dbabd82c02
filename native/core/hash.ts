import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { EngineError } from './errors';

/** SHA-256 of a buffer, hex. */
export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Streams a file through SHA-256 (node:crypto, never forge: forge is ~30 MB/s). */
export async function sha256File(
  path: string,
  onBytes?: (n: number) => void,
  signal?: AbortSignal,
): Promise<{ sha256: string; size: number }> {
  const h = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    if (signal?.aborted) throw new EngineError('CANCELLED', `Hashing ${path} was cancelled.`);
    const b = chunk as Buffer;
    h.update(b);
    size += b.length;
    onBytes?.(b.length);
  }
  return { sha256: h.digest('hex'), size };
}

import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { EngineError } from './errors';
import { CHUNK, openMaybeDirect, releaseBuffers, takeBuffers } from './direct-io';

export { CHUNK };

/** SHA-256 of a buffer, hex. */
export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Streams a file through SHA-256 (node:crypto, never forge: forge is ~30 MB/s). The next
 * chunk is read while the current one is hashed, so disk and CPU overlap. With `direct`, the
 * file is read with direct I/O where the filesystem allows it (see direct-io.ts).
 */
export async function sha256File(
  path: string,
  onBytes?: (n: number) => void,
  signal?: AbortSignal,
  opts: { direct?: boolean } = {},
): Promise<{ sha256: string; size: number }> {
  const { fh, direct } = opts.direct
    ? await openMaybeDirect(path, constants.O_RDONLY)
    : { fh: await open(path, 'r'), direct: false };
  const bufs = takeBuffers(2);
  let pending: ReturnType<FileHandle['read']> = fh.read(bufs[0]!, 0, CHUNK, 0);
  try {
    const h = createHash('sha256');
    let i = 0;
    let size = 0;
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) break;
      if (signal?.aborted) throw new EngineError('CANCELLED', `Hashing ${path} was cancelled.`);
      const cur = bufs[i]!;
      size += bytesRead;
      // A direct read comes up short only at the end, and could not go on from an unaligned offset.
      const more = !direct || bytesRead === CHUNK;
      if (more) {
        i ^= 1;
        pending = fh.read(bufs[i]!, 0, CHUNK, size);
      }
      h.update(cur.subarray(0, bytesRead));
      onBytes?.(bytesRead);
      if (!more) break;
    }
    return { sha256: h.digest('hex'), size };
  } finally {
    // The pooled buffers go back only once no read still fills them.
    await pending.catch(() => undefined);
    releaseBuffers(bufs);
    await fh.close();
  }
}

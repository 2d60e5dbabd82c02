/**
 * HTTP byte ranges (RFC 9110 §14) for the media player, which seeks by requesting byte ranges.
 * Pure: shared by the browser-mode media route and Electron's `app:` protocol.
 */

/** An inclusive byte range inside a file: `start <= end < size`. */
export interface ByteRange {
  start: number;
  end: number;
}

// One range only: players ask for one, and multipart/byteranges is not worth supporting.
const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/i;

/**
 * Reads a `Range` header against a file of `size` bytes.
 *
 * Returns the inclusive range to send (206), `'unsatisfiable'` (416: first byte at or beyond the
 * end, last before first, or an empty suffix), or `undefined` when the whole file should be sent
 * (200): no header, a malformed one, another unit, several ranges — RFC 9110 lets a server ignore
 * a Range it does not support. `bytes=-N` is the last N bytes; a last byte beyond the end is clamped.
 */
export function parseRange(
  header: string | null | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | undefined {
  const m = SINGLE_RANGE.exec((header ?? '').trim());
  if (!m) return undefined;
  const [, first = '', last = ''] = m;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    // An empty file has no range to describe; RFC 9110 calls a non-empty suffix satisfiable there.
    if (size === 0) return undefined;
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  if (last === '') return { start, end: size - 1 };
  const end = Number(last);
  if (end < start) return 'unsatisfiable';
  return { start, end: Math.min(end, size - 1) };
}

/** The `Content-Range` value for a 206 (`bytes 0-99/1000`) or, without a range, for a 416 (`bytes *\/1000`). */
export function contentRange(range: ByteRange | undefined, size: number): string {
  return range ? `bytes ${range.start}-${range.end}/${size}` : `bytes */${size}`;
}

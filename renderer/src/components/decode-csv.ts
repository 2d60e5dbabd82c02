/**
 * Text of an uploaded CSV file: UTF-8 (with or without BOM) when the bytes decode as such,
 * else GB18030 — a superset of GBK, which is how Excel saves CSV on Chinese Windows.
 */
export function decodeCsv(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

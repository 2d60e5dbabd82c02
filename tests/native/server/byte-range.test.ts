import { describe, expect, it } from 'vitest';
import { contentRange, parseRange } from '../../../native/server/byte-range';

describe('parseRange', () => {
  it('sends the whole file when there is no Range header', () => {
    expect(parseRange(undefined, 1000)).toBeUndefined();
    expect(parseRange(null, 1000)).toBeUndefined();
    expect(parseRange('', 1000)).toBeUndefined();
  });

  it('reads an open-ended range as "to the end"', () => {
    expect(parseRange('bytes=0-', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange('bytes=999-', 1000)).toEqual({ start: 999, end: 999 });
  });

  it('reads a closed range inclusively', () => {
    expect(parseRange('bytes=100-199', 1000)).toEqual({ start: 100, end: 199 });
    expect(parseRange('bytes=5-5', 1000)).toEqual({ start: 5, end: 5 });
  });

  it('reads a suffix range as the last N bytes, the whole file when N exceeds it', () => {
    expect(parseRange('bytes=-500', 1000)).toEqual({ start: 500, end: 999 });
    expect(parseRange('bytes=-1', 1000)).toEqual({ start: 999, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
  });

  it('clamps a last byte beyond the end', () => {
    expect(parseRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=0-99999999999999999999999', 1000)).toEqual({ start: 0, end: 999 });
  });

  it('is unsatisfiable when the first byte is at or beyond the end', () => {
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=1000-1999', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=99999999999999999999999-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
  });

  it('is unsatisfiable for a last byte before the first and for an empty suffix', () => {
    expect(parseRange('bytes=200-100', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
  });

  it('sends an empty file whole for a non-empty suffix (no range can describe it)', () => {
    expect(parseRange('bytes=-10', 0)).toBeUndefined();
  });

  it('ignores malformed headers, other units and multiple ranges', () => {
    const ignored = [
      'bytes=-',
      'bytes=',
      'bytes',
      'bytes=abc-def',
      'bytes=1.5-2',
      'bytes=+1-2',
      'bytes=0-1-2',
      'bytes=0-99,200-299',
      'bytes=0-99, 200-299',
      'items=0-99',
      '0-99',
      'bytes 0-99',
      'bytes=0x10-',
    ];
    for (const h of ignored) expect(parseRange(h, 1000), h).toBeUndefined();
  });

  it('accepts the unit in any case and surrounding whitespace', () => {
    expect(parseRange('Bytes=0-9', 1000)).toEqual({ start: 0, end: 9 });
    expect(parseRange('  bytes=0-9 ', 1000)).toEqual({ start: 0, end: 9 });
  });
});

describe('contentRange', () => {
  it('formats a 206 range and a 416 size', () => {
    expect(contentRange({ start: 100, end: 199 }, 1000)).toBe('bytes 100-199/1000');
    expect(contentRange(undefined, 1000)).toBe('bytes */1000');
  });
});

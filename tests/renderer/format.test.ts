import { describe, expect, it } from 'vitest';
import { decodeCsv } from '../../renderer/src/components/decode-csv';
import {
  formatBytes,
  formatClock,
  formatEta,
  formatRate,
  percent,
  testIdPart,
} from '../../renderer/src/components/format';

describe('format helpers', () => {
  it('formats sizes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2.0 GB');
    expect(formatBytes(-1)).toBe('—');
  });

  it('formats a rate in MB/s', () => {
    expect(formatRate(35 * 1048576)).toBe('35.0 MB/s');
    expect(formatRate(0)).toBe('0.0 MB/s');
  });

  it('formats the ETA as mm:ss, minutes past 59 included', () => {
    expect(formatEta(0)).toBe('00:00');
    expect(formatEta(65)).toBe('01:05');
    expect(formatEta(125 * 60 + 3)).toBe('125:03');
    expect(formatEta(undefined)).toBe('--:--');
  });

  it('formats media clocks, with hundredths on request', () => {
    expect(formatClock(62.375)).toBe('01:02');
    expect(formatClock(62.375, true)).toBe('01:02.37');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(Number.NaN)).toBe('--:--');
  });

  it('makes ids safe for data-testid', () => {
    expect(testIdPart('usb:/media/张三/CAM 1')).toBe('usb--media----CAM-1');
    expect(testIdPart(42)).toBe('42');
  });

  it('computes whole percentages within 0–100', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(5, 0)).toBe(0);
    expect(percent(11, 10)).toBe(100);
  });
});

describe('decodeCsv', () => {
  it('reads UTF-8 with a BOM', () => {
    const bytes = new TextEncoder().encode('\uFEFF警号,姓名\n');
    expect(decodeCsv(bytes).replace(/^\uFEFF/, '')).toBe('警号,姓名\n');
  });

  it('falls back to GBK for files saved by Excel on Chinese Windows', () => {
    // "警号,姓名\n" encoded in GBK.
    const gbk = Uint8Array.from(Buffer.from('beafbac52cd0d5c3fb0a', 'hex'));
    expect(decodeCsv(gbk)).toBe('警号,姓名\n');
  });
});

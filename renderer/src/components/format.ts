/** Plain formatting helpers shared by the Dock and Library screens (no React, unit-tested). */

const units = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** Bytes in binary units with one decimal above 1 KB: 0 B, 512 B, 1.5 MB, 2.0 GB. */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '—';
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} B` : `${v.toFixed(1)} ${units[i]}`;
}

/** A transfer rate in MB/s (binary MB), one decimal: 35.2 MB/s. */
export function formatRate(bytesPerSec: number): string {
  if (!Number.isFinite(bytesPerSec) || bytesPerSec <= 0) return '0.0 MB/s';
  return `${(bytesPerSec / 1048576).toFixed(1)} MB/s`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Seconds left as mm:ss (minutes may pass 59: 125:03); '--:--' when unknown. */
export function formatEta(sec: number | undefined): string {
  if (sec === undefined || !Number.isFinite(sec) || sec < 0) return '--:--';
  const s = Math.round(sec);
  return `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
}

/**
 * A media position or duration: m:ss, or h:mm:ss from an hour on. With `fraction`, hundredths
 * are added (01:02.37), so a single frame step visibly moves the clock.
 */
export function formatClock(sec: number | undefined, fraction = false): string {
  if (sec === undefined || !Number.isFinite(sec) || sec < 0) return '--:--';
  const whole = Math.floor(sec);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const base = h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
  return fraction ? `${base}.${pad(Math.floor((sec - whole) * 100))}` : base;
}

/** Makes any id safe inside a data-testid: every non-alphanumeric character becomes '-'. */
export function testIdPart(id: string | number): string {
  return String(id).replace(/[^A-Za-z0-9]/g, '-');
}

/** Done/total as a whole percentage for progress bars (0 when total is 0, never above 100). */
export function percent(done: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.min(100, Math.max(0, Math.floor((done / total) * 100)));
}

/** A clip's length for lists: m:ss for video and audio with a known length, else '—'. */
export function formatMediaDuration(kind: string, sec: number | null | undefined): string {
  return (kind === 'video' || kind === 'audio') && typeof sec === 'number' && sec > 0
    ? formatClock(sec)
    : '—';
}

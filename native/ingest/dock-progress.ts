import type { DockCounts, DockFileView, DockView } from '../api/types';

/** Rolling transfer rate over the last few seconds, and the ETA it implies. */
export class RateMeter {
  private samples: { t: number; bytes: number }[] = [];

  constructor(private readonly windowMs = 5000) {}

  /** Records the running byte total at time `t` (ms). */
  sample(t: number, bytes: number): void {
    this.samples.push({ t, bytes });
    while (this.samples.length > 2 && t - this.samples[0]!.t > this.windowMs) this.samples.shift();
  }

  /** Bytes per second over the window (0 until two samples span some time). */
  rate(): number {
    const a = this.samples[0];
    const b = this.samples[this.samples.length - 1];
    if (!a || !b || b.t - a.t < 200) return 0;
    return ((b.bytes - a.bytes) * 1000) / (b.t - a.t);
  }

  /** Seconds left for `remaining` bytes at the current rate, or undefined when unknown. */
  eta(remaining: number): number | undefined {
    const r = this.rate();
    return r > 0 ? Math.ceil(remaining / r) : undefined;
  }
}

/** Counts for a dock report from its files. */
export function countFiles(files: DockFileView[]): DockCounts {
  const c: DockCounts = { found: files.length, ingested: 0, duplicates: 0, failed: 0, skipped: 0 };
  for (const f of files) {
    if (f.state === 'ingested') c.ingested++;
    else if (f.state === 'duplicate') c.duplicates++;
    else if (f.state === 'failed') c.failed++;
    else if (f.state === 'skipped') c.skipped++;
  }
  return c;
}

/** A copy of a dock view that is safe to hand out while the dock keeps running. */
export function snapshot(v: DockView): DockView {
  return { ...v, counts: countFiles(v.files), files: v.files.map((f) => ({ ...f })) };
}

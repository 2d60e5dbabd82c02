/** The player's arithmetic: speeds, frame steps and scrub-strip tiles (no React, unit-tested). */
import type { PlaybackView } from '../../../native/api/types';

/** Playback speeds offered, slowest first. */
export const speeds = [0.25, 0.5, 1, 1.5, 2, 4] as const;

/** Frame rate assumed when the engine does not know the clip's own. */
export const defaultFps = 30;

/** The next speed up (dir 1) or down (dir -1) from `current`, staying within `speeds`. */
export function stepSpeed(current: number, dir: 1 | -1): number {
  const i = speeds.findIndex((s) => s >= current - 1e-9);
  const at = i < 0 ? speeds.length - 1 : i;
  const exact = Math.abs((speeds[at] ?? 1) - current) < 1e-9;
  // Above the fastest speed (i < 0), one step down is the fastest speed itself.
  const next = dir > 0 ? (exact ? at + 1 : at) : i < 0 ? at : at - 1;
  return speeds[Math.min(speeds.length - 1, Math.max(0, next))]!;
}

/** The time one frame before (dir -1) or after (dir 1) `t`, kept within [0, duration]. */
export function frameStep(t: number, dir: 1 | -1, fps = defaultFps, duration = Infinity): number {
  const next = t + dir / (fps > 0 ? fps : defaultFps);
  return Math.min(Number.isFinite(duration) ? duration : Infinity, Math.max(0, next));
}

/** Where `t` lands inside [0, duration]; seeking by ±5 s uses it. */
export function clampTime(t: number, duration: number): number {
  const max = Number.isFinite(duration) && duration > 0 ? duration : Math.max(0, t);
  return Math.min(max, Math.max(0, t));
}

export type Strip = NonNullable<PlaybackView['strip']>;

export interface Tile {
  index: number;
  /** Offsets of the tile inside the strip image, in strip pixels. */
  x: number;
  y: number;
}

/**
 * The strip tile that previews time `t`: index floor(t / intervalSec), clamped to
 * [0, count - 1], laid out row by row in `columns` columns.
 */
export function stripTile(t: number, strip: Strip): Tile {
  const count = Math.max(1, strip.count);
  const raw = strip.intervalSec > 0 ? Math.floor(Math.max(0, t) / strip.intervalSec) : 0;
  const index = Math.min(count - 1, Math.max(0, raw));
  const columns = Math.max(1, strip.columns);
  return {
    index,
    x: (index % columns) * strip.tileWidth,
    y: Math.floor(index / columns) * strip.tileHeight,
  };
}

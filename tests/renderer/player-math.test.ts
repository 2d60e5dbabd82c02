import { describe, expect, it } from 'vitest';
import {
  clampTime,
  frameStep,
  stepSpeed,
  stripTile,
  type Strip,
} from '../../renderer/src/components/player-math';

const strip: Strip = {
  url: '/media/x',
  columns: 10,
  rows: 6,
  tileWidth: 160,
  tileHeight: 90,
  count: 57,
  intervalSec: 2,
};

describe('player arithmetic', () => {
  it('picks the strip tile floor(t / interval), row by row', () => {
    expect(stripTile(0, strip)).toEqual({ index: 0, x: 0, y: 0 });
    expect(stripTile(3.9, strip)).toEqual({ index: 1, x: 160, y: 0 });
    expect(stripTile(25, strip)).toEqual({ index: 12, x: 2 * 160, y: 90 });
  });

  it('clamps the tile to the last one and to zero', () => {
    expect(stripTile(10_000, strip).index).toBe(56);
    expect(stripTile(10_000, strip)).toEqual({ index: 56, x: 6 * 160, y: 5 * 90 });
    expect(stripTile(-5, strip).index).toBe(0);
    expect(stripTile(5, { ...strip, intervalSec: 0 }).index).toBe(0);
  });

  it('steps one frame at 30 fps by default, within the clip', () => {
    expect(frameStep(1, 1)).toBeCloseTo(1 + 1 / 30, 9);
    expect(frameStep(1, -1, 25)).toBeCloseTo(0.96, 9);
    expect(frameStep(0, -1)).toBe(0);
    expect(frameStep(9.99, 1, 30, 10)).toBe(10);
  });

  it('moves through the speed list and stops at its ends', () => {
    expect(stepSpeed(1, 1)).toBe(1.5);
    expect(stepSpeed(1, -1)).toBe(0.5);
    expect(stepSpeed(4, 1)).toBe(4);
    expect(stepSpeed(0.25, -1)).toBe(0.25);
    expect(stepSpeed(1.2, 1)).toBe(1.5);
    expect(stepSpeed(1.2, -1)).toBe(1);
    expect(stepSpeed(8, -1)).toBe(4);
  });

  it('keeps seeks inside the clip', () => {
    expect(clampTime(-3, 60)).toBe(0);
    expect(clampTime(65, 60)).toBe(60);
    expect(clampTime(5, Number.NaN)).toBe(5);
  });
});

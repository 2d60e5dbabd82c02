/**
 * The player's scrub bar: click or drag to seek; hovering shows the scrub-strip tile for that
 * moment (CSS background-position on the strip image) and the time.
 */
import { useRef, useState, type PointerEvent } from 'react';
import { theme } from 'antd';
import { formatClock } from './format';
import { stripTile, type Strip } from './player-math';

interface Props {
  current: number;
  duration: number;
  strip?: Strip;
  onSeek: (t: number) => void;
}

/** Largest preview width; bigger strip tiles are scaled down to it. */
const PREVIEW_MAX_W = 200;

/** Seek bar with hover preview. */
export function ScrubBar({ current, duration, strip, onSeek }: Props) {
  const { token } = theme.useToken();
  const ref = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const [hover, setHover] = useState<{ x: number; t: number; width: number } | null>(null);
  const known = Number.isFinite(duration) && duration > 0;

  const at = (e: PointerEvent<HTMLDivElement>) => {
    const r = ref.current!.getBoundingClientRect();
    const x = Math.min(r.width, Math.max(0, e.clientX - r.left));
    return { x, t: known ? (x / Math.max(1, r.width)) * duration : 0, width: r.width };
  };

  const scale = strip ? Math.min(1, PREVIEW_MAX_W / Math.max(1, strip.tileWidth)) : 1;
  const tile = hover && strip ? stripTile(hover.t, strip) : undefined;
  const previewW = strip ? strip.tileWidth * scale : 60;
  const left = hover ? Math.min(Math.max(0, hover.x - previewW / 2), Math.max(0, hover.width - previewW)) : 0;
  const filled = known ? Math.min(100, (current / duration) * 100) : 0;

  return (
    <div
      ref={ref}
      data-testid="player-scrub"
      role="slider"
      aria-valuemin={0}
      aria-valuemax={known ? duration : 0}
      aria-valuenow={current}
      style={{ position: 'relative', height: 18, cursor: known ? 'pointer' : 'default', touchAction: 'none' }}
      onPointerDown={(e) => {
        if (!known) return;
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        onSeek(at(e).t);
      }}
      onPointerMove={(e) => {
        const p = at(e);
        setHover(p);
        if (dragging.current) onSeek(p.t);
      }}
      onPointerUp={() => {
        dragging.current = false;
      }}
      onPointerLeave={() => setHover(null)}
    >
      <div
        style={{
          position: 'absolute',
          top: 7,
          left: 0,
          right: 0,
          height: 4,
          borderRadius: 2,
          background: 'rgba(255,255,255,0.3)',
        }}
      >
        <div
          style={{ width: `${filled}%`, height: '100%', borderRadius: 2, background: token.colorPrimary }}
        />
      </div>
      <div
        style={{
          position: 'absolute',
          top: 3,
          left: `calc(${filled}% - 6px)`,
          width: 12,
          height: 12,
          borderRadius: 6,
          background: '#fff',
          boxShadow: '0 0 2px rgba(0,0,0,0.5)',
        }}
      />
      {hover && known && (
        <div
          style={{
            position: 'absolute',
            bottom: 22,
            left,
            pointerEvents: 'none',
            textAlign: 'center',
            color: '#fff',
            fontSize: 12,
          }}
        >
          {strip && tile && (
            <div
              data-testid="player-strip-preview"
              data-tile-index={tile.index}
              style={{
                width: strip.tileWidth * scale,
                height: strip.tileHeight * scale,
                backgroundImage: `url("${strip.url}")`,
                backgroundRepeat: 'no-repeat',
                backgroundSize: `${strip.columns * strip.tileWidth * scale}px ${strip.rows * strip.tileHeight * scale}px`,
                backgroundPosition: `-${tile.x * scale}px -${tile.y * scale}px`,
                border: '2px solid #fff',
                borderRadius: 4,
                boxShadow: '0 2px 6px rgba(0,0,0,0.5)',
              }}
            />
          )}
          <span style={{ background: 'rgba(0,0,0,0.7)', padding: '0 4px', borderRadius: 2 }}>
            {formatClock(hover.t)}
          </span>
        </div>
      )}
    </div>
  );
}

/**
 * The video player: <video> with its own controls — play/pause, speed 0.25–4×, frame step,
 * scrub bar with strip preview, time — and keyboard shortcuts while it has focus: Space,
 * ←/→ (5 s), , and . (one frame), [ and ] (speed).
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Flex, Select, Tooltip, Typography } from 'antd';
import {
  CaretRightOutlined,
  PauseOutlined,
  StepBackwardOutlined,
  StepForwardOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatClock } from './format';
import { clampTime, defaultFps, frameStep, speeds, stepSpeed, type Strip } from './player-math';
import { ScrubBar } from './scrub-bar';

interface Props {
  src: string;
  poster?: string;
  strip?: Strip;
  /** The engine's duration, used until (or if) the browser reports one. */
  durationSec?: number;
  fps?: number;
}

/** True when the key belongs to a control that needs it itself (the speed select, a button). */
function ownedByControl(e: KeyboardEvent<HTMLElement>): boolean {
  const el = e.target as HTMLElement;
  if (el.closest('input, textarea, [role="combobox"], .ant-select')) return true;
  return el.tagName === 'BUTTON' && (e.key === ' ' || e.key === 'Enter');
}

/** Video with custom controls; the focusable wrapper carries data-testid "player". */
export function VideoPlayer({ src, poster, strip, durationSec, fps = defaultFps }: Props) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(durationSec ?? 0);
  const [rate, setRate] = useState(1);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    wrap.current?.focus({ preventScroll: true });
  }, []);

  const v = () => video.current;
  const toggle = () => {
    const el = v();
    if (!el) return;
    if (el.paused) void el.play().catch(() => undefined);
    else el.pause();
  };
  const seek = (to: number) => {
    const el = v();
    if (!el) return;
    el.currentTime = clampTime(to, duration);
    setTime(el.currentTime);
  };
  const step = (dir: 1 | -1) => {
    const el = v();
    if (!el) return;
    el.pause();
    seek(frameStep(el.currentTime, dir, fps, duration));
  };
  const speed = (r: number) => {
    const el = v();
    if (el) el.playbackRate = r;
    setRate(r);
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (ownedByControl(e)) return;
    const el = v();
    if (!el) return;
    const actions: Record<string, () => void> = {
      ' ': toggle,
      ArrowLeft: () => seek(el.currentTime - 5),
      ArrowRight: () => seek(el.currentTime + 5),
      ',': () => step(-1),
      '.': () => step(1),
      '[': () => speed(stepSpeed(rate, -1)),
      ']': () => speed(stepSpeed(rate, 1)),
    };
    const act = actions[e.key];
    if (!act) return;
    e.preventDefault();
    e.stopPropagation();
    act();
  };

  const onDuration = () => {
    const d = v()?.duration;
    if (d !== undefined && Number.isFinite(d) && d > 0) setDuration(d);
  };

  return (
    <div
      ref={wrap}
      tabIndex={0}
      onKeyDown={onKey}
      data-testid="player"
      data-state={playing ? 'playing' : 'paused'}
      data-rate={rate}
      data-time={time.toFixed(3)}
      style={{ background: '#000', borderRadius: 6, overflow: 'hidden', outlineOffset: 2 }}
    >
      <video
        ref={video}
        src={src}
        poster={poster}
        preload="metadata"
        playsInline
        data-testid="player-video"
        onClick={toggle}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
        onTimeUpdate={() => setTime(v()?.currentTime ?? 0)}
        onSeeked={() => setTime(v()?.currentTime ?? 0)}
        onLoadedMetadata={onDuration}
        onDurationChange={onDuration}
        onRateChange={() => setRate(v()?.playbackRate ?? 1)}
        onError={() => setFailed(true)}
        style={{ display: 'block', width: '100%', maxHeight: '60vh', background: '#000', cursor: 'pointer' }}
      />
      {failed && <Alert type="error" showIcon title={t('player.mediaError')} banner />}
      <div style={{ padding: '4px 12px 8px' }}>
        <ScrubBar current={time} duration={duration} strip={strip} onSeek={seek} />
        <Flex align="center" gap={8} wrap>
          <Tooltip title={playing ? t('player.pause') : t('player.play')}>
            <Button
              type="text"
              icon={playing ? <PauseOutlined /> : <CaretRightOutlined />}
              onClick={toggle}
              style={{ color: '#fff' }}
              aria-label={playing ? t('player.pause') : t('player.play')}
              data-testid="player-play"
            />
          </Tooltip>
          <Tooltip title={t('player.frameBack')}>
            <Button
              type="text"
              icon={<StepBackwardOutlined />}
              onClick={() => step(-1)}
              style={{ color: '#fff' }}
              aria-label={t('player.frameBack')}
              data-testid="player-frame-back"
            />
          </Tooltip>
          <Tooltip title={t('player.frameForward')}>
            <Button
              type="text"
              icon={<StepForwardOutlined />}
              onClick={() => step(1)}
              style={{ color: '#fff' }}
              aria-label={t('player.frameForward')}
              data-testid="player-frame-forward"
            />
          </Tooltip>
          <Typography.Text
            style={{ color: '#fff', fontVariantNumeric: 'tabular-nums' }}
            data-testid="player-time"
          >
            {formatClock(time, true)} / {formatClock(duration)}
          </Typography.Text>
          <span style={{ flex: 1 }} />
          <Select
            size="small"
            value={rate}
            onChange={speed}
            aria-label={t('player.speed')}
            options={speeds.map((s) => ({ value: s, label: `${s}×` }))}
            style={{ width: 80 }}
            data-testid="player-speed"
          />
        </Flex>
      </div>
    </div>
  );
}

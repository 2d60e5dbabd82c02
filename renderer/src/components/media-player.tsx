/**
 * Opens an item for playback: media.play is called once per opening (the engine logs the view
 * in the custody log — 调阅监督) and the answer picks the player: video, audio with its
 * waveform, or photo; `notPlayable` is shown as a warning with the poster when there is one.
 */
import { useEffect, useRef } from 'react';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import { EyeOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PlaybackView } from '../../../native/api/types';
import { useOpMutation } from '../api/hooks';
import { ErrorAlert } from './error-alert';
import { VideoPlayer } from './video-player';

const imgStyle = { display: 'block', maxWidth: '100%', maxHeight: '60vh', margin: '0 auto' } as const;

function Body({ view }: { view: PlaybackView }) {
  const { item, src, poster } = view;
  if (item.kind === 'video' && src)
    return <VideoPlayer src={src} poster={poster} strip={view.strip} durationSec={item.durationSec} />;
  if (item.kind === 'audio' && src)
    return (
      <div data-testid="player">
        {view.waveform && (
          <img
            src={view.waveform}
            alt=""
            data-testid="player-waveform"
            style={{ ...imgStyle, width: '100%' }}
          />
        )}
        <audio controls src={src} data-testid="player-audio" style={{ width: '100%', marginTop: 8 }} />
      </div>
    );
  const still = src ?? poster;
  return (
    <div data-testid="player">
      {still && <img src={still} alt={item.originalName} data-testid="player-photo" style={imgStyle} />}
    </div>
  );
}

/** Player for media item `id`. */
export function MediaPlayer({ id }: { id: number }) {
  const { t } = useTranslation();
  const play = useOpMutation('media.play', ['custody.list']);
  const opened = useRef<number | null>(null);

  // Once per item: StrictMode re-runs effects, and each call is a logged view.
  useEffect(() => {
    if (opened.current === id) return;
    opened.current = id;
    play.mutate({ id });
  }, [id, play]);

  const again = (
    <Button size="small" icon={<ReloadOutlined />} onClick={() => play.mutate({ id })}>
      {t('player.reload')}
    </Button>
  );
  const view = play.data?.item.id === id ? play.data : undefined;

  if (play.error) return <ErrorAlert error={play.error} testId="player-error" />;
  if (!view) return <Spin description={t('player.opening')} />;
  return (
    <div>
      {view.notPlayable && (
        <Alert
          type="warning"
          showIcon
          title={view.item.unreadableReason ? t('player.unreadable') : t('player.notPlayable')}
          description={view.notPlayable}
          action={view.item.unreadableReason ? undefined : again}
          data-testid="player-not-playable"
          style={{ marginBottom: 8 }}
        />
      )}
      <Body view={view} />
      <Flex justify="space-between" align="center" style={{ marginTop: 6 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="player-view-logged">
          <EyeOutlined /> {t('player.viewLogged')}
        </Typography.Text>
        {view.item.kind === 'video' && view.src && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('player.keys')}
          </Typography.Text>
        )}
      </Flex>
    </div>
  );
}

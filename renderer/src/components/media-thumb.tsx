/**
 * An item's thumbnail: the engine's poster/photo thumb/waveform when it has one, else (or if
 * the image fails to load) a placeholder icon for the item's kind.
 */
import { useState } from 'react';
import { theme } from 'antd';
import { AudioOutlined, FileOutlined, PictureOutlined, VideoCameraOutlined } from '@ant-design/icons';
import type { MediaItemView } from '../../../native/api/types';

const icons: Record<MediaItemView['kind'], typeof FileOutlined> = {
  video: VideoCameraOutlined,
  audio: AudioOutlined,
  photo: PictureOutlined,
  other: FileOutlined,
};

interface Props {
  item: Pick<MediaItemView, 'id' | 'kind' | 'thumbUrl' | 'originalName'>;
  width: number | string;
  height: number;
}

/** Thumbnail box of a fixed size; the <img> carries data-testid media-thumb-<id>. */
export function MediaThumb({ item, width, height }: Props) {
  const { token } = theme.useToken();
  const [failed, setFailed] = useState<string | null>(null);
  const box = {
    width,
    height,
    background: token.colorFillTertiary,
    borderRadius: token.borderRadiusSM,
    overflow: 'hidden',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
  } as const;
  const url = item.thumbUrl;
  if (url && failed !== url) {
    return (
      <div style={box}>
        <img
          src={url}
          alt={item.originalName}
          loading="lazy"
          onError={() => setFailed(url)}
          data-testid={`media-thumb-${item.id}`}
          style={{ width: '100%', height: '100%', objectFit: 'cover' }}
        />
      </div>
    );
  }
  const Icon = icons[item.kind];
  return (
    <div style={box} data-testid={`media-noimg-${item.id}`} data-kind={item.kind}>
      <Icon style={{ fontSize: Math.min(40, height / 2), color: token.colorTextQuaternary }} />
    </div>
  );
}

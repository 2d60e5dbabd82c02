/** An item's stored facts: SHA-256, size, kind, times, who ingested it, and where it was found. */
import { Descriptions, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MediaItemView } from '../../../native/api/types';
import { formatBytes, formatMediaDuration } from './format';
import { Hex, monoStyle } from './hex';
import { MediaFlags } from './media-flags';

const time = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : undefined);

/** Read-only description list of `item`. */
export function MediaMeta({ item: m }: { item: MediaItemView }) {
  const { t } = useTranslation();
  const unknown = <Typography.Text type="secondary">{t('media.unknown')}</Typography.Text>;
  const items = [
    { key: 'name', label: t('media.originalName'), children: m.originalName },
    { key: 'sha', label: t('media.sha256'), children: <Hex value={m.sha256} testId="media-sha256" /> },
    {
      key: 'size',
      label: t('media.size'),
      children: `${formatBytes(m.size)}（${m.size.toLocaleString()} B）`,
    },
    { key: 'kind', label: t('media.kind'), children: t(`kinds.${m.kind}`) },
    { key: 'recorded', label: t('media.recordedAt'), children: time(m.recordedAt) ?? unknown },
    { key: 'ingested', label: t('media.ingestedAt'), children: time(m.ingestedAt) },
    { key: 'by', label: t('media.ingestedBy'), children: m.ingestedBy },
    {
      key: 'duration',
      label: t('media.duration'),
      children:
        formatMediaDuration(m.kind, m.durationSec) === '—'
          ? unknown
          : formatMediaDuration(m.kind, m.durationSec),
    },
    {
      key: 'res',
      label: t('media.resolution'),
      children: m.width && m.height ? `${m.width} × ${m.height}` : unknown,
    },
    { key: 'flags', label: t('library.tags'), children: <MediaFlags item={m} /> },
    ...(m.unreadableReason
      ? [
          {
            key: 'unreadable',
            label: t('media.unreadable'),
            children: <Typography.Text type="danger">{m.unreadableReason}</Typography.Text>,
          },
        ]
      : []),
    {
      key: 'sources',
      label: t('media.sources'),
      children: m.sources?.length ? (
        <div data-testid="media-sources">
          {m.sources.map((s) => (
            <div
              key={`${s.dockId}:${s.relPath}`}
              style={{ ...monoStyle, fontSize: 12, wordBreak: 'break-all' }}
            >
              {t('media.sourceLine', { dock: s.dockId, path: `${s.volumePath}/${s.relPath}` })}
            </div>
          ))}
        </div>
      ) : (
        t('media.noSources')
      ),
    },
  ];
  return <Descriptions bordered size="small" column={1} items={items} data-testid="media-meta" />;
}

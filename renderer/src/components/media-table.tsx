/** The Library's list view: thumbnail, name/title, officer, device, recorded, duration, size, flags. */
import { Empty, Table, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MediaItemView } from '../../../native/api/types';
import { formatBytes, formatMediaDuration } from './format';
import { MediaFlags } from './media-flags';
import { MediaThumb } from './media-thumb';

interface Props {
  items: MediaItemView[];
  loading: boolean;
  pagination: TablePaginationConfig;
  emptyText: string;
  onOpen: (id: number) => void;
}

/** Table of media items; a click on a row opens it. */
export function MediaTable({ items, loading, pagination, emptyText, onOpen }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<MediaItemView> = [
    {
      title: t('library.thumb'),
      key: 'thumb',
      width: 112,
      render: (_, m) => <MediaThumb item={m} width={96} height={54} />,
    },
    {
      title: t('library.name'),
      key: 'name',
      render: (_, m) => (
        <>
          <div style={{ wordBreak: 'break-all' }}>{m.title || m.originalName}</div>
          {m.title && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m.originalName}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('library.officer'),
      key: 'officer',
      width: 120,
      ellipsis: true,
      render: (_, m) => (m.officerCode ? `${m.officerCode} ${m.officerName ?? ''}` : '—'),
    },
    {
      title: t('library.device'),
      key: 'device',
      width: 130,
      ellipsis: true,
      render: (_, m) => m.deviceSerial ?? '—',
    },
    {
      title: t('library.recordedAt'),
      key: 'recorded',
      width: 150,
      render: (_, m) => (m.recordedAt ? dayjs(m.recordedAt).format('YYYY-MM-DD HH:mm:ss') : '—'),
    },
    {
      title: t('library.duration'),
      key: 'duration',
      width: 70,
      render: (_, m) => formatMediaDuration(m.kind, m.durationSec),
    },
    { title: t('library.size'), key: 'size', width: 90, render: (_, m) => formatBytes(m.size) },
    { title: t('library.tags'), key: 'tags', width: 150, render: (_, m) => <MediaFlags item={m} /> },
  ];
  return (
    <Table<MediaItemView>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      columns={columns}
      pagination={pagination}
      locale={{ emptyText: <Empty description={emptyText} /> }}
      onRow={(m) =>
        ({
          onClick: () => onOpen(m.id),
          style: { cursor: 'pointer' },
          'data-testid': `media-row-${m.id}`,
        }) as React.HTMLAttributes<HTMLElement>
      }
    />
  );
}

/**
 * One dock on the Dock screen: state, byte progress with rate and ETA, counts, cancel, retry
 * of failed files, the dock report, and the expandable per-file table.
 */
import { memo, useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Progress, Space, Tag, Typography } from 'antd';
import { DownOutlined, FileTextOutlined, RedoOutlined, StopOutlined, UpOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DockView } from '../../../native/api/types';
import { useOpMutation } from '../api/hooks';
import { DockFilesTable } from './dock-files-table';
import { DockStateTag } from './dock-state-tag';
import { errorText } from './error-alert';
import { formatBytes, formatEta, formatRate, percent } from './format';

interface Props {
  dock: DockView;
  onReport: (dockId: number) => void;
  /** Told after cancel or retry, so the screen polls until the engine reports the change. */
  onKick: () => void;
}

const countKeys = ['found', 'ingested', 'duplicates', 'failed', 'skipped'] as const;
const countColours: Record<(typeof countKeys)[number], string | undefined> = {
  found: undefined,
  ingested: 'green',
  duplicates: 'geekblue',
  failed: 'red',
  skipped: 'orange',
};

/**
 * Card for `dock`. Memoised: the docks list is polled every second while one runs, and query
 * results keep the identity of unchanged docks, so finished docks are not rendered again.
 */
export const DockRow = memo(function DockRow({ dock, onReport, onKick }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const cancel = useOpMutation('ingest.cancel', ['ingest.docks']);
  const retry = useOpMutation('ingest.retry', ['ingest.docks']);
  const running = dock.state === 'running';
  const pct = percent(dock.doneBytes, dock.totalBytes);
  const status =
    dock.state === 'running'
      ? 'active'
      : dock.state === 'done'
        ? 'success'
        : dock.state === 'failed'
          ? 'exception'
          : 'normal';
  const who = [
    dock.deviceSerial,
    dock.officerCode && `${dock.officerCode} ${dock.officerName ?? ''}`.trim(),
  ].filter(Boolean);
  const onError = (e: unknown) => void message.error(errorText(t, e));

  return (
    <Card size="small" data-testid={`dock-${dock.id}`} data-state={dock.state}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap size={6}>
          <Typography.Text strong>#{dock.id}</Typography.Text>
          <Typography.Text>{dock.volumeLabel || dock.volumePath}</Typography.Text>
          <DockStateTag dockId={dock.id} state={dock.state} />
          {who.map((w) => (
            <Tag key={w}>{w}</Tag>
          ))}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dayjs(dock.startedAt).format('YYYY-MM-DD HH:mm:ss')} · {dock.startedBy}
          </Typography.Text>
        </Space>
        <Space wrap size={4} className="no-print">
          {running && (
            <Popconfirm
              title={t('dock.confirmCancel', { id: dock.id })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => cancel.mutate({ dockId: dock.id }, { onSuccess: onKick, onError })}
            >
              <Button size="small" danger icon={<StopOutlined />} data-testid={`dock-cancel-${dock.id}`}>
                {t('dock.cancel')}
              </Button>
            </Popconfirm>
          )}
          {!running && dock.counts.failed > 0 && (
            <Button
              size="small"
              icon={<RedoOutlined />}
              loading={retry.isPending}
              data-testid={`dock-retry-${dock.id}`}
              onClick={() =>
                retry.mutate(
                  { dockId: dock.id },
                  {
                    onSuccess: () => {
                      void message.info(t('dock.retryStarted'));
                      onKick();
                    },
                    onError,
                  },
                )
              }
            >
              {t('dock.retry')}
            </Button>
          )}
          <Button
            size="small"
            icon={<FileTextOutlined />}
            onClick={() => onReport(dock.id)}
            data-testid={`dock-report-${dock.id}`}
          >
            {t('dock.report')}
          </Button>
          <Button
            size="small"
            type="text"
            icon={open ? <UpOutlined /> : <DownOutlined />}
            onClick={() => setOpen(!open)}
            data-testid={`dock-files-toggle-${dock.id}`}
          >
            {open ? t('dock.hideFiles') : t('dock.files')}
          </Button>
        </Space>
      </Flex>
      <div data-testid={`dock-progress-${dock.id}`} data-percent={pct}>
        <Progress percent={pct} status={status} style={{ margin: '6px 0 0' }} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatBytes(dock.doneBytes)} / {formatBytes(dock.totalBytes)}
          {running && ` · ${formatRate(dock.rateBps)} · ${t('dock.eta', { eta: formatEta(dock.etaSec) })}`}
        </Typography.Text>
      </div>
      <div
        style={{ marginTop: 6 }}
        data-testid={`dock-counts-${dock.id}`}
        {...Object.fromEntries(countKeys.map((k) => [`data-${k}`, dock.counts[k]]))}
      >
        {countKeys.map((k) => (
          <Tag key={k} color={dock.counts[k] > 0 ? countColours[k] : undefined}>
            {t(`dock.counts.${k}`)} {dock.counts[k]}
          </Tag>
        ))}
      </div>
      {dock.state === 'failed' && dock.counts.found === 0 && (
        <Typography.Text
          type="danger"
          style={{ display: 'block', fontSize: 12 }}
          data-testid={`dock-nofiles-${dock.id}`}
        >
          {t('dock.noFiles')}
        </Typography.Text>
      )}
      {open && (
        <div style={{ marginTop: 8 }}>
          <DockFilesTable dock={dock} />
        </div>
      )}
    </Card>
  );
});

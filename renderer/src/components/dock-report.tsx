/**
 * 接入报告: the printable summary of one dock — agency, volume, device, officer, times, who,
 * counts, and every file with its SHA-256 and state. Print CSS hides the navigation and the
 * buttons; the table prints without paging.
 */
import { Button, Card, Descriptions, Flex, Space, Spin, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DockFileView } from '../../../native/api/types';
import { useOp } from '../api/hooks';
import { DockStateTag } from './dock-state-tag';
import { ErrorAlert } from './error-alert';
import { FileStateTag } from './file-state-tag';
import { formatBytes } from './format';
import { monoStyle } from './hex';

const time = (iso?: string) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : undefined);

/** The report of dock `dockId`; `onBack` returns to the Dock screen. */
export function DockReport({ dockId, onBack }: { dockId: number; onBack: () => void }) {
  const { t } = useTranslation();
  const status = useOp('system.status', {});
  const q = useOp(
    'ingest.dock',
    { dockId },
    { refetchInterval: (query) => (query.state.data?.state === 'running' ? 1000 : false) },
  );
  const d = q.data;

  const columns: TableColumnsType<DockFileView> = [
    { title: '#', key: 'n', width: 48, render: (_, _f, i) => i + 1 },
    {
      title: t('dock.path'),
      key: 'path',
      render: (_, f) => (
        <span style={{ ...monoStyle, fontSize: 12, wordBreak: 'break-all' }}>{f.relPath}</span>
      ),
    },
    { title: t('dock.size'), key: 'size', width: 90, render: (_, f) => formatBytes(f.size) },
    {
      title: 'SHA-256',
      key: 'sha',
      render: (_, f) => (
        <span style={{ ...monoStyle, fontSize: 11, wordBreak: 'break-all' }}>{f.sha256 ?? '—'}</span>
      ),
    },
    {
      title: t('dock.state'),
      key: 'state',
      width: 160,
      render: (_, f) => (
        <>
          <FileStateTag state={f.state} />
          {f.error && (
            <div style={{ fontSize: 11 }}>
              <Typography.Text type="danger">{f.error.message}</Typography.Text>
            </div>
          )}
        </>
      ),
    },
  ];

  const c = d?.counts;
  return (
    <Card data-testid={`dock-report-view-${dockId}`} className="dock-report">
      <Flex justify="space-between" align="center" className="no-print" style={{ marginBottom: 12 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="dock-report-back">
          {t('report.back')}
        </Button>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          disabled={!d}
          data-testid="dock-report-print"
        >
          {t('common.print')}
        </Button>
      </Flex>
      {q.error && <ErrorAlert error={q.error} />}
      {q.isLoading && <Spin />}
      {d && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Title level={3} style={{ textAlign: 'center', margin: 0 }}>
            {t('report.title', { id: d.id })}
          </Typography.Title>
          <Descriptions
            bordered
            size="small"
            column={2}
            items={[
              { key: 'agency', label: t('report.agency'), span: 2, children: status.data?.agency?.name },
              {
                key: 'volume',
                label: t('report.volume'),
                span: 2,
                children: (
                  <>
                    {d.volumeLabel} <span style={{ ...monoStyle, fontSize: 12 }}>{d.volumePath}</span>
                  </>
                ),
              },
              {
                key: 'source',
                label: t('report.source'),
                children: t(`dock.kinds.${d.source}`, { defaultValue: d.source }),
              },
              { key: 'device', label: t('report.device'), children: d.deviceSerial ?? '—' },
              {
                key: 'officer',
                label: t('report.officer'),
                children: d.officerCode ? `${d.officerCode} ${d.officerName ?? ''}` : '—',
              },
              { key: 'by', label: t('report.startedBy'), children: d.startedBy },
              { key: 'start', label: t('report.startedAt'), children: time(d.startedAt) },
              {
                key: 'end',
                label: t('report.finishedAt'),
                children: time(d.finishedAt) ?? t('report.notFinished'),
              },
              {
                key: 'state',
                label: t('report.state'),
                children: <DockStateTag dockId={d.id} state={d.state} />,
              },
              { key: 'bytes', label: t('report.totalBytes'), children: formatBytes(d.totalBytes) },
              {
                key: 'counts',
                label: t('report.totals'),
                span: 2,
                children: c && (
                  <span data-testid={`dock-report-counts-${d.id}`}>
                    {(['found', 'ingested', 'duplicates', 'failed', 'skipped'] as const)
                      .map((k) => `${t(`dock.counts.${k}`)} ${c[k]}`)
                      .join(' · ')}
                  </span>
                ),
              },
            ]}
          />
          <Typography.Text strong>{t('report.files', { count: d.files.length })}</Typography.Text>
          <Table<DockFileView>
            rowKey="relPath"
            size="small"
            bordered
            dataSource={d.files}
            columns={columns}
            pagination={false}
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('report.note')}
          </Typography.Paragraph>
          <Flex justify="space-between" wrap gap={24} style={{ marginTop: 24 }}>
            <span>{t('report.signClerk')} ____________________</span>
            <span>{t('report.signOfficer')} ____________________</span>
            <span>{t('report.printedAt', { time: dayjs().format('YYYY-MM-DD HH:mm') })}</span>
          </Flex>
        </Space>
      )}
    </Card>
  );
}

/**
 * 接入 Dock: present volumes (polled every second) with recognised device and officer, the
 * "导入文件夹…" action, and running and recent docks with progress, errors, retry and the
 * printable dock report.
 */
import { useCallback, useDeferredValue, useRef, useState } from 'react';
import { Button, Card, Col, Empty, Flex, Row, Space, Typography } from 'antd';
import { FolderAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DockView } from '../../../native/api/types';
import { useOp } from '../api/hooks';
import { DockReport } from '../components/dock-report';
import { DockRow } from '../components/dock-row';
import { ErrorAlert } from '../components/error-alert';
import { ImportFolderModal } from '../components/import-folder-modal';
import { monoStyle } from '../components/hex';
import { useRegistries } from '../components/use-registries';
import { VolumeCard } from '../components/volume-card';

/** How long after a start, cancel or retry the docks list is polled fast regardless. */
const KICK_MS = 5_000;

/** The Dock screen. */
export function DockScreen() {
  const { t } = useTranslation();
  const regs = useRegistries();
  const [reportId, setReportId] = useState<number | null>(null);
  const [importing, setImporting] = useState(false);
  const kickUntil = useRef(0);

  const volumes = useOp('volumes.list', {}, { refetchInterval: 1000 });
  const watched = useOp('watched.list', {});
  const presentDocks = new Set((volumes.data ?? []).map((v) => v.dockId).filter(Boolean));
  const docks = useOp(
    'ingest.docks',
    { limit: 30 },
    {
      // Fast while anything runs, or a volume names a dock not listed yet (auto-ingest started one).
      refetchInterval: (q) => {
        const list: DockView[] = q.state.data ?? [];
        const known = new Set(list.map((d) => d.id));
        const busy =
          list.some((d) => d.state === 'running') ||
          [...presentDocks].some((id) => !known.has(id as number)) ||
          Date.now() < kickUntil.current;
        return busy ? 1000 : 5000;
      },
    },
  );
  const refetchDocks = docks.refetch;
  // Stable, so the memoised cards and rows re-render only when their own data changes.
  const kick = useCallback(() => {
    kickUntil.current = Date.now() + KICK_MS;
    void refetchDocks();
  }, [refetchDocks]);

  // Polled data renders in a deferred (interruptible, time-sliced) pass: a camera's first card
  // mounts many components at once, and must not hold the page up while an ingest runs.
  const volumeList = useDeferredValue(volumes.data);
  const dockList = useDeferredValue(docks.data);

  if (reportId !== null) return <DockReport dockId={reportId} onBack={() => setReportId(null)} />;

  const byId = new Map((dockList ?? []).map((d) => [d.id, d]));
  // The engine lists volumes in detection order; a stable order keeps cards from jumping.
  const vols = [...(volumeList ?? [])].sort(
    (a, b) => a.label.localeCompare(b.label, 'zh-CN') || a.path.localeCompare(b.path),
  );

  return (
    <div data-testid="dock-screen">
      <Card
        title={t('dock.title')}
        extra={
          <Button
            icon={<FolderAddOutlined />}
            onClick={() => setImporting(true)}
            data-testid="import-folder-button"
          >
            {t('dock.importFolder')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('dock.subtitle')}</Typography.Paragraph>
        <Typography.Title level={5}>{t('dock.volumes')}</Typography.Title>
        {volumes.error && <ErrorAlert error={volumes.error} />}
        {vols.length === 0 && !volumes.isLoading ? (
          <Empty
            data-testid="dock-empty"
            description={
              <Space orientation="vertical" size={4}>
                <Typography.Text strong>{t('dock.emptyTitle')}</Typography.Text>
                <Typography.Text type="secondary">{t('dock.empty')}</Typography.Text>
                {watched.data && watched.data.length > 0 ? (
                  <Typography.Text type="secondary">
                    {t('dock.watchedList')}{' '}
                    {watched.data.map((w) => (
                      <span key={w.id} style={{ ...monoStyle, marginRight: 8 }}>
                        {w.label ? `${w.label}（${w.path}）` : w.path}
                      </span>
                    ))}
                  </Typography.Text>
                ) : (
                  watched.data && <Typography.Text type="secondary">{t('dock.noWatched')}</Typography.Text>
                )}
              </Space>
            }
          >
            <Button icon={<FolderAddOutlined />} onClick={() => setImporting(true)}>
              {t('dock.importFolder')}
            </Button>
          </Empty>
        ) : (
          <Row gutter={[12, 12]}>
            {vols.map((v) => (
              <Col key={v.id} xs={24} md={12} xl={8}>
                <VolumeCard
                  volume={v}
                  dock={v.dockId ? byId.get(v.dockId) : undefined}
                  regs={regs}
                  onStarted={kick}
                />
              </Col>
            ))}
          </Row>
        )}
      </Card>
      <Card title={t('dock.docks')} style={{ marginTop: 16 }}>
        {docks.error && <ErrorAlert error={docks.error} />}
        {(dockList ?? []).length === 0 && !docks.isLoading ? (
          <Empty description={t('dock.docksEmpty')} />
        ) : (
          <Flex vertical gap={8} data-testid="dock-list">
            {(dockList ?? []).map((d) => (
              <DockRow key={d.id} dock={d} onReport={setReportId} onKick={kick} />
            ))}
          </Flex>
        )}
      </Card>
      {/* Mounted only while open: a closed modal would still re-render with every poll. */}
      {importing && <ImportFolderModal open onClose={() => setImporting(false)} onStarted={kick} />}
    </div>
  );
}

/**
 * The per-file table of one dock: path, size, state, a progress bar while copying or
 * verifying, and the engine's reason for failed or skipped files, loaded with ingest.dock (the
 * docks list carries summaries only).
 */
import { Empty, Progress, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DockFileView, DockView } from '../../../native/api/types';
import { useOp } from '../api/hooks';
import { ErrorAlert } from './error-alert';
import { FileStateTag } from './file-state-tag';
import { formatBytes, percent } from './format';
import { monoStyle } from './hex';

/** Files of `dock`, paged 50 at a time. */
export function DockFilesTable({ dock }: { dock: DockView }) {
  const { t } = useTranslation();
  const detail = useOp(
    'ingest.dock',
    { dockId: dock.id },
    { refetchInterval: dock.state === 'running' ? 1000 : false },
  );
  const refetch = detail.refetch;
  // The files' final states arrive with the dock's own change of state (running → done).
  const seenState = useRef(dock.state);
  useEffect(() => {
    if (seenState.current === dock.state) return;
    seenState.current = dock.state;
    void refetch();
  }, [dock.state, refetch]);
  const files = detail.data?.files ?? [];

  const columns: TableColumnsType<DockFileView> = [
    {
      title: t('dock.path'),
      key: 'path',
      ellipsis: { showTitle: false },
      render: (_, f) => (
        <Tooltip title={f.relPath} placement="topLeft">
          <span style={{ ...monoStyle, fontSize: 12 }}>{f.relPath}</span>
        </Tooltip>
      ),
    },
    { title: t('dock.size'), key: 'size', width: 100, render: (_, f) => formatBytes(f.size) },
    {
      title: t('dock.state'),
      key: 'state',
      width: 200,
      render: (_, f) => (
        <>
          <FileStateTag state={f.state} />
          {(f.state === 'copying' || f.state === 'verifying') && (
            <Progress
              percent={percent(f.doneBytes, f.size)}
              size="small"
              status="active"
              style={{ width: 90, margin: 0 }}
            />
          )}
        </>
      ),
    },
    {
      title: t('dock.error'),
      key: 'error',
      render: (_, f) =>
        f.error ? (
          <Typography.Text type={f.state === 'failed' ? 'danger' : 'warning'} style={{ fontSize: 12 }}>
            {f.error.message}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {' '}
              ({f.error.code})
            </Typography.Text>
          </Typography.Text>
        ) : null,
    },
  ];

  return (
    <div data-testid={`dock-files-${dock.id}`}>
      {detail.error && <ErrorAlert error={detail.error} />}
      <Table<DockFileView>
        rowKey="relPath"
        size="small"
        loading={detail.isLoading}
        dataSource={files}
        columns={columns}
        pagination={files.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty description={t('dock.filesEmpty')} /> }}
        onRow={(f) => ({ 'data-state': f.state }) as object}
      />
    </div>
  );
}

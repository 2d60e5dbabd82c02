/** The checkpoints tab: every signed checkpoint (size, short root, time), create one now, export. */
import { App, Button, Empty, Flex, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CheckpointView } from '../../../native/api/types';
import { useOp, useOpMutation } from '../api/hooks';
import { downloadText } from '../components/download';
import { ErrorAlert, errorText } from '../components/error-alert';
import { Hex, monoStyle } from '../components/hex';
import { useSession } from '../state/session';

/** Checkpoint list, newest first. */
export function CustodyCheckpoints() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const list = useOp('custody.checkpoints', {});
  const create = useOpMutation('custody.checkpointNow', [
    'custody.checkpoints',
    'system.status',
    'custody.list',
  ]);
  const exporter = useOpMutation('custody.exportCheckpoint', ['custody.list']);
  const rows = [...(list.data ?? [])].sort((a, b) => b.id - a.id);

  const columns: TableColumnsType<CheckpointView> = [
    { title: '#', dataIndex: 'id', key: 'id', width: 70 },
    { title: t('checkpoints.size'), dataIndex: 'size', key: 'size', width: 120 },
    {
      title: t('checkpoints.shortRoot'),
      key: 'shortRoot',
      render: (_, c) => (
        <Typography.Text strong style={monoStyle} data-testid={`checkpoint-root-${c.id}`}>
          {c.shortRoot}
        </Typography.Text>
      ),
    },
    {
      title: t('checkpoints.createdAt'),
      key: 'createdAt',
      render: (_, c) => dayjs(c.createdAt).format('YYYY-MM-DD HH:mm:ss'),
    },
  ];

  return (
    <>
      <Flex justify="end" gap={8} style={{ marginBottom: 12 }} className="no-print">
        {can('custody.export') && (
          <Button
            icon={<DownloadOutlined />}
            disabled={!rows.length}
            loading={exporter.isPending}
            data-testid="checkpoints-export"
            onClick={() =>
              exporter.mutate(
                {},
                {
                  onSuccess: ({ fileName, text }) => {
                    downloadText(fileName, text);
                    void message.success(t('header.exported', { file: fileName }));
                  },
                  onError: (e) => void message.error(errorText(t, e)),
                },
              )
            }
          >
            {t('header.exportCheckpoint')}
          </Button>
        )}
        <Button
          type="primary"
          icon={<PlusOutlined />}
          loading={create.isPending}
          data-testid="checkpoint-now"
          onClick={() =>
            create.mutate(
              {},
              {
                onSuccess: (c) =>
                  void message.success(t('checkpoints.created', { size: c.size, root: c.shortRoot })),
                onError: (e) => void message.error(errorText(t, e)),
              },
            )
          }
        >
          {t('checkpoints.createNow')}
        </Button>
      </Flex>
      {list.error && <ErrorAlert error={list.error} />}
      <div data-testid="checkpoints-table">
        <Table<CheckpointView>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={rows}
          columns={columns}
          pagination={rows.length > 50 ? { pageSize: 50 } : false}
          locale={{ emptyText: <Empty description={t('checkpoints.empty')} /> }}
          expandable={{
            expandedRowRender: (c) => (
              <>
                <div style={{ marginBottom: 8 }}>
                  {t('custody.root')}: <Hex value={c.rootHex} />
                </div>
                <Typography.Text type="secondary">{t('checkpoints.note')}</Typography.Text>
                <pre
                  style={{
                    ...monoStyle,
                    fontSize: 12,
                    whiteSpace: 'pre-wrap',
                    wordBreak: 'break-all',
                    margin: 0,
                  }}
                >
                  {c.note}
                </pre>
              </>
            ),
          }}
        />
      </div>
    </>
  );
}

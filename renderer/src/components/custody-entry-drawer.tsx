/**
 * One custody entry in full: its fields, the exact text its leaf hash covers, and its
 * inclusion proof against the current tree (with the engine's verification flag).
 */
import { Descriptions, Drawer, Empty, Space, Spin, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useOp } from '../api/hooks';
import { ErrorAlert } from './error-alert';
import { Hex, monoStyle } from './hex';

const preStyle = {
  ...monoStyle,
  fontSize: 12,
  whiteSpace: 'pre-wrap' as const,
  wordBreak: 'break-all' as const,
  background: 'rgba(0,0,0,0.04)',
  padding: 8,
  borderRadius: 4,
  margin: 0,
};

/** Drawer for entry `seq` (closed when seq is null). */
export function CustodyEntryDrawer({ seq, onClose }: { seq: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useOp('custody.entry', { seq: seq ?? 0 }, { enabled: seq !== null });
  const d = q.data;

  return (
    <Drawer
      open={seq !== null}
      onClose={onClose}
      size={720}
      title={seq !== null ? t('custody.entryTitle', { seq }) : ''}
      destroyOnHidden
    >
      <div data-testid="custody-entry-drawer">
        {q.isLoading && <Spin />}
        {q.error && <ErrorAlert error={q.error} />}
        {d && (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Descriptions
              column={1}
              bordered
              size="small"
              items={[
                { key: 'seq', label: t('custody.seq'), children: d.entry.seq },
                {
                  key: 'time',
                  label: t('custody.time'),
                  children: dayjs(d.entry.time).format('YYYY-MM-DD HH:mm:ss.SSS Z'),
                },
                { key: 'actor', label: t('custody.actor'), children: d.entry.actor },
                { key: 'action', label: t('custody.action'), children: <code>{d.entry.action}</code> },
                {
                  key: 'subjects',
                  label: t('custody.subjects'),
                  children: d.entry.subjects.length
                    ? d.entry.subjects.map((s) => <Tag key={s}>{s}</Tag>)
                    : t('common.none'),
                },
                {
                  key: 'hashes',
                  label: t('custody.hashes'),
                  children: Object.keys(d.entry.hashes).length
                    ? Object.entries(d.entry.hashes).map(([k, v]) => (
                        <div key={k}>
                          <Typography.Text type="secondary">{k}: </Typography.Text>
                          <Hex value={v} />
                        </div>
                      ))
                    : t('common.none'),
                },
                {
                  key: 'details',
                  label: t('custody.details'),
                  children: Object.keys(d.entry.details).length ? (
                    <pre style={preStyle}>{JSON.stringify(d.entry.details, null, 2)}</pre>
                  ) : (
                    t('common.none')
                  ),
                },
                { key: 'prev', label: t('custody.prev'), children: <Hex value={d.entry.prev} /> },
                {
                  key: 'leaf',
                  label: t('custody.leafHash'),
                  children: <Hex value={d.entry.leafHash} testId="entry-leaf-hash" />,
                },
              ]}
            />
            <div>
              <Typography.Title level={5}>{t('custody.entryText')}</Typography.Title>
              <Typography.Paragraph copyable={{ text: d.entryText }} style={{ marginBottom: 0 }}>
                <pre style={preStyle} data-testid="entry-text">
                  {d.entryText}
                </pre>
              </Typography.Paragraph>
            </div>
            <div data-testid="entry-proof">
              <Typography.Title level={5}>
                {t('custody.proof')}{' '}
                {d.proof.verified ? (
                  <Tag color="success" icon={<CheckCircleOutlined />} data-testid="proof-verified">
                    {t('custody.verified')}
                  </Tag>
                ) : (
                  <Tag color="error" icon={<CloseCircleOutlined />} data-testid="proof-not-verified">
                    {t('custody.notVerified')}
                  </Tag>
                )}
              </Typography.Title>
              <Descriptions
                column={1}
                bordered
                size="small"
                items={[
                  { key: 'size', label: t('custody.treeSize'), children: d.proof.treeSize },
                  { key: 'root', label: t('custody.root'), children: <Hex value={d.proof.rootHex} /> },
                  {
                    key: 'leaf',
                    label: t('custody.leafHash'),
                    children: <Hex value={d.proof.leafHashHex} />,
                  },
                  {
                    key: 'path',
                    label: t('custody.path'),
                    children: d.proof.pathHex.length ? (
                      <ol style={{ margin: 0, paddingLeft: 20 }}>
                        {d.proof.pathHex.map((h, i) => (
                          <li key={i}>
                            <Hex value={h} />
                          </li>
                        ))}
                      </ol>
                    ) : (
                      t('custody.noPath')
                    ),
                  },
                ]}
              />
            </div>
          </Space>
        )}
        {!q.isLoading && !q.error && !d && seq !== null && <Empty />}
      </div>
    </Drawer>
  );
}

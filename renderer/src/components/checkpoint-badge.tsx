/**
 * Header widget: the latest checkpoint's short root (the clerk copies it onto the paper shift
 * form) and a button that exports the signed checkpoint as a file.
 */
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useOp, useOpMutation } from '../api/hooks';
import { useSession } from '../state/session';
import { downloadText } from './download';
import { errorText } from './error-alert';
import { monoStyle } from './hex';

/** Short root with explanatory tooltip, plus the export button when permitted. */
export function CheckpointBadge() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const status = useOp('system.status', {}, { refetchInterval: 30_000 });
  const exporter = useOpMutation('custody.exportCheckpoint', ['custody.list']);
  const cp = status.data?.checkpoint;

  const onExport = () =>
    exporter.mutate(
      {},
      {
        onSuccess: ({ fileName, text }) => {
          downloadText(fileName, text);
          void message.success(t('header.exported', { file: fileName }));
        },
        onError: (err) => void message.error(errorText(t, err)),
      },
    );

  return (
    <Space size={4}>
      <Tooltip
        title={
          <>
            <div>{t('header.rootTooltip')}</div>
            {cp && (
              <div>
                {t('header.rootDetail', {
                  size: cp.size,
                  time: dayjs(cp.createdAt).format('YYYY-MM-DD HH:mm:ss'),
                })}
              </div>
            )}
          </>
        }
      >
        <Typography.Text style={{ color: 'inherit' }}>
          {t('header.rootLabel')}：
          {cp ? (
            <Typography.Text
              strong
              data-testid="header-short-root"
              style={{ ...monoStyle, color: 'inherit' }}
            >
              {cp.shortRoot}
            </Typography.Text>
          ) : (
            <Typography.Text data-testid="header-short-root" type="secondary">
              {t('header.noCheckpoint')}
            </Typography.Text>
          )}
        </Typography.Text>
      </Tooltip>
      {can('custody.export') && (
        <Tooltip title={t('header.exportCheckpoint')}>
          <Button
            size="small"
            type="text"
            icon={<DownloadOutlined />}
            aria-label={t('header.exportCheckpoint')}
            loading={exporter.isPending}
            disabled={!cp}
            onClick={onExport}
            data-testid="export-checkpoint"
          />
        </Tooltip>
      )}
    </Space>
  );
}

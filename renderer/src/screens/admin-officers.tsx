/**
 * Admin → 执法人员: the officer registry (警号, 姓名, 单位, 执法证号, linked login), with add/edit
 * and CSV import for whoever manages settings; everyone who opens Admin can read it.
 */
import { useState } from 'react';
import { Alert, Button, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OfficerView } from '../../../native/api/types';
import { useOp } from '../api/hooks';
import { ErrorAlert } from '../components/error-alert';
import { OfficerCsvImport } from '../components/officer-csv-import';
import { OfficerModal } from '../components/officer-modal';
import { useSession } from '../state/session';

/** The officers tab of the admin screen. */
export function AdminOfficers() {
  const { t } = useTranslation();
  const { can } = useSession();
  const manage = can('settings.manage');
  const officers = useOp('officers.list', {});
  const users = useOp('users.list', {}, { enabled: can('users.view') });
  const [editing, setEditing] = useState<OfficerView | undefined>();
  const [open, setOpen] = useState(false);
  const loginOf = new Map((users.data ?? []).map((u) => [u.id, u.login]));

  const columns: TableColumnsType<OfficerView> = [
    { title: t('officers.code'), dataIndex: 'code', key: 'code', width: 120 },
    {
      title: t('officers.name'),
      key: 'name',
      render: (_, o) => (
        <>
          {o.name} {!o.active && <Tag>{t('officers.inactive')}</Tag>}
        </>
      ),
    },
    { title: t('officers.unit'), dataIndex: 'unit', key: 'unit' },
    { title: t('officers.certNo'), dataIndex: 'certNo', key: 'certNo' },
    {
      title: t('officers.login'),
      key: 'login',
      render: (_, o) => (o.userId ? (loginOf.get(o.userId) ?? `#${o.userId}`) : '—'),
    },
  ];
  if (manage)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      className: 'no-print',
      render: (_, o) => (
        <Button
          type="link"
          size="small"
          onClick={() => {
            setEditing(o);
            setOpen(true);
          }}
          data-testid={`officer-edit-${o.code}`}
        >
          {t('common.edit')}
        </Button>
      ),
    });

  return (
    <>
      {!manage && <Alert type="info" showIcon title={t('officers.viewOnly')} style={{ marginBottom: 12 }} />}
      <Flex justify="end" gap={8} wrap style={{ marginBottom: 12 }} className="no-print">
        <Button icon={<ReloadOutlined />} onClick={() => void officers.refetch()}>
          {t('common.refresh')}
        </Button>
        {manage && <OfficerCsvImport />}
        {manage && (
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            onClick={() => {
              setEditing(undefined);
              setOpen(true);
            }}
            data-testid="officer-add"
          >
            {t('officers.add')}
          </Button>
        )}
      </Flex>
      {manage && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('officers.importHint')}
        </Typography.Paragraph>
      )}
      {officers.error && <ErrorAlert error={officers.error} />}
      <Table<OfficerView>
        rowKey="id"
        size="middle"
        loading={officers.isLoading}
        dataSource={officers.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <Empty description={t('officers.empty')} /> }}
        onRow={(o) => ({ 'data-testid': `officer-row-${o.code}` }) as object}
      />
      <OfficerModal open={open} officer={editing} onClose={() => setOpen(false)} />
    </>
  );
}

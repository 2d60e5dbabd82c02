/**
 * Admin → 执法人员: the officer registry (警号, 姓名, 单位, 执法证号, linked login), with add/edit
 * and CSV import for whoever manages settings; everyone who opens Admin can read it.
 */
import { useState } from 'react';
import { Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OfficerView } from '../../../native/api/types';
import { useOp } from '../api/hooks';
import { OfficerCsvImport } from '../components/officer-csv-import';
import { OfficerModal } from '../components/officer-modal';
import { RegistryTable } from '../components/registry-table';
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
  const edit = (o: OfficerView | undefined) => {
    setEditing(o);
    setOpen(true);
  };

  return (
    <>
      <RegistryTable<OfficerView>
        testId="officer"
        query={officers}
        rowKey={(o) => o.code}
        columns={columns}
        manage={manage}
        text={{ viewOnly: t('officers.viewOnly'), add: t('officers.add'), empty: t('officers.empty') }}
        addIcon={<UserAddOutlined />}
        onEdit={edit}
        toolbarExtra={<OfficerCsvImport />}
        hint={
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('officers.importHint')}
          </Typography.Paragraph>
        }
      />
      {/* Mounted per opening: a form keeps its values between openings, and would show the last record's. */}
      {open && (
        <OfficerModal key={editing?.id ?? 'new'} open officer={editing} onClose={() => setOpen(false)} />
      )}
    </>
  );
}

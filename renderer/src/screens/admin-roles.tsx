/** Admin → Roles: the engine's role → permission table, read-only, as a check-mark matrix. */
import { Alert, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../native/api/types';
import { useOp } from '../api/hooks';
import { ErrorAlert } from '../components/error-alert';
import { roleKeys } from '../components/roles';

interface Row {
  permission: Permission;
  roles: Set<string>;
}

/** The roles tab of the admin screen. */
export function AdminRoles() {
  const { t } = useTranslation();
  const table = useOp('roles.table', {}, { staleTime: Infinity });

  const byRole = table.data ?? {};
  const perms = [...new Set(Object.values(byRole).flat())].sort();
  const rows: Row[] = perms.map((p) => ({
    permission: p,
    roles: new Set(
      Object.entries(byRole)
        .filter(([, ps]) => ps.includes(p))
        .map(([r]) => r),
    ),
  }));
  // Roles the engine knows, in display order; unknown extra roles (if any) at the end.
  const roles = [
    ...roleKeys.filter((r) => r in byRole),
    ...Object.keys(byRole).filter((r) => !(roleKeys as string[]).includes(r)),
  ];

  const columns: TableColumnsType<Row> = [
    {
      title: t('rolesTable.permission'),
      key: 'permission',
      fixed: 'left',
      render: (_, row) => (
        <>
          <div>{t(`permissions.${row.permission}`, { defaultValue: row.permission })}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} code>
            {row.permission}
          </Typography.Text>
        </>
      ),
    },
    ...roles.map((r) => ({
      title: t(`roles.${r}`, { defaultValue: r }),
      key: r,
      align: 'center' as const,
      render: (_: unknown, row: Row) =>
        row.roles.has(r) ? (
          <CheckOutlined style={{ color: '#389e0d' }} aria-label="✓" />
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    })),
  ];

  return (
    <>
      <Alert type="info" showIcon title={t('rolesTable.note')} style={{ marginBottom: 12 }} />
      {table.error && <ErrorAlert error={table.error} />}
      <div data-testid="roles-table">
        <Table<Row>
          rowKey="permission"
          size="small"
          bordered
          loading={table.isLoading}
          dataSource={rows}
          columns={columns}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </div>
    </>
  );
}

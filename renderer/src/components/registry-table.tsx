/**
 * One registry tab of the admin screen (officers, devices): a notice for those who may only read,
 * a toolbar (refresh, extra actions, add), and the table with an edit action per row. The
 * screens keep their own columns and edit modal.
 */
import type { ReactNode } from 'react';
import { Alert, Button, Empty, Flex, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';

interface Props<T> {
  /** Prefix of the test ids: `${testId}-add`, `${testId}-row-${key}`, `${testId}-edit-${key}`. */
  testId: string;
  query: { data?: T[]; isLoading: boolean; error: unknown; refetch: () => unknown };
  /** The row's registry key (警号, serial): stable across edits, used in test ids. */
  rowKey: (row: T) => string;
  columns: TableColumnsType<T>;
  /** Whether the user manages settings: add, edit and `toolbarExtra` are shown only then. */
  manage: boolean;
  text: { viewOnly: string; add: string; empty: string };
  addIcon: ReactNode;
  /** Opens the edit modal: a row to edit, or undefined to add one. */
  onEdit: (row: T | undefined) => void;
  toolbarExtra?: ReactNode;
  /** Shown under the toolbar to those who manage. */
  hint?: ReactNode;
}

/** The table and toolbar of a registry tab. */
export function RegistryTable<T extends { id: number }>(p: Props<T>) {
  const { t } = useTranslation();
  const columns: TableColumnsType<T> = p.manage
    ? [
        ...p.columns,
        {
          title: t('common.actions'),
          key: 'actions',
          width: 90,
          className: 'no-print',
          render: (_, row) => (
            <Button
              type="link"
              size="small"
              onClick={() => p.onEdit(row)}
              data-testid={`${p.testId}-edit-${p.rowKey(row)}`}
            >
              {t('common.edit')}
            </Button>
          ),
        },
      ]
    : p.columns;

  return (
    <>
      {!p.manage && <Alert type="info" showIcon title={p.text.viewOnly} style={{ marginBottom: 12 }} />}
      <Flex justify="end" gap={8} wrap style={{ marginBottom: 12 }} className="no-print">
        <Button icon={<ReloadOutlined />} onClick={() => void p.query.refetch()}>
          {t('common.refresh')}
        </Button>
        {p.manage && p.toolbarExtra}
        {p.manage && (
          <Button
            type="primary"
            icon={p.addIcon}
            onClick={() => p.onEdit(undefined)}
            data-testid={`${p.testId}-add`}
          >
            {p.text.add}
          </Button>
        )}
      </Flex>
      {p.manage && p.hint}
      {p.query.error ? <ErrorAlert error={p.query.error} /> : null}
      <Table<T>
        rowKey="id"
        size="middle"
        loading={p.query.isLoading}
        dataSource={p.query.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <Empty description={p.text.empty} /> }}
        onRow={(row) => ({ 'data-testid': `${p.testId}-row-${p.rowKey(row)}` }) as object}
      />
    </>
  );
}

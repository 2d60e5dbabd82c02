/**
 * Admin → 设备: the device registry (serial, model, assigned officer, clear-after-ingest), with
 * add/edit for whoever manages settings; everyone who opens Admin can read it.
 */
import { useState } from 'react';
import { Alert, Button, Empty, Flex, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../../../native/api/types';
import { DeviceModal } from '../components/device-modal';
import { ErrorAlert } from '../components/error-alert';
import { officerLabel, useRegistries } from '../components/use-registries';
import { useOp } from '../api/hooks';
import { useSession } from '../state/session';

/** The devices tab of the admin screen. */
export function AdminDevices() {
  const { t } = useTranslation();
  const { can } = useSession();
  const manage = can('settings.manage');
  const devices = useOp('devices.list', {});
  const regs = useRegistries();
  const [editing, setEditing] = useState<DeviceView | undefined>();
  const [open, setOpen] = useState(false);

  const columns: TableColumnsType<DeviceView> = [
    { title: t('devices.serial'), dataIndex: 'serial', key: 'serial' },
    { title: t('devices.model'), dataIndex: 'model', key: 'model' },
    {
      title: t('devices.officer'),
      key: 'officer',
      render: (_, d) => {
        const o = d.officerId ? regs.officerById.get(d.officerId) : undefined;
        return o ? officerLabel(o) : '—';
      },
    },
    {
      title: t('devices.clear'),
      key: 'clear',
      render: (_, d) =>
        d.clearAfterIngest ? (
          <Tag color="orange" data-testid={`device-clears-${d.serial}`}>
            {t('devices.clearOn')}
          </Tag>
        ) : (
          '—'
        ),
    },
  ];
  if (manage)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      className: 'no-print',
      render: (_, d) => (
        <Button
          type="link"
          size="small"
          onClick={() => {
            setEditing(d);
            setOpen(true);
          }}
          data-testid={`device-edit-${d.serial}`}
        >
          {t('common.edit')}
        </Button>
      ),
    });

  return (
    <>
      {!manage && <Alert type="info" showIcon title={t('officers.viewOnly')} style={{ marginBottom: 12 }} />}
      <Flex justify="end" gap={8} style={{ marginBottom: 12 }} className="no-print">
        <Button icon={<ReloadOutlined />} onClick={() => void devices.refetch()}>
          {t('common.refresh')}
        </Button>
        {manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(undefined);
              setOpen(true);
            }}
            data-testid="device-add"
          >
            {t('devices.add')}
          </Button>
        )}
      </Flex>
      {devices.error && <ErrorAlert error={devices.error} />}
      <Table<DeviceView>
        rowKey="id"
        size="middle"
        loading={devices.isLoading}
        dataSource={devices.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <Empty description={t('devices.empty')} /> }}
        onRow={(d) => ({ 'data-testid': `device-row-${d.serial}` }) as object}
      />
      <DeviceModal open={open} device={editing} onClose={() => setOpen(false)} />
    </>
  );
}

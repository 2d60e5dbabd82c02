/**
 * Admin → 设备: the device registry (serial, model, assigned officer, clear-after-ingest), with
 * add/edit for whoever manages settings; everyone who opens Admin can read it.
 */
import { useState } from 'react';
import { Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../../../native/api/types';
import { DeviceModal } from '../components/device-modal';
import { RegistryTable } from '../components/registry-table';
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
  const edit = (d: DeviceView | undefined) => {
    setEditing(d);
    setOpen(true);
  };

  return (
    <>
      <RegistryTable<DeviceView>
        testId="device"
        query={devices}
        rowKey={(d) => d.serial}
        columns={columns}
        manage={manage}
        text={{ viewOnly: t('officers.viewOnly'), add: t('devices.add'), empty: t('devices.empty') }}
        addIcon={<PlusOutlined />}
        onEdit={edit}
      />
      {/* Mounted per opening: a form keeps its values between openings, and would show the last record's. */}
      {open && (
        <DeviceModal key={editing?.id ?? 'new'} open device={editing} onClose={() => setOpen(false)} />
      )}
    </>
  );
}

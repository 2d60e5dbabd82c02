/**
 * A present volume (USB camera, watched-folder camera or imported folder): label, path, kind,
 * the device and officer recognised from it, and — where they were not — selects for both
 * before "开始接入".
 */
import { memo, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Space, Tag, Tooltip, Typography } from 'antd';
import { CloudDownloadOutlined, UsbOutlined, FolderOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DockView, VolumeView } from '../../../native/api/types';
import { useOpMutation } from '../api/hooks';
import { DockStateTag } from './dock-state-tag';
import { ErrorAlert } from './error-alert';
import { testIdPart } from './format';
import { monoStyle } from './hex';
import { deviceLabel, officerLabel, type Registries } from './use-registries';
import { SearchSelect } from './search-select';

interface Props {
  volume: VolumeView;
  /** The dock running or last run on this volume, when the list has it. */
  dock?: DockView;
  regs: Registries;
  onStarted: (dockId: number) => void;
}

/**
 * What the volume told about its device or officer (`vol-<testId>`), or — where it told nothing —
 * a searchable select for the clerk (`vol-pick-<testId>`).
 */
function ShownOrPicked(p: {
  testId: string;
  shown: string | undefined;
  placeholder: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  options: { value: string; label: string }[];
}) {
  if (p.shown) return <span data-testid={`vol-${p.testId}`}>{p.shown}</span>;
  return (
    <SearchSelect
      size="small"
      style={{ width: '100%' }}
      placeholder={p.placeholder}
      value={p.value}
      onChange={p.onChange}
      options={p.options}
      data-testid={`vol-pick-${p.testId}`}
    />
  );
}

/** Card for one volume on the Dock screen (memoised like DockRow: volumes are polled every second). */
export const VolumeCard = memo(function VolumeCard({ volume: v, dock, regs, onStarted }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const start = useOpMutation('ingest.start', ['ingest.docks', 'volumes.list']);
  const [officerCode, setOfficerCode] = useState<string | undefined>();
  const [deviceSerial, setDeviceSerial] = useState<string | undefined>();
  const id = testIdPart(v.id);
  const running = dock?.state === 'running';
  const recognised = Boolean(v.deviceSerial || v.officerCode);

  const knownDevice = v.deviceSerial ? regs.deviceBySerial.get(v.deviceSerial) : undefined;
  const knownOfficer = v.officerCode ? regs.officerByCode.get(v.officerCode) : undefined;
  const unknown = (code: string) => t('dock.unknownCode', { code });

  const pickDevice = (serial: string | undefined) => {
    setDeviceSerial(serial);
    // A device's assigned officer is the likely one; the clerk can still change it.
    const d = serial ? regs.deviceBySerial.get(serial) : undefined;
    const o = d?.officerId ? regs.officerById.get(d.officerId) : undefined;
    if (o && !officerCode && !v.officerCode) setOfficerCode(o.code);
  };

  const go = () =>
    start.mutate(
      {
        volumeId: v.id,
        officerCode: v.officerCode ? undefined : officerCode,
        deviceSerial: v.deviceSerial ? undefined : deviceSerial,
      },
      {
        onSuccess: (r) => {
          void message.success(t('dock.started', { id: r.dockId }));
          onStarted(r.dockId);
        },
      },
    );

  const icon = v.kind === 'usb' ? <UsbOutlined /> : <FolderOutlined />;
  return (
    <Card
      size="small"
      data-testid={`volume-${id}`}
      data-volume-id={v.id}
      title={
        <Space size={6}>
          {icon}
          <span>{v.label || v.path}</span>
        </Space>
      }
      extra={<Tag data-testid={`vol-kind-${id}`}>{t(`dock.kinds.${v.kind}`)}</Tag>}
      style={{ height: '100%' }}
    >
      <Typography.Paragraph
        style={{ ...monoStyle, fontSize: 12, marginBottom: 8 }}
        ellipsis={{ tooltip: v.path }}
      >
        {v.path}
      </Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'device',
            label: t('dock.device'),
            children: (
              <ShownOrPicked
                testId={`device-${id}`}
                shown={v.deviceSerial && (knownDevice ? deviceLabel(knownDevice) : unknown(v.deviceSerial))}
                placeholder={t('dock.pickDevice')}
                value={deviceSerial}
                onChange={pickDevice}
                options={regs.devices.map((d) => ({ value: d.serial, label: deviceLabel(d) }))}
              />
            ),
          },
          {
            key: 'officer',
            label: t('dock.officer'),
            children: (
              <ShownOrPicked
                testId={`officer-${id}`}
                shown={v.officerCode && (knownOfficer ? officerLabel(knownOfficer) : unknown(v.officerCode))}
                placeholder={t('dock.pickOfficer')}
                value={officerCode}
                onChange={setOfficerCode}
                options={regs.officers
                  .filter((o) => o.active)
                  .map((o) => ({ value: o.code, label: officerLabel(o) }))}
              />
            ),
          },
        ]}
      />
      {!recognised && (
        <Alert type="info" showIcon title={t('dock.notRecognised')} style={{ margin: '8px 0' }} />
      )}
      {start.error && <ErrorAlert error={start.error} />}
      <Space wrap style={{ marginTop: 8 }}>
        <Tooltip title={dock ? t('dock.againTip') : undefined}>
          <Button
            type="primary"
            icon={<CloudDownloadOutlined />}
            disabled={running}
            loading={start.isPending}
            onClick={go}
            data-testid={`volume-start-${id}`}
          >
            {dock ? t('dock.again') : t('dock.start')}
          </Button>
        </Tooltip>
        {dock && (
          <Space size={4}>
            <Tag>{t('dock.linkedDock', { id: dock.id })}</Tag>
            <DockStateTag dockId={dock.id} state={dock.state} />
          </Space>
        )}
      </Space>
    </Card>
  );
});

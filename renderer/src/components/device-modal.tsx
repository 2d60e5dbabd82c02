/**
 * Add or edit a recording device: serial, model, assigned officer, and the per-device
 * "clear camera after ingest" switch (off by default; only verified, committed files are
 * deleted, each deletion logged).
 */
import { App, Alert, Form, Input, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../../../native/api/types';
import { useOpMutation } from '../api/hooks';
import { ErrorAlert, applyFieldError } from './error-alert';
import { useRegistries } from './use-registries';
import { SearchSelect } from './search-select';

interface Values {
  serial: string;
  model?: string;
  officerId?: number | null;
  clearAfterIngest: boolean;
}

interface Props {
  open: boolean;
  /** The device to edit; undefined adds a new one. */
  device?: DeviceView;
  onClose: () => void;
}

/** Modal form over devices.save (an upsert by serial, logged by the engine). */
export function DeviceModal({ open, device, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const regs = useRegistries();
  const [form] = Form.useForm<Values>();
  const save = useOpMutation('devices.save', ['devices.list', 'custody.list']);
  const clearing = Form.useWatch('clearAfterIngest', form);
  const close = () => {
    save.reset();
    onClose();
  };
  const submit = (v: Values) =>
    save.mutate(
      {
        serial: v.serial.trim(),
        model: v.model?.trim() ?? '',
        officerId: v.officerId ?? null,
        clearAfterIngest: v.clearAfterIngest,
      },
      {
        onSuccess: (d) => {
          void message.success(t('devices.saved', { serial: d.serial }));
          close();
        },
        onError: (err) => applyFieldError(form, t, err),
      },
    );

  return (
    <Modal
      open={open}
      title={device ? t('devices.edit', { serial: device.serial }) : t('devices.add')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'device-submit' }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={device ?? { clearAfterIngest: false }}
        preserve={false}
      >
        <Form.Item
          name="serial"
          label={t('devices.serial')}
          extra={t('devices.serialRule')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { field: t('devices.serial') }),
            },
            { min: 2, max: 40, message: t('devices.serialRule') },
          ]}
        >
          <Input disabled={!!device} autoComplete="off" data-testid="device-serial" />
        </Form.Item>
        <Form.Item name="model" label={t('devices.model')} rules={[{ max: 60 }]}>
          <Input data-testid="device-model" />
        </Form.Item>
        <Form.Item name="officerId" label={t('devices.officer')}>
          <SearchSelect options={regs.officerOptions} data-testid="device-officer" />
        </Form.Item>
        <Form.Item name="clearAfterIngest" label={t('devices.clear')} valuePropName="checked">
          <Switch data-testid="device-clear" />
        </Form.Item>
        <Alert
          type={clearing ? 'warning' : 'info'}
          showIcon
          title={t('devices.clearWarning')}
          style={{ marginBottom: 12 }}
          data-testid="device-clear-warning"
        />
        {save.error && <ErrorAlert error={save.error} testId="device-error" />}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

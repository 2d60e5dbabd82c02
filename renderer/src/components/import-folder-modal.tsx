/**
 * "导入文件夹…": the clerk types a folder path on this workstation (browser mode has no native
 * folder picker) and ingest.start docks it like a camera.
 */
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOpMutation } from '../api/hooks';
import { ErrorAlert, applyFieldError } from './error-alert';

interface Props {
  open: boolean;
  onClose: () => void;
  onStarted: (dockId: number) => void;
}

/** Modal with one path field; closes when the dock has started. */
export function ImportFolderModal({ open, onClose, onStarted }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ path: string }>();
  const start = useOpMutation('ingest.start', ['ingest.docks', 'volumes.list']);
  const close = () => {
    start.reset();
    onClose();
  };
  const submit = ({ path }: { path: string }) =>
    start.mutate(
      { path: path.trim() },
      {
        onSuccess: (r) => {
          void message.success(t('dock.started', { id: r.dockId }));
          form.resetFields();
          onStarted(r.dockId);
          close();
        },
        onError: (err) => applyFieldError(form, t, err),
      },
    );

  return (
    <Modal
      open={open}
      title={t('dock.importTitle')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('dock.importSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={start.isPending}
      okButtonProps={{ 'data-testid': 'import-folder-submit' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="path"
          label={t('dock.importPath')}
          extra={t('dock.importPathExtra')}
          rules={[{ required: true, whitespace: true, message: t('dock.pathRequired') }]}
        >
          <Input autoFocus autoComplete="off" data-testid="import-folder-path" spellCheck={false} />
        </Form.Item>
        {start.error && <ErrorAlert error={start.error} testId="import-folder-error" />}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

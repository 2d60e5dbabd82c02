/** Lets the signed-in user change their own password (auth.changePassword). */
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOpMutation } from '../api/hooks';
import { ErrorAlert } from './error-alert';
import { PasswordFields } from './password-fields';

interface Values {
  oldPassword: string;
  newPassword: string;
}

/** Modal form: current password, new password + confirmation. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useOpMutation('auth.changePassword');

  const close = () => {
    form.resetFields();
    change.reset();
    onClose();
  };
  const submit = (v: Values) =>
    change.mutate(
      { oldPassword: v.oldPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.changed'));
          close();
        },
      },
    );

  return (
    <Modal
      open={open}
      title={t('password.title')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="change-password-form">
        <Form.Item
          name="oldPassword"
          label={t('password.old')}
          rules={[{ required: true, message: t('validation.required', { field: t('password.old') }) }]}
        >
          <Input.Password autoComplete="current-password" data-testid="change-password-old" />
        </Form.Item>
        <PasswordFields
          name="newPassword"
          label={t('password.new')}
          confirmLabel={t('password.confirm')}
          testId="change-password-new"
        />
        {change.error && <ErrorAlert error={change.error} />}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

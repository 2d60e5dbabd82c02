/** Per-user dialogs of the admin table: change role, reset password. */
import { App, Form, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role, UserInfo } from '../../../native/api/types';
import { useOpMutation } from '../api/hooks';
import { ErrorAlert } from './error-alert';
import { PasswordFields } from './password-fields';
import { roleKeys } from './roles';

interface Props {
  user: UserInfo | null;
  onClose: () => void;
}

/** Modal that sets a user's role through users.update. */
export function ChangeRoleModal({ user, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ role: Role }>();
  const update = useOpMutation('users.update', ['users.list', 'custody.list']);
  const close = () => {
    update.reset();
    onClose();
  };
  return (
    <Modal
      open={!!user}
      title={user && t('users.changeRoleTitle', { name: user.name })}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      okButtonProps={{ 'data-testid': 'change-role-submit' }}
      destroyOnHidden
    >
      {user && (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ role: user.role }}
          onFinish={(v) =>
            update.mutate(
              { id: user.id, role: v.role },
              {
                onSuccess: () => {
                  void message.success(t('users.saved'));
                  close();
                },
              },
            )
          }
        >
          <Form.Item
            name="role"
            label={t('fields.role')}
            rules={[{ required: true, message: t('validation.roleRequired') }]}
          >
            <Select
              data-testid="change-role-select"
              options={roleKeys.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            />
          </Form.Item>
          {update.error && <ErrorAlert error={update.error} />}
        </Form>
      )}
    </Modal>
  );
}

/** Modal that sets a new password through users.resetPassword. */
export function ResetPasswordModal({ user, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useOpMutation('users.resetPassword', ['users.list', 'custody.list']);
  const close = () => {
    reset.reset();
    onClose();
  };
  return (
    <Modal
      open={!!user}
      title={user && t('users.resetTitle', { name: user.name })}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      okButtonProps={{ 'data-testid': 'reset-password-submit' }}
      destroyOnHidden
    >
      {user && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            reset.mutate(
              { id: user.id, password: v.password },
              {
                onSuccess: () => {
                  void message.success(t('users.saved'));
                  close();
                },
              },
            )
          }
        >
          <Typography.Paragraph type="secondary">{t('users.resetNote')}</Typography.Paragraph>
          <PasswordFields
            name="password"
            label={t('password.new')}
            confirmLabel={t('password.confirm')}
            testId="reset"
          />
          {reset.error && <ErrorAlert error={reset.error} />}
          <button type="submit" hidden />
        </Form>
      )}
    </Modal>
  );
}

/** Modal form for users.add: login, name, role (Chinese labels), initial password + confirm. */
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../native/api/types';
import { useOpMutation } from '../api/hooks';
import { ErrorAlert, applyFieldError } from './error-alert';
import { PasswordFields } from './password-fields';
import { roleKeys } from './roles';

interface Values {
  login: string;
  name: string;
  role: Role;
  password: string;
}

/** Add-user dialog; closes and refreshes the user list on success. */
export function AddUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useOpMutation('users.add', ['users.list', 'custody.list']);

  const close = () => {
    add.reset();
    onClose();
  };
  const submit = (v: Values) =>
    add.mutate(
      { login: v.login.trim(), name: v.name.trim(), role: v.role, password: v.password },
      {
        onSuccess: (u) => {
          void message.success(t('users.added', { name: u.name }));
          form.resetFields();
          close();
        },
        onError: (err) => applyFieldError(form, t, err),
      },
    );
  const f = (k: string) => t(`fields.${k}`);

  return (
    <Modal
      open={open}
      title={t('users.add')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      okButtonProps={{ 'data-testid': 'add-user-submit' }}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="add-user-form">
        <Form.Item
          name="login"
          label={f('login')}
          extra={t('setup.loginExtra')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required', { field: f('login') }) },
            { pattern: /^[A-Za-z0-9._-]{2,32}$/, message: t('validation.login') },
          ]}
        >
          <Input autoComplete="off" data-testid="add-user-login" autoFocus />
        </Form.Item>
        <Form.Item
          name="name"
          label={f('name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required', { field: f('name') }) },
            { max: 64, message: t('validation.tooLong', { field: f('name'), max: 64 }) },
          ]}
        >
          <Input data-testid="add-user-name" />
        </Form.Item>
        <Form.Item
          name="role"
          label={f('role')}
          rules={[{ required: true, message: t('validation.roleRequired') }]}
        >
          <Select
            data-testid="add-user-role"
            options={roleKeys.map((r) => ({
              value: r,
              label: <span data-testid={`role-option-${r}`}>{t(`roles.${r}`)}</span>,
            }))}
          />
        </Form.Item>
        <PasswordFields
          name="password"
          label={t('users.initialPassword')}
          confirmLabel={t('setup.confirmPassword')}
          testId="add-user"
        />
        {add.error && <ErrorAlert error={add.error} testId="add-user-error" />}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

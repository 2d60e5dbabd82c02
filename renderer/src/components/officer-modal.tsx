/** Add or edit an officer (执法人员): 警号, 姓名, 单位, 执法证号 and an optional linked login. */
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfficerView } from '../../../native/api/types';
import { useOp, useOpMutation } from '../api/hooks';
import { ErrorAlert, applyFieldError } from './error-alert';
import { SearchSelect } from './search-select';

interface Values {
  code: string;
  name: string;
  unit?: string;
  certNo?: string;
  userId?: number | null;
}

interface Props {
  open: boolean;
  /** The officer to edit; undefined adds a new one. */
  officer?: OfficerView;
  onClose: () => void;
}

/** Modal form over officers.save (an upsert by 警号, logged by the engine). */
export function OfficerModal({ open, officer, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const users = useOp('users.list', {}, { enabled: open });
  const save = useOpMutation('officers.save', ['officers.list', 'custody.list']);
  const close = () => {
    save.reset();
    onClose();
  };
  const submit = (v: Values) =>
    save.mutate(
      {
        code: v.code.trim(),
        name: v.name.trim(),
        unit: v.unit?.trim() ?? '',
        certNo: v.certNo?.trim() ?? '',
        userId: v.userId ?? null,
      },
      {
        onSuccess: (o) => {
          void message.success(t('officers.saved', { name: o.name }));
          close();
        },
        onError: (err) => applyFieldError(form, t, err),
      },
    );
  const req = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('validation.required', { field }),
  });

  return (
    <Modal
      open={open}
      title={officer ? t('officers.edit', { code: officer.code }) : t('officers.add')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'officer-submit' }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={officer ?? {}}
        preserve={false}
      >
        <Form.Item
          name="code"
          label={t('officers.code')}
          extra={t('officers.codeRule')}
          rules={[
            req(t('officers.code')),
            { pattern: /^[0-9A-Za-z-]{2,20}$/, message: t('officers.codeRule') },
          ]}
        >
          <Input disabled={!!officer} autoComplete="off" data-testid="officer-code" />
        </Form.Item>
        <Form.Item name="name" label={t('officers.name')} rules={[req(t('officers.name')), { max: 64 }]}>
          <Input data-testid="officer-name" />
        </Form.Item>
        <Form.Item name="unit" label={t('officers.unit')} rules={[{ max: 100 }]}>
          <Input data-testid="officer-unit" />
        </Form.Item>
        <Form.Item name="certNo" label={t('officers.certNo')} rules={[{ max: 40 }]}>
          <Input data-testid="officer-cert" />
        </Form.Item>
        <Form.Item name="userId" label={t('officers.login')}>
          <SearchSelect
            placeholder={t('officers.noLogin')}
            loading={users.isLoading}
            options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.login}（${u.name}）` }))}
            data-testid="officer-login"
          />
        </Form.Item>
        {save.error && <ErrorAlert error={save.error} testId="officer-error" />}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

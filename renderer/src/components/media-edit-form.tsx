/**
 * Sets an item's officer, device, category and title through media.update — never its
 * content. The engine logs every change (old and new value) in the custody log.
 */
import { useEffect } from 'react';
import { App, Button, Form, Input, Select, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MediaItemView } from '../../../native/api/types';
import { useOpMutation } from '../api/hooks';
import { categoryKeys, isCategoryKey } from './categories';
import { ErrorAlert, applyFieldError } from './error-alert';
import type { Registries } from './use-registries';
import { SearchSelect } from './search-select';

interface Values {
  officerId: number | null;
  deviceId: number | null;
  category: string;
  title: string;
}

const valuesOf = (m: MediaItemView): Values => ({
  officerId: m.officerId,
  deviceId: m.deviceId,
  category: m.category,
  title: m.title,
});

/** Edit form for `item`; `readOnly` shows the values without a save button. */
export function MediaEditForm({
  item,
  regs,
  readOnly,
}: {
  item: MediaItemView;
  regs: Registries;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useOpMutation('media.update', ['media.list', 'media.get', 'custody.list']);

  // A saved change comes back as a new item; show what the engine stored.
  useEffect(() => form.setFieldsValue(valuesOf(item)), [form, item]);

  const categories = [
    ...categoryKeys.map((k) => ({ value: k as string, label: t(`categories.${k}`) })),
    ...(isCategoryKey(item.category) ? [] : [{ value: item.category, label: item.category }]),
  ];
  const submit = (v: Values) =>
    update.mutate(
      {
        id: item.id,
        officerId: v.officerId ?? null,
        deviceId: v.deviceId ?? null,
        category: v.category,
        title: (v.title ?? '').trim(),
      },
      {
        onSuccess: () => void message.success(t('media.saved')),
        onError: (err) => applyFieldError(form, t, err),
      },
    );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={valuesOf(item)}
      onFinish={submit}
      disabled={readOnly}
      data-testid="media-edit-form"
    >
      <Form.Item name="officerId" label={t('media.officer')}>
        <SearchSelect options={regs.officerOptions} data-testid="media-edit-officer" />
      </Form.Item>
      <Form.Item name="deviceId" label={t('media.device')}>
        <SearchSelect options={regs.deviceOptions} data-testid="media-edit-device" />
      </Form.Item>
      <Form.Item name="category" label={t('media.category')} rules={[{ required: true }]}>
        <Select options={categories} data-testid="media-edit-category" />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('media.title')}
        rules={[{ max: 200, message: t('validation.tooLong', { field: t('media.title'), max: 200 }) }]}
      >
        <Input placeholder={t('media.titlePlaceholder')} data-testid="media-edit-title" />
      </Form.Item>
      {update.error && <ErrorAlert error={update.error} testId="media-edit-error" />}
      {!readOnly && (
        <Button
          type="primary"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={update.isPending}
          data-testid="media-edit-save"
        >
          {t('media.save')}
        </Button>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
        {readOnly ? t('media.readOnly') : t('media.editNote')}
      </Typography.Paragraph>
    </Form>
  );
}

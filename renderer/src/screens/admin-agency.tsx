/** Admin → Agency: the 执法主体 record set at first run; editable with settings.manage (agency.update). */
import { useEffect } from 'react';
import { App, Button, Descriptions, Flex, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AgencyInfo } from '../../../native/api/types';
import { useOp, useOpMutation } from '../api/hooks';
import { AgencyFields } from '../components/agency-fields';
import { ErrorAlert, applyFieldError } from '../components/error-alert';
import { useSession } from '../state/session';

/** The agency tab of the admin screen. */
export function AdminAgency() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const status = useOp('system.status', {});
  const update = useOpMutation('agency.update', ['system.status', 'custody.list']);
  const [form] = Form.useForm<AgencyInfo>();
  const agency = status.data?.agency;

  useEffect(() => {
    if (agency) form.setFieldsValue(agency);
  }, [agency, form]);

  if (!can('settings.manage')) {
    return agency ? (
      <Descriptions
        column={1}
        bordered
        size="small"
        items={(['name', 'creditCode', 'address', 'supervisionPhone'] as const).map((k) => ({
          key: k,
          label: t(`fields.agency.${k}`),
          children: agency[k],
        }))}
      />
    ) : null;
  }
  return (
    <Form<AgencyInfo>
      form={form}
      layout="vertical"
      style={{ maxWidth: 640 }}
      data-testid="agency-form"
      onFinish={(v) =>
        update.mutate(
          { ...v, creditCode: v.creditCode.trim().toUpperCase() },
          {
            onSuccess: () => void message.success(t('agency.saved')),
            onError: (err) => applyFieldError(form, t, err),
          },
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('agency.note')}</Typography.Paragraph>
      <AgencyFields testIdPrefix="admin" />
      {update.error && <ErrorAlert error={update.error} testId="agency-error" />}
      <Flex justify="end" style={{ marginTop: 12 }}>
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="agency-save">
          {t('agency.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/**
 * First-run wizard: agency (执法主体) → first administrator → confirm → system.init.
 * Fields are checked in the form with the engine's own rules before anything is sent.
 */
import { useEffect, useState } from 'react';
import { App, Button, Descriptions, Flex, Form, Input, Steps, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AgencyInfo } from '../../../native/api/types';
import { useOpMutation } from '../api/hooks';
import { AgencyFields } from '../components/agency-fields';
import { AuthCard } from '../components/auth-card';
import { ErrorAlert, applyFieldError } from '../components/error-alert';
import { PasswordFields } from '../components/password-fields';

const LOGIN = /^[A-Za-z0-9._-]{2,32}$/;

interface AdminValues {
  login: string;
  name: string;
  password: string;
  passwordConfirm?: string;
}

/** The setup wizard; `onDone(login)` runs after a successful system.init. */
export function SetupScreen({ onDone }: { onDone: (adminLogin: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [step, setStep] = useState(0);
  const [agency, setAgency] = useState<AgencyInfo | null>(null);
  const [admin, setAdmin] = useState<AdminValues | null>(null);
  const [agencyForm] = Form.useForm<AgencyInfo>();
  const [adminForm] = Form.useForm<AdminValues>();
  const init = useOpMutation('system.init');

  const req = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('validation.required', { field }),
  });
  const max = (field: string, n: number) => ({ max: n, message: t('validation.tooLong', { field, max: n }) });
  const f = (k: string) => t(`fields.${k}`);

  const submit = () => {
    if (!agency || !admin) return;
    init.mutate(
      { agency, admin: { login: admin.login, name: admin.name, password: admin.password } },
      {
        onSuccess: async () => {
          void message.success(t('setup.done'));
          onDone(admin.login);
          await qc.invalidateQueries({ queryKey: ['system.status'] });
        },
        onError: (err) => {
          // Send the user back to the step holding the field the engine refused.
          if (err.info.field?.startsWith('agency.')) setStep(0);
          else if (err.info.field?.startsWith('admin.')) setStep(1);
        },
      },
    );
  };

  const agencyStep = (
    <Form<AgencyInfo>
      form={agencyForm}
      layout="vertical"
      initialValues={agency ?? undefined}
      onFinish={(v) => {
        init.reset();
        setAgency({ ...v, creditCode: v.creditCode.trim().toUpperCase() });
        setStep(1);
      }}
      data-testid="setup-agency-form"
    >
      <AgencyFields testIdPrefix="setup" autoFocus />
      <Flex justify="end">
        <Button type="primary" htmlType="submit" data-testid="setup-next-agency">
          {t('setup.next')}
        </Button>
      </Flex>
    </Form>
  );

  const adminStep = (
    <Form<AdminValues>
      form={adminForm}
      layout="vertical"
      initialValues={admin ?? undefined}
      onFinish={(v) => {
        init.reset();
        setAdmin({
          login: v.login.trim(),
          name: v.name.trim(),
          password: v.password,
          passwordConfirm: v.passwordConfirm,
        });
        setStep(2);
      }}
      data-testid="setup-admin-form"
    >
      <Form.Item
        name="login"
        label={f('login')}
        extra={t('setup.loginExtra')}
        rules={[req(f('login')), { pattern: LOGIN, message: t('validation.login') }]}
      >
        <Input autoComplete="username" data-testid="setup-admin-login" autoFocus />
      </Form.Item>
      <Form.Item name="name" label={f('name')} rules={[req(f('name')), max(f('name'), 64)]}>
        <Input data-testid="setup-admin-name" />
      </Form.Item>
      <PasswordFields
        name="password"
        label={f('password')}
        confirmLabel={t('setup.confirmPassword')}
        extra={t('setup.passwordExtra')}
        testId="setup-admin"
      />
      <Flex justify="space-between">
        <Button onClick={() => setStep(0)} data-testid="setup-prev-admin">
          {t('setup.prev')}
        </Button>
        <Button type="primary" htmlType="submit" data-testid="setup-next-admin">
          {t('setup.next')}
        </Button>
      </Flex>
    </Form>
  );

  const confirmStep = agency && admin && (
    <Form onFinish={submit} data-testid="setup-confirm-form">
      <Typography.Title level={5}>{t('setup.confirmTitle')}</Typography.Title>
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'n', label: f('agency.name'), children: agency.name },
          { key: 'c', label: f('agency.creditCode'), children: <code>{agency.creditCode}</code> },
          { key: 'a', label: f('agency.address'), children: agency.address },
          { key: 'p', label: f('agency.supervisionPhone'), children: agency.supervisionPhone },
          { key: 'l', label: f('admin.login'), children: admin.login },
          { key: 'm', label: f('admin.name'), children: admin.name },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('setup.confirmNote')}
      </Typography.Paragraph>
      {init.error && <ErrorAlert error={init.error} testId="setup-error" />}
      <Flex justify="space-between" style={{ marginTop: 16 }}>
        <Button onClick={() => setStep(1)} data-testid="setup-prev-confirm">
          {t('setup.prev')}
        </Button>
        <Button
          type="primary"
          htmlType="submit"
          loading={init.isPending}
          data-testid="setup-submit"
          autoFocus
        >
          {t('setup.submit')}
        </Button>
      </Flex>
    </Form>
  );

  // Re-mark the refused field once its step's form is on screen again.
  useEffect(() => {
    if (!init.error) return;
    if (step === 0) applyFieldError(agencyForm, t, init.error, 'agency.');
    if (step === 1) applyFieldError(adminForm, t, init.error, 'admin.');
  }, [step, init.error, agencyForm, adminForm, t]);

  return (
    <AuthCard title={t('setup.title')} width={640}>
      <Typography.Paragraph>{t('setup.subtitle')}</Typography.Paragraph>
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('setup.stepAgency') },
          { title: t('setup.stepAdmin') },
          { title: t('setup.stepConfirm') },
        ]}
      />
      {step === 0 && (
        <div>
          {init.error && <ErrorAlert error={init.error} testId="setup-error" />}
          {agencyStep}
        </div>
      )}
      {step === 1 && (
        <div>
          {init.error && <ErrorAlert error={init.error} testId="setup-error" />}
          {adminStep}
        </div>
      )}
      {step === 2 && confirmStep}
    </AuthCard>
  );
}

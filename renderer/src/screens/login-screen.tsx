/**
 * Sign-in with login and password. Wrong password, locked and disabled accounts are answered
 * with their own plain sentences (from the catalog) plus the engine's hint.
 */
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useOpMutation } from '../api/hooks';
import { AuthCard } from '../components/auth-card';
import { ErrorAlert } from '../components/error-alert';
import { useSession } from '../state/session';

interface Values {
  login: string;
  password: string;
}

/** The login form; `notice` is shown above it (e.g. "setup complete"). */
export function LoginScreen({ initialLogin, notice }: { initialLogin?: string; notice?: string }) {
  const { t } = useTranslation();
  const { signedIn, expired } = useSession();
  const login = useOpMutation('auth.login');
  const [form] = Form.useForm<Values>();

  const onFinish = (v: Values) =>
    login.mutate(
      { login: v.login.trim(), password: v.password },
      {
        onSuccess: (info) => signedIn(info),
        onError: () => form.setFieldValue('password', ''),
      },
    );

  return (
    <AuthCard title={t('login.title')} width={400}>
      {notice && (
        <Alert
          type="success"
          showIcon
          title={notice}
          style={{ marginBottom: 16 }}
          data-testid="login-notice"
        />
      )}
      {expired && !notice && (
        <Alert
          type="warning"
          showIcon
          title={t('login.expired')}
          style={{ marginBottom: 16 }}
          data-testid="login-expired"
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ login: initialLogin ?? '' }}
        data-testid="login-form"
        requiredMark={false}
      >
        <Form.Item
          name="login"
          label={t('fields.login')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { field: t('fields.login') }),
            },
          ]}
        >
          <Input
            prefix={<UserOutlined />}
            autoComplete="username"
            autoFocus={!initialLogin}
            data-testid="login-login"
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('fields.password')}
          rules={[{ required: true, message: t('validation.required', { field: t('fields.password') }) }]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            autoFocus={!!initialLogin}
            data-testid="login-password"
          />
        </Form.Item>
        {login.error && (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={login.error} testId="login-error" />
          </div>
        )}
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
    </AuthCard>
  );
}

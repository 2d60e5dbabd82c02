/** Centered card used before sign-in (setup, login, start-up problems), with the language switch. */
import type { ReactNode } from 'react';
import { Card, Flex, Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';

/** Page shell for the screens shown before a session exists. */
export function AuthCard({
  title,
  width = 480,
  children,
}: {
  title: ReactNode;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Flex justify="space-between" align="center" style={{ padding: '12px 24px' }}>
        <Typography.Text strong>{t('app.title')}</Typography.Text>
        <LanguageSwitch />
      </Flex>
      <Flex justify="center" style={{ padding: '24px 16px' }}>
        <Card title={title} style={{ width, maxWidth: '100%' }}>
          {children}
        </Card>
      </Flex>
    </Layout>
  );
}

/**
 * Top-level flow: launch token (browser mode) → system.status → setup wizard when not
 * initialised → login → the app frame with the routed screen.
 */
import { useEffect, useState } from 'react';
import { Button, Flex, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { launchTokenMissing } from './api/client';
import { useOp } from './api/hooks';
import { AppFrame } from './components/app-frame';
import { AuthCard } from './components/auth-card';
import { ErrorAlert } from './components/error-alert';
import { LaterRelease } from './components/later-release';
import { isRouteKey, navItems, type RouteKey } from './components/nav-items';
import { useHashRoute } from './components/use-hash-route';
import { AdminScreen } from './screens/admin-screen';
import { CustodyScreen } from './screens/custody-screen';
import { DockScreen } from './screens/dock-screen';
import { LibraryScreen } from './screens/library-screen';
import { LoginScreen } from './screens/login-screen';
import { SetupScreen } from './screens/setup-screen';
import { useSession } from './state/session';

function Loading() {
  const { t } = useTranslation();
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" description={t('app.loading')} />
    </Flex>
  );
}

function Screen({ route }: { route: RouteKey }) {
  if (route === 'dock') return <DockScreen />;
  if (route === 'library') return <LibraryScreen />;
  if (route === 'custody') return <CustodyScreen />;
  if (route === 'admin') return <AdminScreen />;
  return <LaterRelease screen={route} />;
}

/** The whole application below the providers. */
export function AppRoot() {
  const { t } = useTranslation();
  const { session, checking, can } = useSession();
  const [route, go] = useHashRoute();
  const [notice, setNotice] = useState<{ login: string } | null>(null);
  const noToken = launchTokenMissing();
  const status = useOp('system.status', {}, { enabled: !noToken });

  // Land on the first screen the role may use when the address names none (or a forbidden one).
  // The "setup complete" notice belongs to the first sign-in only.
  useEffect(() => {
    if (session) setNotice(null);
  }, [session]);

  const allowed = navItems.filter((n) => can(n.permission)).map((n) => n.key);
  const current: RouteKey | undefined = isRouteKey(route) && allowed.includes(route) ? route : allowed[0];
  useEffect(() => {
    if (session && current && current !== route) go(current);
  }, [session, current, route, go]);

  if (noToken || status.error?.code === 'NO_LAUNCH_TOKEN') {
    return (
      <AuthCard title={t('app.launchTitle')}>
        <div data-testid="launch-token-missing">
          <Result status="warning" title={t('errors.NO_LAUNCH_TOKEN')} subTitle={t('app.launchDesc')} />
        </div>
      </AuthCard>
    );
  }
  if (status.isLoading || checking) return <Loading />;
  if (status.error || !status.data) {
    return (
      <AuthCard title={t('app.statusFailed')}>
        <ErrorAlert error={status.error} testId="status-error" />
        <Button style={{ marginTop: 16 }} onClick={() => void status.refetch()} loading={status.isFetching}>
          {t('common.retry')}
        </Button>
      </AuthCard>
    );
  }
  if (!status.data.initialized) return <SetupScreen onDone={(login) => setNotice({ login })} />;
  if (!session)
    return <LoginScreen initialLogin={notice?.login} notice={notice ? t('setup.done') : undefined} />;
  return (
    <AppFrame route={current ?? 'custody'} onNavigate={go}>
      {current ? <Screen route={current} /> : <Result status="403" title={t('nav.noPermission')} />}
    </AppFrame>
  );
}

/**
 * 管理 Admin: users, the read-only role table, the agency, and the registries docking relies
 * on — officers, devices (readable by everyone here) and watched folders (settings managers).
 */
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../state/session';
import { AdminAgency } from './admin-agency';
import { AdminDevices } from './admin-devices';
import { AdminOfficers } from './admin-officers';
import { AdminRoles } from './admin-roles';
import { AdminUsers } from './admin-users';
import { AdminWatched } from './admin-watched';

/** The admin screen with its tabs. */
export function AdminScreen() {
  const { t } = useTranslation();
  const { can } = useSession();
  const tab = (key: string, label: string, children: React.ReactNode) => ({
    key,
    label: <span data-testid={`admin-tab-${key}`}>{label}</span>,
    children,
  });
  return (
    <Card title={t('admin.title')}>
      <Tabs
        defaultActiveKey="users"
        destroyOnHidden
        items={[
          tab('users', t('admin.tabUsers'), <AdminUsers />),
          tab('roles', t('admin.tabRoles'), <AdminRoles />),
          tab('agency', t('admin.tabAgency'), <AdminAgency />),
          tab('officers', t('admin.tabOfficers'), <AdminOfficers />),
          tab('devices', t('admin.tabDevices'), <AdminDevices />),
          ...(can('settings.manage') ? [tab('watched', t('admin.tabWatched'), <AdminWatched />)] : []),
        ]}
      />
    </Card>
  );
}

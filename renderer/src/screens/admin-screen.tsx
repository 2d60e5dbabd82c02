/** 管理 Admin: users and the read-only role table. */
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { AdminAgency } from './admin-agency';
import { AdminRoles } from './admin-roles';
import { AdminUsers } from './admin-users';

/** The admin screen with its two tabs. */
export function AdminScreen() {
  const { t } = useTranslation();
  return (
    <Card title={t('admin.title')}>
      <Tabs
        defaultActiveKey="users"
        items={[
          {
            key: 'users',
            label: <span data-testid="admin-tab-users">{t('admin.tabUsers')}</span>,
            children: <AdminUsers />,
          },
          {
            key: 'roles',
            label: <span data-testid="admin-tab-roles">{t('admin.tabRoles')}</span>,
            children: <AdminRoles />,
          },
          {
            key: 'agency',
            label: <span data-testid="admin-tab-agency">{t('admin.tabAgency')}</span>,
            children: <AdminAgency />,
          },
        ]}
      />
    </Card>
  );
}

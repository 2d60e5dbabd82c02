/**
 * The signed-in frame: side navigation (items the role cannot use are disabled), and a header
 * with agency name, latest checkpoint short root, user and role, language switch and sign-out.
 */
import { useState, type ReactNode } from 'react';
import { Button, Dropdown, Layout, Menu, Space, Tag, Tooltip, Typography, theme } from 'antd';
import { LogoutOutlined, UserOutlined, KeyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useOp } from '../api/hooks';
import { useSession } from '../state/session';
import { ChangePasswordModal } from './change-password-modal';
import { CheckpointBadge } from './checkpoint-badge';
import { LanguageSwitch } from './language-switch';
import { navItems, type RouteKey } from './nav-items';

interface Props {
  route: RouteKey;
  onNavigate: (route: RouteKey) => void;
  children: ReactNode;
}

/** Layout with sider navigation and header; `children` is the current screen. */
export function AppFrame({ route, onNavigate, children }: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { session, can, logout } = useSession();
  const status = useOp('system.status', {});
  const [collapsed, setCollapsed] = useState(false);
  const [pwOpen, setPwOpen] = useState(false);
  const user = session?.user;

  const items = navItems.map((n) => {
    const allowed = can(n.permission);
    return {
      key: n.key,
      icon: n.icon,
      disabled: !allowed,
      label: allowed ? (
        <span data-testid={`nav-${n.key}`}>{t(`nav.${n.key}`)}</span>
      ) : (
        <Tooltip title={t('nav.noPermission')} placement="right">
          <span data-testid={`nav-${n.key}`} data-disabled="true">
            {t(`nav.${n.key}`)}
          </span>
        </Tooltip>
      ),
    };
  });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        className="no-print"
        width={200}
      >
        <div
          style={{
            color: '#fff',
            padding: '16px 12px',
            fontWeight: 600,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
        >
          {collapsed ? '证' : t('app.title')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[route]}
          items={items}
          onClick={(e) => onNavigate(e.key as RouteKey)}
          data-testid="nav"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          className="no-print"
          style={{
            background: token.colorBgContainer,
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            gap: 16,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }} data-testid="header-agency">
            {status.data?.agency?.name ?? ''}
          </Typography.Text>
          <CheckpointBadge />
          <LanguageSwitch />
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'pw',
                  icon: <KeyOutlined />,
                  label: t('header.changePassword'),
                  onClick: () => setPwOpen(true),
                },
              ],
            }}
          >
            <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
              <Space size={4}>
                <span data-testid="header-user">{user?.name}</span>
                {user && <Tag data-testid="header-role">{t(`roles.${user.role}`)}</Tag>}
              </Space>
            </Button>
          </Dropdown>
          <Button icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout">
            {t('header.logout')}
          </Button>
        </Layout.Header>
        <Layout.Content style={{ margin: 16 }}>{children}</Layout.Content>
      </Layout>
      <ChangePasswordModal open={pwOpen} onClose={() => setPwOpen(false)} />
    </Layout>
  );
}

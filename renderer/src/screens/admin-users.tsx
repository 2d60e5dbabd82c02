/**
 * Admin → Users: every account with role, state and certificate fingerprint; managers can add
 * users, change roles, disable/enable, unlock and reset passwords (each logged by the engine).
 */
import { useState } from 'react';
import { Alert, App, Button, Empty, Flex, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined, UserAddOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { UserInfo } from '../../../native/api/types';
import { useOp, useOpMutation } from '../api/hooks';
import { AddUserModal } from '../components/add-user-modal';
import { ErrorAlert, errorText } from '../components/error-alert';
import { Hex } from '../components/hex';
import { ChangeRoleModal, ResetPasswordModal } from '../components/user-dialogs';
import { useSession } from '../state/session';

/** The users tab of the admin screen. */
export function AdminUsers() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { session, can } = useSession();
  const manage = can('users.manage');
  const users = useOp('users.list', {});
  const update = useOpMutation('users.update', ['users.list', 'custody.list']);
  const unlock = useOpMutation('users.unlock', ['users.list', 'custody.list']);
  const [adding, setAdding] = useState(false);
  const [roleFor, setRoleFor] = useState<UserInfo | null>(null);
  const [resetFor, setResetFor] = useState<UserInfo | null>(null);

  const done = {
    onSuccess: () => void message.success(t('users.saved')),
    onError: (e: unknown) => void message.error(errorText(t, e)),
  };

  const columns: TableColumnsType<UserInfo> = [
    { title: t('fields.login'), dataIndex: 'login', key: 'login' },
    { title: t('fields.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('fields.role'),
      key: 'role',
      render: (_, u) => <Tag color="blue">{t(`roles.${u.role}`)}</Tag>,
    },
    {
      title: t('users.status'),
      key: 'status',
      render: (_, u) => (
        <Space size={4}>
          {u.locked && (
            <Tag color="orange" data-testid={`user-locked-${u.login}`}>
              {t('users.locked')}
            </Tag>
          )}
          {u.disabled && (
            <Tag color="red" data-testid={`user-disabled-${u.login}`}>
              {t('users.disabled')}
            </Tag>
          )}
          {!u.locked && !u.disabled && <Tag color="green">{t('users.active')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('users.cert'),
      key: 'cert',
      render: (_, u) => (
        <Tooltip title={t('users.certSubject', { subject: u.certSubject })}>
          <span>
            <Hex value={u.certFingerprint} short={16} />
          </span>
        </Tooltip>
      ),
    },
    {
      title: t('users.createdAt'),
      key: 'createdAt',
      render: (_, u) => dayjs(u.createdAt).format('YYYY-MM-DD HH:mm'),
    },
  ];

  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      className: 'no-print',
      render: (_, u) => {
        const self = u.id === session?.user.id;
        const selfTip = self ? t('users.self') : undefined;
        return (
          <Space size={0} wrap>
            <Tooltip title={selfTip}>
              <Button
                type="link"
                size="small"
                disabled={self}
                onClick={() => setRoleFor(u)}
                data-testid={`user-role-${u.login}`}
              >
                {t('users.changeRole')}
              </Button>
            </Tooltip>
            <Popconfirm
              title={t(u.disabled ? 'users.confirmEnable' : 'users.confirmDisable', { name: u.name })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              disabled={self}
              onConfirm={() => update.mutate({ id: u.id, disabled: !u.disabled }, done)}
            >
              <Tooltip title={selfTip}>
                <Button
                  type="link"
                  size="small"
                  danger={!u.disabled}
                  disabled={self}
                  data-testid={`user-toggle-${u.login}`}
                >
                  {u.disabled ? t('users.enable') : t('users.disable')}
                </Button>
              </Tooltip>
            </Popconfirm>
            {u.locked && (
              <Popconfirm
                title={t('users.confirmUnlock', { name: u.name })}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() => unlock.mutate({ id: u.id }, done)}
              >
                <Button type="link" size="small" data-testid={`user-unlock-${u.login}`}>
                  {t('users.unlock')}
                </Button>
              </Popconfirm>
            )}
            <Button
              type="link"
              size="small"
              onClick={() => setResetFor(u)}
              data-testid={`user-reset-${u.login}`}
            >
              {t('users.resetPassword')}
            </Button>
          </Space>
        );
      },
    });
  }

  return (
    <>
      {!manage && <Alert type="info" showIcon title={t('users.viewOnly')} style={{ marginBottom: 12 }} />}
      <Flex justify="end" gap={8} style={{ marginBottom: 12 }} className="no-print">
        <Button icon={<ReloadOutlined />} onClick={() => void users.refetch()}>
          {t('common.refresh')}
        </Button>
        {manage && (
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            onClick={() => setAdding(true)}
            data-testid="add-user-button"
          >
            {t('users.add')}
          </Button>
        )}
      </Flex>
      {users.error && <ErrorAlert error={users.error} />}
      <div data-testid="users-table">
        <Table<UserInfo>
          rowKey="id"
          size="middle"
          loading={users.isLoading}
          dataSource={users.data ?? []}
          columns={columns}
          pagination={false}
          locale={{ emptyText: <Empty description={t('users.empty')} /> }}
          onRow={(u) => ({ 'data-testid': `user-row-${u.login}` }) as object}
        />
      </div>
      <AddUserModal open={adding} onClose={() => setAdding(false)} />
      {/* Mounted per user: a form keeps its values between openings, and would show the last user's role. */}
      {roleFor && <ChangeRoleModal key={roleFor.id} user={roleFor} onClose={() => setRoleFor(null)} />}
      <ResetPasswordModal user={resetFor} onClose={() => setResetFor(null)} />
    </>
  );
}

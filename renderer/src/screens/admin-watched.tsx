/**
 * Admin → 监视文件夹: folders whose sub-folders are docked like cameras. Add by path and label,
 * remove (files already ingested stay). Each change is logged by the engine.
 */
import { App, Button, Empty, Form, Input, Popconfirm, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useOp, useOpMutation } from '../api/hooks';
import { ErrorAlert, applyFieldError, errorText } from '../components/error-alert';
import { monoStyle } from '../components/hex';

interface Watched {
  id: number;
  path: string;
  label: string;
}

/** The watched-folders tab of the admin screen. */
export function AdminWatched() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ path: string; label?: string }>();
  const list = useOp('watched.list', {});
  const add = useOpMutation('watched.add', ['watched.list', 'volumes.list', 'custody.list']);
  const remove = useOpMutation('watched.remove', ['watched.list', 'volumes.list', 'custody.list']);

  const columns: TableColumnsType<Watched> = [
    { title: t('watched.label'), dataIndex: 'label', key: 'label', width: 200 },
    {
      title: t('watched.path'),
      key: 'path',
      render: (_, w) => <span style={monoStyle}>{w.path}</span>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, w) => (
        <Popconfirm
          title={t('watched.confirmRemove', { path: w.path })}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            remove.mutate(
              { id: w.id },
              {
                onSuccess: () => void message.success(t('watched.removed')),
                onError: (e) => void message.error(errorText(t, e)),
              },
            )
          }
        >
          <Button type="link" size="small" danger data-testid={`watched-remove-${w.id}`}>
            {t('watched.remove')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('watched.note')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        style={{ marginBottom: 12, rowGap: 8 }}
        onFinish={(v) =>
          add.mutate(
            { path: v.path.trim(), label: v.label?.trim() ?? '' },
            {
              onSuccess: () => {
                void message.success(t('watched.added'));
                form.resetFields();
              },
              onError: (err) => applyFieldError(form, t, err),
            },
          )
        }
      >
        <Form.Item
          name="path"
          rules={[{ required: true, whitespace: true, message: t('dock.pathRequired') }]}
        >
          <Input
            placeholder={t('watched.path')}
            style={{ width: 360 }}
            spellCheck={false}
            data-testid="watched-path"
          />
        </Form.Item>
        <Form.Item name="label" rules={[{ max: 60 }]}>
          <Input placeholder={t('watched.label')} style={{ width: 180 }} data-testid="watched-label" />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            icon={<PlusOutlined />}
            loading={add.isPending}
            data-testid="watched-add"
          >
            {t('watched.add')}
          </Button>
        </Space>
      </Form>
      {add.error && <ErrorAlert error={add.error} testId="watched-error" />}
      {list.error && <ErrorAlert error={list.error} />}
      <Table<Watched>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: <Empty description={t('watched.empty')} /> }}
        onRow={(w) => ({ 'data-testid': `watched-row-${w.id}` }) as object}
      />
    </>
  );
}

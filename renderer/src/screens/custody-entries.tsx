/**
 * The custody log table: server-side paging, filters by actor, action and date range, and a
 * drawer with the full entry and its inclusion proof when a row is opened.
 */
import { useState } from 'react';
import { Button, DatePicker, Empty, Flex, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CustodyEntryView } from '../../../native/api/types';
import { useOp } from '../api/hooks';
import { CustodyEntryDrawer } from '../components/custody-entry-drawer';
import { ErrorAlert } from '../components/error-alert';

type Range = [Dayjs | null, Dayjs | null] | null;

/** The entries tab of the custody screen. */
export function CustodyEntries() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [actor, setActor] = useState<string | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const [range, setRange] = useState<Range>(null);
  const [openSeq, setOpenSeq] = useState<number | null>(null);

  const from = range?.[0]?.startOf('day').toISOString();
  const to = range?.[1]?.endOf('day').toISOString();
  const list = useOp(
    'custody.list',
    { page, pageSize, actor, action, from, to },
    { placeholderData: keepPreviousData },
  );
  const data = list.data;
  const filtered = actor !== undefined || action !== undefined || range !== null;

  const columns: TableColumnsType<CustodyEntryView> = [
    { title: t('custody.seq'), dataIndex: 'seq', key: 'seq', width: 90 },
    {
      title: t('custody.time'),
      key: 'time',
      width: 180,
      render: (_, e) => <span title={e.time}>{dayjs(e.time).format('YYYY-MM-DD HH:mm:ss')}</span>,
    },
    { title: t('custody.actor'), dataIndex: 'actor', key: 'actor', width: 140 },
    { title: t('custody.action'), key: 'action', render: (_, e) => <code>{e.action}</code> },
    {
      title: t('custody.subjects'),
      key: 'subjects',
      render: (_, e) => (
        <>
          {e.subjects.slice(0, 3).map((s) => (
            <Tag key={s}>{s.length > 40 ? `${s.slice(0, 40)}…` : s}</Tag>
          ))}
          {e.subjects.length > 3 && (
            <Tooltip title={e.subjects.slice(3).join('\n')}>
              <Tag>+{e.subjects.length - 3}</Tag>
            </Tooltip>
          )}
        </>
      ),
    },
    {
      title: t('common.actions'),
      key: 'open',
      width: 90,
      className: 'no-print',
      render: (_, e) => (
        <Button
          type="link"
          size="small"
          onClick={(ev) => {
            ev.stopPropagation();
            setOpenSeq(e.seq);
          }}
          data-testid={`custody-open-${e.seq}`}
        >
          {t('common.details')}
        </Button>
      ),
    },
  ];

  const resetPage =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} className="no-print">
        <Select
          allowClear
          showSearch
          placeholder={t('custody.filterActor')}
          value={actor}
          onChange={resetPage(setActor)}
          options={(data?.actors ?? []).map((a) => ({ value: a, label: a }))}
          style={{ minWidth: 160 }}
          data-testid="custody-filter-actor"
        />
        <Select
          allowClear
          showSearch
          placeholder={t('custody.filterAction')}
          value={action}
          onChange={resetPage(setAction)}
          options={(data?.actions ?? []).map((a) => ({ value: a, label: a }))}
          style={{ minWidth: 200 }}
          data-testid="custody-filter-action"
        />
        <DatePicker.RangePicker
          value={range}
          onChange={resetPage(setRange)}
          placeholder={[t('custody.startDate'), t('custody.endDate')]}
          allowEmpty={[true, true]}
          data-testid="custody-filter-date"
        />
        <Button
          disabled={!filtered}
          onClick={() => {
            setActor(undefined);
            setAction(undefined);
            setRange(null);
            setPage(1);
          }}
          data-testid="custody-clear-filters"
        >
          {t('custody.clearFilters')}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} data-testid="custody-refresh">
          {t('common.refresh')}
        </Button>
      </Flex>
      {list.error && <ErrorAlert error={list.error} />}
      <div data-testid="custody-table">
        <Table<CustodyEntryView>
          rowKey="seq"
          size="small"
          loading={list.isFetching && !data}
          dataSource={data?.entries ?? []}
          columns={columns}
          onRow={(e) =>
            ({
              onClick: () => setOpenSeq(e.seq),
              style: { cursor: 'pointer' },
              'data-testid': `custody-row-${e.seq}`,
            }) as React.HTMLAttributes<HTMLElement>
          }
          locale={{ emptyText: <Empty description={t('custody.empty')} /> }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => (
              <Typography.Text data-testid="custody-total">{t('custody.total', { total })}</Typography.Text>
            ),
            onChange: (p, size) => {
              setPage(size !== pageSize ? 1 : p);
              setPageSize(size);
            },
          }}
        />
      </div>
      <CustodyEntryDrawer seq={openSeq} onClose={() => setOpenSeq(null)} />
    </>
  );
}

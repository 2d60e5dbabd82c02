/**
 * 媒体库 Library: every stored item, filtered and paged by the engine, as a table or a grid of
 * thumbnails; opening an item shows the player, its facts and the edit form in a drawer.
 */
import { useState } from 'react';
import { Card, Segmented } from 'antd';
import { AppstoreOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PaginationProps } from 'antd';
import { useOp } from '../api/hooks';
import { ErrorAlert } from '../components/error-alert';
import { LibraryFilters, isFiltered, type LibraryFilter } from '../components/library-filters';
import { MediaDetailDrawer } from '../components/media-detail-drawer';
import { MediaGrid } from '../components/media-grid';
import { MediaTable } from '../components/media-table';
import { useRegistries } from '../components/use-registries';

type View = 'list' | 'grid';
const VIEW_KEY = 'workstation.libraryView';

function storedView(): View {
  return localStorage.getItem(VIEW_KEY) === 'list' ? 'list' : 'grid';
}

/** The Library screen. */
export function LibraryScreen() {
  const { t } = useTranslation();
  const regs = useRegistries();
  const [view, setView] = useState<View>(storedView);
  const [filter, setFilter] = useState<LibraryFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(48);
  const [openId, setOpenId] = useState<number | null>(null);

  const { range, ...flags } = filter;
  const list = useOp(
    'media.list',
    {
      page,
      pageSize,
      ...flags,
      from: range?.[0]?.startOf('day').toISOString(),
      to: range?.[1]?.endOf('day').toISOString(),
    },
    {
      placeholderData: keepPreviousData,
      // Thumbnails and proxies are made in the background: look again while any shown item waits.
      refetchInterval: (q) =>
        q.state.data?.items.some((m) => m.processing === 'pending' || m.processing === 'running')
          ? 5000
          : false,
    },
  );
  const data = list.data;

  const pagination: PaginationProps = {
    current: page,
    pageSize,
    total: data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [24, 48, 96, 192],
    showTotal: (total) => <span data-testid="library-total">{t('library.total', { total })}</span>,
    onChange: (p, size) => {
      setPage(size !== pageSize ? 1 : p);
      setPageSize(size);
    },
  };
  const emptyText = isFiltered(filter) ? t('library.emptyFiltered') : t('library.empty');
  const common = {
    items: data?.items ?? [],
    loading: list.isFetching && !data,
    emptyText,
    onOpen: setOpenId,
  };

  return (
    <div data-testid="library-screen">
      <Card
        title={t('library.title')}
        extra={
          <Segmented<View>
            value={view}
            onChange={(v) => {
              setView(v);
              localStorage.setItem(VIEW_KEY, v);
            }}
            options={[
              {
                value: 'list',
                icon: <UnorderedListOutlined />,
                label: <span data-testid="library-view-list">{t('library.viewList')}</span>,
              },
              {
                value: 'grid',
                icon: <AppstoreOutlined />,
                label: <span data-testid="library-view-grid">{t('library.viewGrid')}</span>,
              },
            ]}
          />
        }
      >
        <LibraryFilters
          value={filter}
          onChange={(f) => {
            setFilter(f);
            setPage(1);
          }}
          regs={regs}
          onRefresh={() => void list.refetch()}
        />
        {list.error && <ErrorAlert error={list.error} />}
        <div data-testid={`library-${view}`}>
          {view === 'list' ? (
            <MediaTable {...common} pagination={pagination} />
          ) : (
            <MediaGrid {...common} pagination={pagination} />
          )}
        </div>
      </Card>
      <MediaDetailDrawer id={openId} regs={regs} onClose={() => setOpenId(null)} />
    </div>
  );
}

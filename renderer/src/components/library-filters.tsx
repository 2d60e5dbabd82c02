/**
 * The Library's filter bar: officer, device, recording date range, kind, 重点, 待分类,
 * 无法解码, linked to a case (disabled until the cases release) and free-text search.
 */
import { useState } from 'react';
import { Button, Checkbox, DatePicker, Flex, Input, Select, Tooltip } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MediaItemView } from '../../../native/api/types';
import type { Registries } from './use-registries';
import { SearchSelect } from './search-select';

export interface LibraryFilter {
  officerId?: number;
  deviceId?: number;
  range?: [Dayjs | null, Dayjs | null] | null;
  kind?: MediaItemView['kind'];
  important?: boolean;
  unclassified?: boolean;
  unreadable?: boolean;
  q?: string;
}

interface Props {
  value: LibraryFilter;
  onChange: (next: LibraryFilter) => void;
  regs: Registries;
  onRefresh: () => void;
}

const kinds: MediaItemView['kind'][] = ['video', 'audio', 'photo', 'other'];

/** True when any filter is set. */
export function isFiltered(f: LibraryFilter): boolean {
  return Object.values(f).some((v) => v !== undefined && v !== null && v !== '');
}

/** The filter bar; every change goes to `onChange` as a whole new filter. */
export function LibraryFilters({ value: f, onChange, regs, onRefresh }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(f.q ?? '');
  const set = (patch: Partial<LibraryFilter>) => onChange({ ...f, ...patch });
  const flag = (key: 'important' | 'unclassified' | 'unreadable') => (
    <Checkbox
      checked={f[key] === true}
      onChange={(e) => set({ [key]: e.target.checked ? true : undefined })}
      data-testid={`library-filter-${key}`}
    >
      {t(`library.${key}`)}
    </Checkbox>
  );

  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} className="no-print">
      <Input.Search
        allowClear
        placeholder={t('library.search')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value === '') set({ q: undefined });
        }}
        onSearch={(q) => set({ q: q.trim() || undefined })}
        style={{ width: 260 }}
        data-testid="library-filter-q"
      />
      <SearchSelect
        placeholder={t('library.officer')}
        value={f.officerId}
        onChange={(officerId?: number) => set({ officerId })}
        options={regs.officerOptions}
        style={{ minWidth: 150 }}
        data-testid="library-filter-officer"
      />
      <SearchSelect
        placeholder={t('library.device')}
        value={f.deviceId}
        onChange={(deviceId?: number) => set({ deviceId })}
        options={regs.deviceOptions}
        style={{ minWidth: 150 }}
        data-testid="library-filter-device"
      />
      <DatePicker.RangePicker
        value={f.range ?? null}
        onChange={(range) => set({ range: range ?? undefined })}
        placeholder={[t('library.from'), t('library.to')]}
        allowEmpty={[true, true]}
        data-testid="library-filter-date"
      />
      <Select
        allowClear
        placeholder={t('library.kind')}
        value={f.kind}
        onChange={(kind?: MediaItemView['kind']) => set({ kind })}
        options={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        style={{ minWidth: 100 }}
        data-testid="library-filter-kind"
      />
      {flag('important')}
      {flag('unclassified')}
      {flag('unreadable')}
      <Tooltip title={t('library.linkedLater')}>
        <Checkbox disabled data-testid="library-filter-linked">
          {t('library.linked')}
        </Checkbox>
      </Tooltip>
      <Button
        disabled={!isFiltered(f)}
        onClick={() => {
          setText('');
          onChange({});
        }}
        data-testid="library-filter-clear"
      >
        {t('library.clear')}
      </Button>
      <Button icon={<ReloadOutlined />} onClick={onRefresh} data-testid="library-refresh">
        {t('common.refresh')}
      </Button>
    </Flex>
  );
}

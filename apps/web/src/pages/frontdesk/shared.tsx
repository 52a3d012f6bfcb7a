import type { DeskEntry, Page } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Input, Select, Space, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';

const COLOR: Record<string, string> = {
  有效: 'green',
  待确认: 'gold',
  待取: 'blue',
  待审批: 'gold',
  已批准: 'green',
  借出: 'blue',
  在库: 'green',
  已驳回: 'red',
  已作废: 'red',
  已弃置: 'red',
};

/** A register status in the caller's language, coloured by what it asks of the desk. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[status]}>{t(`frontdesk.status.${status}`, { defaultValue: status })}</Tag>;
}

/** A unit of the current project, found by its label as the desk types it ("3-2-12"). */
export function UnitSelect({
  value,
  onChange,
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
}) {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const [q, setQ] = useState('');
  const units = useQuery({
    queryKey: ['units-pick', projectId, q],
    queryFn: () =>
      api.get<Page<{ id: number; label: string }>>('/api/units', {
        projectId: projectId ?? undefined,
        q: q || undefined,
        pageSize: 30,
      }),
    enabled: projectId !== null,
  });
  return (
    <Select
      showSearch
      allowClear
      value={value ?? undefined}
      placeholder={t('frontdesk.common.unitSearch')}
      filterOption={false}
      onSearch={setQ}
      onChange={(v) => onChange?.(v ?? null)}
      options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.label }))}
      data-testid="unit-select"
    />
  );
}

/** One page of a register's list, filtered as on screen. */
export function useEntries(
  path: string,
  projectId: number | null,
  filters: { q: string; status?: string; page: number },
) {
  return useQuery({
    queryKey: [path, projectId, filters],
    queryFn: () =>
      api.get<Page<DeskEntry>>(path, {
        projectId,
        q: filters.q || undefined,
        status: filters.status,
        page: filters.page,
        pageSize: 20,
      }),
    enabled: Boolean(projectId),
  });
}

export const fmt = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString('zh-CN', {
        hour12: false,
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
    : '—';

/** The slip PDF opens in a new tab (the browser's print dialog prints it). */
export const slipHref = (path: string, id: number) => `${path}/${id}/slip.pdf`;

/** What a register list filters by: search text, status and page (a new filter starts again at page 1). */
export function useRegisterFilters(initialStatus?: string) {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string | undefined>(initialStatus);
  const [page, setPage] = useState(1);
  return {
    q,
    status,
    page,
    setPage,
    search: (v: string) => {
      setQ(v);
      setPage(1);
    },
    pickStatus: (v: string | undefined) => {
      setStatus(v);
      setPage(1);
    },
  };
}

/** Search, status and the Excel export above a register's table; `children` add the register's own. */
export function RegisterFilters({
  path,
  statuses,
  filters,
  children,
}: {
  path: string;
  statuses: readonly string[];
  filters: ReturnType<typeof useRegisterFilters>;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  return (
    <Space style={{ marginBottom: 12 }} wrap>
      <Input.Search
        allowClear
        placeholder={t('frontdesk.common.search')}
        onSearch={filters.search}
        style={{ width: 220 }}
      />
      <Select
        allowClear
        placeholder={t('frontdesk.common.allStatuses')}
        style={{ width: 140 }}
        value={filters.status}
        onChange={filters.pickStatus}
        options={statuses.map((s) => ({ value: s, label: t(`frontdesk.status.${s}`) }))}
      />
      <ExportButton
        path={path}
        query={{ projectId, q: filters.q || undefined, status: filters.status, format: 'xlsx' }}
      />
      {children}
    </Space>
  );
}

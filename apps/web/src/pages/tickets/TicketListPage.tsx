import { DeleteOutlined, PlusOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import type { TicketPriority, TicketStatus, TicketType } from '@guanjia/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Cascader,
  DatePicker,
  Empty,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useStaffNames } from '../../api/hooks';
import { useCategoryOptions } from '../../api/serviceHooks';
import type { Page, TicketSummary } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { displayTimeZone } from '../../format';
import { SERVICE_EVENTS, useLiveRefresh } from '../../live/useLiveRefresh';
import { useServiceVocab } from '../../serviceVocab';
import {
  BUILTIN_FILTERS,
  type Filters,
  filtersOf,
  loadSaved,
  ME,
  type SavedFilter,
  sameFilters,
  storeSaved,
} from './savedFilters';
import { useTicketColumns } from './ticketColumns';

const csv = (v: string | undefined) => (v ? v.split(',').filter(Boolean) : []);

export default function TicketListPage() {
  const { t } = useTranslation();
  const sv = useServiceVocab();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { user, projectId, can } = useAuth();
  const [params, setParams] = useSearchParams();
  const { options: categoryOptions, byId: categoriesById } = useCategoryOptions(
    projectId,
    Boolean(projectId),
  );
  const staff = useStaffNames(can('staff.read'));
  const userId = user?.id ?? 0;
  const [saved, setSaved] = useState<SavedFilter[]>(() => loadSaved(userId));
  useEffect(() => setSaved(loadSaved(userId)), [userId]);

  const filters = filtersOf(params);
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const [search, setSearch] = useState(filters.q ?? '');
  useEffect(() => setSearch(filters.q ?? ''), [filters.q]);

  const update = (
    changes: Filters & { page?: string | null; pageSize?: string | null },
    resetPage = true,
  ) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if (resetPage && !('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const apply = (f: Filters) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(f))
      if (value) next.set(key, value === ME ? String(userId) : value);
    setParams(next, { replace: true });
  };

  const query = {
    projectId: projectId ?? undefined,
    ...filters,
    assigneeId: filters.assigneeId === ME ? String(userId) : filters.assigneeId,
    sort: filters.sort ?? 'newest',
  };
  const queryKey = ['tickets', 'list', query, page, pageSize];
  const poll = useLiveRefresh(SERVICE_EVENTS, [['tickets', 'list']], {
    filter: (m) => !projectId || m.projectId === undefined || m.projectId === projectId,
  });
  const list = useQuery({
    queryKey,
    queryFn: () => api.get<Page<TicketSummary>>('/api/tickets', { ...query, page, pageSize }),
    enabled: Boolean(projectId) || !can('estate.read'),
    placeholderData: keepPreviousData,
    refetchInterval: poll,
  });

  const all = [...BUILTIN_FILTERS, ...saved];
  const active = all.find((f) => sameFilters(f.params, filters, userId));
  const labelOf = (f: SavedFilter) => (f.labelKey ? t(f.labelKey) : (f.name ?? f.key));

  const [naming, setNaming] = useState<string | null>(null);
  const saveCurrent = () => {
    const name = naming?.trim();
    if (!name) return;
    const next = [...saved, { key: `u${Date.now()}`, name, params: filters }];
    setSaved(next);
    storeSaved(userId, next);
    setNaming(null);
    void message.success(t('common.saved'));
  };
  const removeSaved = (key: string) => {
    const next = saved.filter((f) => f.key !== key);
    setSaved(next);
    storeSaved(userId, next);
  };

  const categoryPath = filters.categoryId
    ? categoriesById.get(Number(filters.categoryId))?.pathIds
    : undefined;
  const range: [dayjs.Dayjs, dayjs.Dayjs] | null =
    filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to).subtract(1, 'day')] : null;

  const columns = useTicketColumns(can('tickets.write'));

  const hasFilters = Object.keys(filters).length > 0;

  return (
    <div>
      <PageHeader
        title={t('tickets.title')}
        subTitle={t('tickets.subtitle')}
        extra={
          can('tickets.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/tickets/new')}>
              {t('nav.intake')}
            </Button>
          )
        }
      />
      <Card>
        <Tabs
          activeKey={active?.key ?? '_custom'}
          onChange={(key) => {
            const f = all.find((x) => x.key === key);
            if (f) apply(f.params);
          }}
          data-testid="saved-filters"
          tabBarExtraContent={
            hasFilters && !active ? (
              <Button
                size="small"
                icon={<SaveOutlined />}
                onClick={() => setNaming('')}
                data-testid="save-filter"
              >
                {t('tickets.saved.save')}
              </Button>
            ) : null
          }
          items={[
            ...all.map((f) => ({
              key: f.key,
              label: f.builtin ? (
                labelOf(f)
              ) : (
                <Space size={4}>
                  {labelOf(f)}
                  <Popconfirm
                    title={t('tickets.saved.removeConfirm', { name: labelOf(f) })}
                    onConfirm={(e) => {
                      e?.stopPropagation();
                      removeSaved(f.key);
                    }}
                    okText={t('common.delete')}
                    cancelText={t('common.cancel')}
                  >
                    <DeleteOutlined
                      style={{ fontSize: 11, color: '#8c8c8c', marginInlineStart: 2 }}
                      onClick={(e) => e.stopPropagation()}
                      aria-label={t('common.delete')}
                    />
                  </Popconfirm>
                </Space>
              ),
            })),
            ...(active ? [] : [{ key: '_custom', label: t('tickets.saved.custom') }]),
          ]}
        />
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            style={{ width: 240 }}
            placeholder={t('tickets.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => update({ q: v.trim() })}
            data-testid="ticket-search"
          />
          <Select<TicketStatus[]>
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            style={{ minWidth: 150 }}
            placeholder={t('tickets.fields.status')}
            value={csv(filters.status) as TicketStatus[]}
            onChange={(v) => update({ status: v.join(','), open: undefined })}
            options={sv.statusOptions}
            data-testid="filter-status"
          />
          <Select<string>
            allowClear
            style={{ width: 120 }}
            placeholder={t('tickets.filters.openOrClosed')}
            value={filters.open}
            onChange={(v) => update({ open: v })}
            options={[
              { value: 'true', label: t('tickets.filters.open') },
              { value: 'false', label: t('tickets.filters.finished') },
            ]}
          />
          <Select<TicketType[]>
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            style={{ minWidth: 130 }}
            placeholder={t('tickets.fields.type')}
            value={csv(filters.type) as TicketType[]}
            onChange={(v) => update({ type: v.join(',') })}
            options={sv.typeOptions}
          />
          <Select<TicketPriority[]>
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            style={{ minWidth: 120 }}
            placeholder={t('tickets.fields.priority')}
            value={csv(filters.priority) as TicketPriority[]}
            onChange={(v) => update({ priority: v.join(',') })}
            options={sv.priorityOptions}
          />
          <Cascader
            changeOnSelect
            style={{ width: 200 }}
            placeholder={t('tickets.fields.category')}
            options={categoryOptions}
            value={categoryPath}
            onChange={(v) => {
              const path = v as number[] | undefined;
              update({ categoryId: path?.length ? String(path[path.length - 1]) : undefined });
            }}
            showSearch
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 150 }}
            placeholder={t('tickets.fields.assignee')}
            value={filters.assigneeId === ME ? String(userId) : filters.assigneeId}
            onChange={(v) => update({ assigneeId: v })}
            options={[
              { value: String(userId), label: t('tickets.filters.me') },
              ...[...(staff.data ?? new Map<number, string>())]
                .filter(([id]) => id !== userId)
                .map(([id, name]) => ({ value: String(id), label: name })),
            ]}
          />
          <Select<string>
            allowClear
            style={{ width: 120 }}
            placeholder={t('tickets.fields.sla')}
            value={filters.sla}
            onChange={(v) => update({ sla: v })}
            options={(['ok', 'warning', 'breached'] as const).map((v) => ({
              value: v,
              label: t(`sla.badge.${v}`),
            }))}
            data-testid="filter-sla"
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => {
              const [from, to] = v ?? [];
              update({
                from: from ? from.tz(displayTimeZone(), true).startOf('day').toISOString() : undefined,
                to: to
                  ? to.tz(displayTimeZone(), true).startOf('day').add(1, 'day').toISOString()
                  : undefined,
              });
            }}
            style={{ width: 240 }}
          />
          <Select<string>
            style={{ width: 130 }}
            value={filters.sort ?? 'newest'}
            onChange={(v) => update({ sort: v === 'newest' ? undefined : v })}
            options={(['newest', 'oldest', 'due'] as const).map((v) => ({
              value: v,
              label: t(`tickets.sort.${v}`),
            }))}
          />
          {hasFilters && (
            <Button
              icon={<ReloadOutlined />}
              onClick={() => setParams(new URLSearchParams(), { replace: true })}
            >
              {t('common.reset')}
            </Button>
          )}
          <Tooltip title={poll ? t('tickets.polling') : t('tickets.live')}>
            <Tag color={poll ? 'default' : 'green'} style={{ marginInlineEnd: 0 }}>
              {poll ? t('tickets.pollingShort') : t('tickets.liveShort')}
            </Tag>
          </Tooltip>
        </Space>
        <Table<TicketSummary>
          rowKey="id"
          size="middle"
          data-testid="tickets-table"
          loading={list.isLoading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={hasFilters ? t('tickets.emptyFiltered') : t('tickets.empty')}
              />
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) =>
              update({ page: p === 1 ? null : String(p), pageSize: s === 20 ? null : String(s) }, false),
          }}
        />
      </Card>
      <Modal
        open={naming !== null}
        title={t('tickets.saved.saveTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !naming?.trim() }}
        onOk={saveCurrent}
        onCancel={() => setNaming(null)}
        destroyOnHidden
      >
        <Input
          autoFocus
          maxLength={20}
          value={naming ?? ''}
          placeholder={t('tickets.saved.namePlaceholder')}
          onChange={(e) => setNaming(e.target.value)}
          onPressEnter={saveCurrent}
          data-testid="saved-filter-name"
        />
      </Modal>
    </div>
  );
}

import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ResidentRelation } from '@guanjia/shared';
import { formatPhone } from '@guanjia/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Empty,
  Input,
  Select,
  Space,
  Table,
  type TableProps,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useBuildings } from '../../api/hooks';
import type { Page, Resident } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { TagList, VipBadge } from '../../components/ResidentBadges';
import { formatDateTime } from '../../format';
import { useVocab } from '../../vocab';

export default function ResidentListPage() {
  const { t } = useTranslation();
  const vocab = useVocab();
  const navigate = useNavigate();
  const { projectId, can } = useAuth();
  const [params, setParams] = useSearchParams();
  const buildings = useBuildings(projectId);

  const q = params.get('q') ?? '';
  const buildingId = Number(params.get('buildingId')) || undefined;
  const relation = (params.get('relation') as ResidentRelation | null) ?? undefined;
  const vip = params.get('vip') ?? undefined;
  const tag = params.get('tag') ?? '';
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const [search, setSearch] = useState(q);
  const [tagInput, setTagInput] = useState(tag);
  useEffect(() => setSearch(q), [q]);
  useEffect(() => setTagInput(tag), [tag]);

  const update = (changes: Record<string, string | number | null | undefined>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if (resetPage && !('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const filters = {
    projectId: projectId ?? undefined,
    q: q || undefined,
    buildingId,
    relation,
    vip,
    tag: tag || undefined,
  };
  const list = useQuery({
    queryKey: ['residents', 'list', filters, page, pageSize],
    queryFn: () => api.get<Page<Resident>>('/api/residents', { ...filters, page, pageSize }),
    // Without a project selector (no estate.read) the server lists the caller's whole scope.
    enabled: Boolean(projectId) || !can('estate.read'),
    placeholderData: keepPreviousData,
  });

  const columns: TableProps<Resident>['columns'] = [
    {
      title: t('residents.fields.name'),
      dataIndex: 'name',
      width: 180,
      fixed: 'left',
      render: (name: string, r) => (
        <Space size={6}>
          <Link to={`/residents/${r.id}`}>{name}</Link>
          <VipBadge vip={r.vip} />
        </Space>
      ),
    },
    {
      title: t('residents.fields.gender'),
      dataIndex: 'gender',
      width: 70,
      render: (v: string | null) => vocab.gender(v),
    },
    {
      title: t('residents.fields.phones'),
      dataIndex: 'phones',
      width: 170,
      render: (_: unknown, r) =>
        r.phones.length ? (
          <Space orientation="vertical" size={0}>
            {r.phones.map((p) => (
              <span key={`${p.number}-${p.extension ?? ''}`} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {formatPhone(p.number)}
                {p.extension ? ` ${t('residents.ext', { ext: p.extension })}` : ''}
              </span>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t('residents.fields.units'),
      dataIndex: 'units',
      render: (_: unknown, r) =>
        r.units.length ? (
          <Space size={[4, 4]} wrap>
            {r.units.map((u) => (
              <Tag key={u.unitId}>
                {u.label} · {vocab.relation(u.relation)}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t('residents.fields.tags'),
      dataIndex: 'tags',
      width: 200,
      render: (tags: string[]) => <TagList tags={tags} />,
    },
    {
      title: t('residents.fields.preferredChannel'),
      dataIndex: 'preferredChannel',
      width: 110,
      render: (v: string | null) => vocab.channel(v),
    },
    {
      title: t('common.updatedAt'),
      dataIndex: 'updatedAt',
      width: 170,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_: unknown, r) => <Link to={`/residents/${r.id}`}>{t('common.detail')}</Link>,
    },
  ];

  const hasFilters = Boolean(q || buildingId || relation || vip || tag);

  return (
    <div>
      <PageHeader
        title={t('residents.title')}
        subTitle={t('residents.subtitle')}
        extra={
          <Space>
            <ExportButton path="/api/residents/export.xlsx" query={filters} />
            {can('residents.write') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/residents/new')}
                data-testid="resident-create"
              >
                {t('residents.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            style={{ width: 300 }}
            placeholder={t('residents.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => update({ q: v.trim() })}
            data-testid="resident-search"
          />
          <Select<number>
            allowClear
            style={{ width: 160 }}
            placeholder={t('residents.filters.building')}
            value={buildingId}
            onChange={(v) => update({ buildingId: v })}
            options={(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
          />
          <Select<ResidentRelation>
            allowClear
            style={{ width: 120 }}
            placeholder={t('residents.fields.relation')}
            value={relation}
            onChange={(v) => update({ relation: v })}
            options={vocab.relationOptions}
          />
          <Select<string>
            allowClear
            style={{ width: 120 }}
            placeholder="VIP"
            value={vip}
            onChange={(v) => update({ vip: v })}
            options={[
              { value: 'true', label: t('residents.filters.vipOnly') },
              { value: 'false', label: t('residents.filters.nonVip') },
            ]}
          />
          <Input.Search
            allowClear
            style={{ width: 160 }}
            placeholder={t('residents.filters.tag')}
            value={tagInput}
            onChange={(e) => setTagInput(e.target.value)}
            onSearch={(v) => update({ tag: v.trim() })}
          />
          {hasFilters && (
            <Button
              icon={<ReloadOutlined />}
              onClick={() => setParams(new URLSearchParams(), { replace: true })}
            >
              {t('common.reset')}
            </Button>
          )}
          <Tooltip title={t('residents.searchHint')}>
            <Typography.Text type="secondary" style={{ cursor: 'help' }}>
              {t('residents.searchHelp')}
            </Typography.Text>
          </Tooltip>
        </Space>
        <Table<Resident>
          rowKey="id"
          size="middle"
          data-testid="residents-table"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={hasFilters ? t('residents.emptyFiltered') : t('residents.empty')}
              >
                {!hasFilters && can('residents.write') && (
                  <Button type="primary" onClick={() => navigate('/residents/new')}>
                    {t('residents.create')}
                  </Button>
                )}
              </Empty>
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showQuickJumper: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) =>
              t(list.data?.totalCapped ? 'common.totalCapped' : 'common.total', { total }),
            onChange: (p, s) => update({ page: p === 1 ? null : p, pageSize: s === 20 ? null : s }, false),
          }}
        />
      </Card>
    </div>
  );
}

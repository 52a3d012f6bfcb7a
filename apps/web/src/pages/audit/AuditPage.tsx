import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Empty, Input, Select, Space, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useStaffNames } from '../../api/hooks';
import type { AuditEvent, Page } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { eventName } from '../../eventName';
import { formatDateTime } from '../../format';

const ENTITY_TYPES = [
  'project',
  'building',
  'unit',
  'resident',
  'user',
  'role',
  'setting',
  'import',
  'company',
] as const;

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <pre
      style={{
        margin: 0,
        fontSize: 12,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
        maxHeight: 240,
        overflow: 'auto',
      }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  const { can, projects } = useAuth();
  const names = useStaffNames(can('staff.read'));
  const [params, setParams] = useSearchParams();
  const entityType = params.get('entityType') ?? undefined;
  const entityId = params.get('entityId') ?? '';
  const action = params.get('action') ?? '';
  const projectId = Number(params.get('projectId')) || undefined;
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const [idInput, setIdInput] = useState(entityId);
  const [actionInput, setActionInput] = useState(action);
  useEffect(() => setIdInput(entityId), [entityId]);
  useEffect(() => setActionInput(action), [action]);

  const update = (changes: Record<string, string | number | null | undefined>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if (resetPage && !('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const filters = { entityType, entityId: entityId || undefined, action: action || undefined, projectId };
  const events = useQuery({
    queryKey: ['events', 'list', filters, page, pageSize],
    queryFn: () => api.get<Page<AuditEvent>>('/api/events', { ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  const actor = (e: AuditEvent) =>
    e.actorId !== null
      ? (names.data?.get(e.actorId) ?? t('events.unknownStaff'))
      : t(`audit.sources.${e.source}`, { defaultValue: e.source });

  const columns: TableProps<AuditEvent>['columns'] = [
    { title: t('audit.time'), dataIndex: 'occurredAt', width: 170, render: (v: string) => formatDateTime(v) },
    { title: t('audit.actor'), key: 'actor', width: 140, render: (_: unknown, e) => actor(e) },
    {
      title: t('audit.source'),
      dataIndex: 'source',
      width: 90,
      render: (v: string) => <Tag>{t(`audit.sources.${v}`, { defaultValue: v })}</Tag>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 200,
      render: (v: string) => (
        // The code stays at hand for the action filter, in the tooltip rather than as a label.
        <Tooltip title={v}>
          <span>{eventName(t, v)}</span>
        </Tooltip>
      ),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 160,
      render: (_: unknown, e) =>
        `${t(`audit.entities.${e.entityType}`, { defaultValue: e.entityType })} #${e.entityId}`,
    },
    {
      title: t('audit.project'),
      dataIndex: 'projectId',
      width: 140,
      render: (v: number | null) => (v ? (projects.find((p) => p.id === v)?.name ?? `#${v}`) : '—'),
    },
    {
      title: t('audit.change'),
      key: 'change',
      render: (_: unknown, e) => (
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>
          {e.after !== null && e.after !== undefined ? JSON.stringify(e.after) : '—'}
        </Typography.Text>
      ),
    },
  ];

  return (
    <div>
      <PageHeader title={t('audit.title')} subTitle={t('audit.subtitle')} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<string>
            allowClear
            style={{ width: 160 }}
            placeholder={t('audit.entity')}
            value={entityType}
            onChange={(v) => update({ entityType: v })}
            options={ENTITY_TYPES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
          />
          <Input.Search
            allowClear
            style={{ width: 160 }}
            placeholder={t('audit.entityId')}
            value={idInput}
            onChange={(e) => setIdInput(e.target.value)}
            onSearch={(v) => update({ entityId: v.trim() })}
          />
          <Input.Search
            allowClear
            style={{ width: 220 }}
            placeholder={t('audit.actionPlaceholder')}
            value={actionInput}
            onChange={(e) => setActionInput(e.target.value)}
            onSearch={(v) => update({ action: v.trim() })}
          />
          <Select<number>
            allowClear
            style={{ width: 180 }}
            placeholder={t('audit.project')}
            value={projectId}
            onChange={(v) => update({ projectId: v })}
            options={projects.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Space>
        <Table<AuditEvent>
          rowKey="id"
          size="middle"
          loading={events.isFetching}
          columns={columns}
          dataSource={events.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          data-testid="audit-table"
          expandable={{
            expandedRowRender: (e) => (
              <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16 }}>
                <div>
                  <Typography.Text strong>{t('audit.before')}</Typography.Text>
                  <Json value={e.before} />
                </div>
                <div>
                  <Typography.Text strong>{t('audit.after')}</Typography.Text>
                  <Json value={e.after} />
                </div>
              </div>
            ),
          }}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.empty')} />,
          }}
          pagination={{
            current: page,
            pageSize,
            total: events.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, s) => update({ page: p === 1 ? null : p, pageSize: s === 20 ? null : s }, false),
          }}
        />
      </Card>
    </div>
  );
}

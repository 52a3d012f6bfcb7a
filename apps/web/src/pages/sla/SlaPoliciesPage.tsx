import { EditOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useCategoryOptions } from '../../api/serviceHooks';
import type { SlaCalendar, SlaPolicy, SlaTarget, SlaTargets } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { useServiceVocab } from '../../serviceVocab';
import { useTargetText } from '../tickets/SlaClocks';
import { PolicyEditor } from './PolicyEditor';
import { CLOCKS } from './targets';

export function useCalendars(projectId: number | null) {
  return useQuery({
    queryKey: ['calendars', projectId],
    queryFn: () => api.get<{ items: SlaCalendar[] }>('/api/calendars', { projectId: projectId ?? undefined }),
    enabled: Boolean(projectId),
    select: (data) => data.items,
  });
}

function TargetCell({ target }: { target: SlaTarget | undefined }) {
  const { t } = useTranslation();
  const text = useTargetText();
  if (!target) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      <span style={{ whiteSpace: 'nowrap' }}>
        {target.businessDays !== undefined
          ? t('sla.target.businessDays', { value: target.businessDays })
          : text(target.minutes ?? 0)}
      </span>
      <span
        style={{
          fontSize: 11,
          color: target.calendar === '24x7' ? '#722ed1' : '#8c8c8c',
          whiteSpace: 'nowrap',
        }}
      >
        {target.calendar === '24x7' ? t('sla.calendar24x7') : t('sla.calendarBusiness')}
        {target.appointmentOverrides ? ` · ${t('sla.appointmentFirst')}` : ''}
      </span>
    </Space>
  );
}

/** SLA 策略: the product defaults (from Q-id settings, read-only) and the company's/project's own rows. */
export default function SlaPoliciesPage() {
  const { t } = useTranslation();
  const sv = useServiceVocab();
  const { projectId, projects, can } = useAuth();
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const policies = useQuery({
    queryKey: ['sla-policies', projectId],
    queryFn: () =>
      api.get<{ items: SlaPolicy[]; defaults: SlaPolicy[] }>('/api/sla-policies', {
        projectId: projectId ?? undefined,
      }),
    enabled: Boolean(projectId),
  });
  const calendars = useCalendars(projectId);
  const { byId } = useCategoryOptions(projectId);
  const manage = can('sla.manage');
  const calendarName = (id: number | null | undefined) =>
    id ? (calendars.data?.find((c) => c.id === id)?.name ?? `#${id}`) : t('slaPolicies.defaultCalendar');

  const targetColumns: TableProps<SlaPolicy>['columns'] = CLOCKS.map((kind) => ({
    title: sv.clockKind(kind),
    key: kind,
    width: 96,
    render: (_: unknown, p: SlaPolicy) => <TargetCell target={(p.targets as SlaTargets)[kind]} />,
  }));
  const matchColumns: TableProps<SlaPolicy>['columns'] = [
    {
      title: t('slaPolicies.appliesTo'),
      key: 'match',
      width: 170,
      render: (_: unknown, p: SlaPolicy) => {
        const parts = [
          p.ticketType ? sv.ticketType(p.ticketType) : null,
          p.categoryId ? (byId.get(p.categoryId)?.path.replaceAll('/', ' › ') ?? `#${p.categoryId}`) : null,
          p.priority ? sv.priority(p.priority) : null,
        ].filter((x): x is string => Boolean(x));
        return parts.length ? (
          <Space size={[4, 4]} wrap>
            {parts.map((x) => (
              <Tag key={x} style={{ marginInlineEnd: 0 }}>
                {x}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('slaPolicies.anyTicket')}</Typography.Text>
        );
      },
    },
  ];

  const defaultsColumns: TableProps<SlaPolicy>['columns'] = [
    {
      title: t('slaPolicies.fields.name'),
      dataIndex: 'name',
      width: 240,
      render: (_: string, p) => (
        <Space orientation="vertical" size={2}>
          <Space size={4}>
            <LockOutlined style={{ color: '#8c8c8c' }} />
            <span>{t(`slaPolicies.defaults.d${Math.abs(p.id)}`, { defaultValue: p.name })}</span>
          </Space>
          <Space size={[4, 4]} wrap>
            {(p.qids ?? []).map((q) => (
              <Tag key={q} color="geekblue" style={{ marginInlineEnd: 0 }}>
                {q}
              </Tag>
            ))}
            {(p.settings ?? []).map((s) => (
              <Tooltip key={s} title={t('slaPolicies.settingHint')}>
                <Link to="/settings" style={{ fontSize: 11 }}>
                  {s}
                </Link>
              </Tooltip>
            ))}
          </Space>
        </Space>
      ),
    },
    ...matchColumns,
    ...targetColumns,
    {
      title: t('tickets.fields.callbackPolicy'),
      dataIndex: 'callbackPolicy',
      width: 100,
      render: (v: string | null | undefined) => sv.callbackPolicy(v),
    },
  ];

  const ownColumns: TableProps<SlaPolicy>['columns'] = [
    {
      title: t('slaPolicies.fields.name'),
      dataIndex: 'name',
      width: 200,
      render: (name: string, p) => (
        <Space orientation="vertical" size={0}>
          <span>{name}</span>
          <span style={{ fontSize: 12, color: '#8c8c8c' }}>
            {p.projectId === null
              ? t('settings.scopes.company')
              : (projects.find((x) => x.id === p.projectId)?.name ?? `#${p.projectId}`)}
            {' · '}
            {calendarName(p.calendarId)}
          </span>
        </Space>
      ),
    },
    ...matchColumns,
    ...targetColumns,
    {
      title: t('slaPolicies.fields.active'),
      dataIndex: 'active',
      width: 70,
      render: (v: boolean) =>
        v ? <Tag color="green">{t('slaPolicies.on')}</Tag> : <Tag>{t('slaPolicies.off')}</Tag>,
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 80,
            fixed: 'right' as const,
            render: (_: unknown, p: SlaPolicy) => (
              <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(p)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div>
      <PageHeader
        title={t('slaPolicies.title')}
        subTitle={t('slaPolicies.subtitle')}
        extra={
          manage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="policy-create"
            >
              {t('slaPolicies.create')}
            </Button>
          )
        }
      />
      <Card title={t('slaPolicies.own')} style={{ marginBottom: 16 }}>
        <Table<SlaPolicy>
          rowKey="id"
          size="small"
          loading={policies.isLoading}
          dataSource={policies.data?.items ?? []}
          columns={ownColumns}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('slaPolicies.emptyOwn') }}
          data-testid="policies-own"
        />
      </Card>
      <Card
        title={t('slaPolicies.defaultsTitle')}
        extra={<Typography.Text type="secondary">{t('slaPolicies.defaultsHint')}</Typography.Text>}
      >
        <Table<SlaPolicy>
          rowKey="id"
          size="small"
          loading={policies.isLoading}
          dataSource={policies.data?.defaults ?? []}
          columns={defaultsColumns}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="policies-defaults"
        />
      </Card>
      <PolicyEditor
        open={editing !== null}
        policy={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        calendars={calendars.data ?? []}
      />
    </div>
  );
}

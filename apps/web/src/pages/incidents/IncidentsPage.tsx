import { CheckCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Drawer,
  Empty,
  Input,
  Popconfirm,
  Segmented,
  Space,
  Table,
  type TableProps,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useBuildings } from '../../api/hooks';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { useEnumLabel } from '../../enumLabel';
import { formatDateTime } from '../../format';
import { DeliveryLog } from './DeliveryLog';
import { IncidentTickets } from './IncidentTickets';
import { RegisterIncident } from './RegisterIncident';
import type { Incident, NotifyState } from './types';

const NOTIFY_COLOR: Record<NotifyState, string> = {
  met: 'green',
  breached: 'red',
  pending: 'blue',
  overdue: 'red',
};

/** 停水停电: log an outage (residents are told at once), follow Q60, mark it restored. */
export default function IncidentsPage() {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const { projectId, can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [ongoing, setOngoing] = useState(true);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [log, setLog] = useState<Incident | null>(null);
  const [note, setNote] = useState('');
  const buildings = useBuildings(projectId);
  const query = {
    projectId: projectId ?? undefined,
    status: ongoing ? '进行中' : undefined,
    page,
    pageSize: 20,
  };
  const list = useQuery({
    queryKey: ['incidents', query],
    queryFn: () => api.get<Page<Incident>>('/api/incidents', query),
    enabled: Boolean(projectId),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['incidents'] });

  const cancel = useMutation({
    mutationFn: (i: Incident) =>
      api.post<Incident>(`/api/incidents/${i.id}/cancel`, {
        version: i.version,
        reason: note.trim() || null,
      }),
    onSuccess: () => {
      void message.success(t('broadcasts.incident.cancelled'));
      setNote('');
      void refresh();
    },
    onError: (error) => onError(error),
  });

  const resolve = useMutation({
    mutationFn: (i: Incident) =>
      api.post<Incident & { tickets: unknown[] }>(`/api/incidents/${i.id}/resolve`, {
        version: i.version,
        note: note.trim() || null,
      }),
    onSuccess: (r) => {
      void message.success(t('incidents.resolved', { count: r.tickets.length }));
      setNote('');
      void refresh();
    },
    onError: (error) => onError(error),
  });

  const buildingName = new Map((buildings.data?.items ?? []).map((b) => [b.id, b.name]));
  const columns: TableProps<Incident>['columns'] = [
    {
      title: t('incidents.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (k: string, i) => (
        <Space size={4}>
          <Tag color={i.emergency ? 'red' : i.planned ? 'purple' : 'blue'}>
            {i.emergency
              ? t('incidents.emergency')
              : i.planned
                ? t('broadcasts.incident.planned')
                : t('broadcasts.incident.normal')}
          </Tag>
          {label(k)}
        </Space>
      ),
    },
    { title: t('incidents.eventTitle'), dataIndex: 'title' },
    {
      title: t('incidents.scope'),
      key: 'scope',
      width: 160,
      render: (_: unknown, i) =>
        i.buildingIds.length
          ? i.buildingIds.map((b) => buildingName.get(b) ?? b).join('、')
          : i.unitIds.length
            ? `${i.unitIds.length}`
            : t('incidents.wholeProject'),
    },
    {
      title: t('incidents.expectedEndAt'),
      dataIndex: 'expectedEndAt',
      width: 140,
      render: (v: string | null) => (v ? formatDateTime(v) : '—'),
    },
    { title: t('incidents.recipients'), dataIndex: 'recipientCount', width: 90 },
    {
      title: t('incidents.notify'),
      key: 'notify',
      width: 170,
      render: (_: unknown, i) =>
        i.notifyState ? (
          <Space orientation="vertical" size={0}>
            <Tag color={NOTIFY_COLOR[i.notifyState]} data-testid={`incident-notify-${i.id}`}>
              {t(`incidents.notifyStates.${i.notifyState}`)}
            </Tag>
            {i.firstDeliveryMinutes !== null && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('incidents.firstDelivery', { minutes: i.firstDeliveryMinutes })}
              </Typography.Text>
            )}
          </Space>
        ) : (
          t('incidents.notifyStates.none')
        ),
    },
    {
      title: t('incidents.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: string, i) => (
        <Space orientation="vertical" size={0}>
          <Tag color={s === '进行中' ? 'orange' : 'default'}>{label(s)}</Tag>
          {i.planned && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(i.startsAt).slice(5, 16)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_: unknown, i) => (
        <Space>
          <Button size="small" onClick={() => setLog(i)} data-testid={`incident-log-${i.id}`}>
            {t('incidents.details')}
          </Button>
          {i.status === '进行中' &&
            i.planned &&
            new Date(i.startsAt) > new Date() &&
            can('incidents.write') && (
              <Popconfirm
                title={t('broadcasts.incident.cancelConfirm')}
                description={
                  <Input
                    placeholder={t('broadcasts.incident.reason')}
                    value={note}
                    onChange={(e) => setNote(e.target.value)}
                  />
                }
                onConfirm={() => cancel.mutate(i)}
              >
                <Button size="small" danger data-testid={`incident-cancel-${i.id}`}>
                  {t('broadcasts.incident.cancel')}
                </Button>
              </Popconfirm>
            )}
          {i.status === '进行中' && can('incidents.write') && (
            <Popconfirm
              title={t('incidents.resolveConfirm')}
              description={
                <Input
                  placeholder={t('incidents.resolveNote')}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                />
              }
              onConfirm={() => resolve.mutate(i)}
            >
              <Button
                size="small"
                type="primary"
                icon={<CheckCircleOutlined />}
                data-testid={`incident-resolve-${i.id}`}
              >
                {t('incidents.resolve')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  if (!projectId) return <Empty style={{ marginTop: 64 }} description={t('dashboard.noProject')} />;

  return (
    <>
      <PageHeader
        title={t('incidents.title')}
        subTitle={t('incidents.subtitle')}
        extra={
          <Space>
            <Segmented
              value={ongoing ? 'ongoing' : 'all'}
              onChange={(v) => {
                setOngoing(v === 'ongoing');
                setPage(1);
              }}
              options={[
                { value: 'ongoing', label: t('incidents.onlyOngoing') },
                { value: 'all', label: t('incidents.all') },
              ]}
            />
            {can('incidents.write') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="incident-create"
              >
                {t('incidents.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Table<Incident>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        expandable={{
          expandedRowRender: (i) => (
            <Space orientation="vertical">
              <Typography.Text>{i.residentText}</Typography.Text>
              {i.agentScript && <Typography.Text type="secondary">{i.agentScript}</Typography.Text>}
            </Space>
          ),
        }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
      />
      <RegisterIncident
        projectId={projectId}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          void refresh();
        }}
      />
      <Drawer
        open={Boolean(log)}
        onClose={() => setLog(null)}
        size={960}
        title={log ? `${label(log.kind)} · ${log.title}` : ''}
        destroyOnHidden
      >
        {log && (
          <Tabs
            items={[
              {
                key: 'deliveries',
                label: t('incidents.deliveries'),
                children: <DeliveryLog path={`/api/incidents/${log.id}/deliveries`} />,
              },
              {
                key: 'tickets',
                label: t('incidents.linkedTickets'),
                children: <IncidentTickets incident={log} />,
              },
            ]}
          />
        )}
      </Drawer>
    </>
  );
}

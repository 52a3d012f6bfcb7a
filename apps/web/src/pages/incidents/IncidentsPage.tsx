import { CheckCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  DatePicker,
  Drawer,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Switch,
  Table,
  type TableProps,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
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
import { INCIDENT_KINDS, type Incident, type IncidentKind, type NotifyState } from './types';

interface CreateValues {
  kind: IncidentKind;
  emergency: boolean;
  title: string;
  buildingIds: number[];
  expectedEndAt?: Dayjs | null;
  residentText: string;
  agentScript?: string;
}

const NOTIFY_COLOR: Record<NotifyState, string> = {
  met: 'green',
  breached: 'red',
  pending: 'blue',
  overdue: 'red',
};
const VARIABLES = '{{resident.name}} {{unit.label}} {{incident.until}}';

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
  const [form] = Form.useForm<CreateValues>();
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

  const create = useMutation({
    mutationFn: (v: CreateValues) =>
      api.post<Incident>('/api/incidents', {
        projectId,
        kind: v.kind,
        emergency: v.emergency,
        title: v.title.trim(),
        buildingIds: v.buildingIds ?? [],
        expectedEndAt: v.expectedEndAt ? v.expectedEndAt.toISOString() : null,
        residentText: v.residentText.trim(),
        agentScript: v.agentScript?.trim() ?? '',
      }),
    onSuccess: (i) => {
      void message.success(t('incidents.created', { count: i.recipientCount }));
      setCreating(false);
      form.resetFields();
      void refresh();
    },
    onError: (error) => onError(error, { form }),
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
          <Tag color={i.emergency ? 'red' : 'blue'}>
            {i.emergency ? t('incidents.emergency') : t('incidents.planned')}
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
      render: (s: string) => <Tag color={s === '进行中' ? 'orange' : 'default'}>{label(s)}</Tag>,
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
      <Modal
        open={creating}
        title={t('incidents.create')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        width={640}
        destroyOnHidden
      >
        <Form<CreateValues>
          form={form}
          layout="vertical"
          initialValues={{ kind: '停水', emergency: true, buildingIds: [] }}
          onFinish={(v) => create.mutate(v)}
          data-testid="incident-form"
        >
          <Space size="large" wrap>
            <Form.Item name="kind" label={t('incidents.kind')} rules={[{ required: true }]}>
              <Select
                style={{ width: 160 }}
                options={INCIDENT_KINDS.map((k) => ({ value: k, label: label(k) }))}
              />
            </Form.Item>
            <Form.Item name="emergency" label={t('incidents.emergency')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="expectedEndAt" label={t('incidents.expectedEndAt')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
          </Space>
          <Form.Item
            name="title"
            label={t('incidents.eventTitle')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={200} data-testid="incident-title" />
          </Form.Item>
          <Form.Item name="buildingIds" label={t('incidents.buildings')} extra={t('incidents.wholeProject')}>
            <Select
              mode="multiple"
              allowClear
              options={(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
              data-testid="incident-buildings"
            />
          </Form.Item>
          <Form.Item
            name="residentText"
            label={t('incidents.residentText')}
            extra={`${t('incidents.residentTextHint')}${VARIABLES}`}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 5 }}
              maxLength={2000}
              data-testid="incident-text"
            />
          </Form.Item>
          <Form.Item name="agentScript" label={t('incidents.agentScript')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
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

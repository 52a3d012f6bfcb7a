import { EditOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import type { SlaClockKind, TicketPriority, TicketType } from '@guanjia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Cascader,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Segmented,
  Select,
  Space,
  Switch,
  Table,
  type TableProps,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useCategoryOptions } from '../../api/serviceHooks';
import type { CallbackPolicy, SlaCalendar, SlaPolicy, SlaTarget, SlaTargets } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { useServiceVocab } from '../../serviceVocab';
import { useTargetText } from '../tickets/SlaClocks';
import { APPOINTMENT_CLOCKS, CLOCKS, fromRows, type TargetRows, toRows } from './targets';

interface PolicyValues {
  name: string;
  scope: 'company' | 'project';
  ticketType?: TicketType | null;
  categoryPath?: number[];
  priority?: TicketPriority | null;
  calendarId?: number | null;
  callbackPolicy?: CallbackPolicy | null;
  active: boolean;
  targets: TargetRows;
}

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

function PolicyEditor({
  policy,
  open,
  onClose,
  calendars,
}: {
  policy: SlaPolicy | null;
  open: boolean;
  onClose: () => void;
  calendars: SlaCalendar[];
}) {
  const { t } = useTranslation();
  const sv = useServiceVocab();
  const { user, projectId, project } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PolicyValues>();
  const { options, byId } = useCategoryOptions(projectId);
  const rows = Form.useWatch('targets', form);

  const initial = (): PolicyValues => ({
    name: policy?.name ?? '',
    scope: policy
      ? policy.projectId === null
        ? 'company'
        : 'project'
      : user?.allProjects
        ? 'company'
        : 'project',
    ticketType: policy?.ticketType ?? null,
    categoryPath: policy?.categoryId ? byId.get(policy.categoryId)?.pathIds : undefined,
    priority: policy?.priority ?? null,
    calendarId: policy?.calendarId ?? null,
    callbackPolicy: policy?.callbackPolicy ?? null,
    active: policy?.active ?? true,
    targets: toRows(policy?.targets ?? {}),
  });

  const save = useMutation({
    mutationFn: (v: PolicyValues) => {
      const body = {
        name: v.name.trim(),
        ticketType: v.ticketType ?? null,
        categoryId: v.categoryPath?.length ? v.categoryPath[v.categoryPath.length - 1] : null,
        priority: v.priority ?? null,
        calendarId: v.calendarId ?? null,
        callbackPolicy: v.callbackPolicy ?? null,
        active: v.active,
        targets: fromRows(v.targets),
      };
      return policy
        ? api.put<SlaPolicy>(`/api/sla-policies/${policy.id}`, { ...body, version: policy.version })
        : api.post<SlaPolicy>('/api/sla-policies', {
            ...body,
            projectId: v.scope === 'company' ? null : projectId,
          });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['sla-policies'] });
      void message.success(t('common.saved'));
      onClose();
    },
    onError: (error) =>
      onError(error, {
        form,
        onReload: () => {
          void queryClient.invalidateQueries({ queryKey: ['sla-policies'] });
          onClose();
        },
      }),
  });

  return (
    <Modal
      open={open}
      width={820}
      title={policy ? t('slaPolicies.edit', { name: policy.name }) : t('slaPolicies.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) form.setFieldsValue(initial());
      }}
    >
      <Form<PolicyValues>
        form={form}
        layout="vertical"
        initialValues={initial()}
        onFinish={(v) => save.mutate(v)}
      >
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item
              name="name"
              label={t('slaPolicies.fields.name')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { max: 60, message: t('validation.max', { max: 60 }) },
              ]}
            >
              <Input data-testid="policy-name" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="scope" label={t('slaPolicies.fields.scope')}>
              <Segmented
                disabled={Boolean(policy)}
                options={[
                  { value: 'project', label: project?.name ?? t('settings.scopes.project') },
                  ...(user?.allProjects ? [{ value: 'company', label: t('settings.scopes.company') }] : []),
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text type="secondary">{t('slaPolicies.matchHint')}</Typography.Text>
        <Row gutter={12} style={{ marginTop: 8 }}>
          <Col span={6}>
            <Form.Item name="ticketType" label={t('tickets.fields.type')}>
              <Select allowClear placeholder={t('slaPolicies.any')} options={sv.typeOptions} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="categoryPath" label={t('tickets.fields.category')}>
              <Cascader changeOnSelect options={options} placeholder={t('slaPolicies.any')} showSearch />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="priority" label={t('tickets.fields.priority')}>
              <Select allowClear placeholder={t('slaPolicies.any')} options={sv.priorityOptions} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="calendarId" label={t('slaPolicies.fields.calendar')}>
              <Select
                allowClear
                placeholder={t('slaPolicies.defaultCalendar')}
                options={calendars.map((c) => ({ value: c.id, label: c.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="callbackPolicy" label={t('tickets.fields.callbackPolicy')}>
              <Select allowClear placeholder={t('slaPolicies.inherit')} options={sv.callbackPolicyOptions} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="active" label={t('slaPolicies.fields.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('slaPolicies.targets')}</Typography.Text>
        <div style={{ marginTop: 8 }}>
          {CLOCKS.map((kind: SlaClockKind) => {
            const enabled = rows?.[kind]?.enabled ?? false;
            const unit = rows?.[kind]?.unit ?? 'minutes';
            return (
              <div
                key={kind}
                style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 8, flexWrap: 'wrap' }}
              >
                <Form.Item name={['targets', kind, 'enabled']} valuePropName="checked" noStyle>
                  <Checkbox style={{ width: 120 }}>{sv.clockKind(kind)}</Checkbox>
                </Form.Item>
                <Form.Item name={['targets', kind, 'value']} noStyle>
                  <InputNumber min={0.1} max={525600} disabled={!enabled} style={{ width: 100 }} />
                </Form.Item>
                <Form.Item name={['targets', kind, 'unit']} noStyle>
                  <Select
                    disabled={!enabled}
                    style={{ width: 110 }}
                    options={(['minutes', 'hours', 'businessDays'] as const).map((u) => ({
                      value: u,
                      label: t(`slaPolicies.units.${u}`),
                    }))}
                  />
                </Form.Item>
                <Form.Item name={['targets', kind, 'calendar']} noStyle>
                  <Select
                    disabled={!enabled || unit === 'businessDays'}
                    style={{ width: 130 }}
                    options={[
                      { value: 'business', label: t('sla.calendarBusiness') },
                      { value: '24x7', label: t('sla.calendar24x7') },
                    ]}
                  />
                </Form.Item>
                {APPOINTMENT_CLOCKS.includes(kind) && (
                  <Form.Item name={['targets', kind, 'appointmentOverrides']} valuePropName="checked" noStyle>
                    <Checkbox disabled={!enabled}>{t('sla.appointmentFirst')}</Checkbox>
                  </Form.Item>
                )}
              </div>
            );
          })}
        </div>
      </Form>
    </Modal>
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

import type { SlaClockKind, TicketPriority, TicketType } from '@guanjia/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
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
  Switch,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useCategoryOptions } from '../../api/serviceHooks';
import type { CallbackPolicy, SlaCalendar, SlaPolicy } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { useServiceVocab } from '../../serviceVocab';
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

export function PolicyEditor({
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

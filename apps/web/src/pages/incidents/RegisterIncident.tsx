import type { SendPreview } from '@guanjia/shared/api';
import { useMutation } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Radio, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useBuildings } from '../../api/hooks';
import { useApiError } from '../../components/feedback';
import { useEnumLabel } from '../../enumLabel';
import { ConfirmSend, reportHeld } from '../broadcasts/ConfirmSend';
import { TemplatePicker } from '../broadcasts/TemplatePicker';
import { INCIDENT_KINDS, type Incident, type IncidentKind } from './types';

interface Values {
  kind: IncidentKind;
  emergency: boolean;
  planned: boolean;
  title: string;
  reason?: string;
  buildingIds: number[];
  startsAt?: Dayjs | null;
  expectedEndAt?: Dayjs | null;
  residentText: string;
  agentScript?: string;
}

const VARIABLES = '{小区} {楼栋} {开始时间} {结束时间} {原因} {服务电话} {{resident.name}} {{unit.label}}';

/**
 * 登记停水停电: the form, then the confirmation with the recipients per channel and the exact texts;
 * only 确认发送 registers (and tells residents). The default urgency is 一般: an emergency is chosen.
 */
export function RegisterIncident({
  projectId,
  open,
  onClose,
  onCreated,
}: {
  projectId: number;
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<Values>();
  const planned = Form.useWatch('planned', form);
  const buildings = useBuildings(projectId);
  const [pending, setPending] = useState<Record<string, unknown> | null>(null);

  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Incident>('/api/incidents', body),
    onSuccess: (i) => {
      void message.success(t('incidents.created', { count: i.recipientCount }));
      setPending(null);
      form.resetFields();
      onCreated();
    },
    onError: (error) => {
      setPending(null);
      if (reportHeld(error, t)) {
        form.resetFields();
        onClose();
      } else onError(error, { form });
    },
  });

  const bodyOf = (v: Values) => ({
    projectId,
    kind: v.kind,
    emergency: v.planned ? false : v.emergency,
    planned: v.planned,
    title: v.title.trim(),
    reason: v.reason?.trim() || null,
    buildingIds: v.buildingIds ?? [],
    ...(v.planned && v.startsAt ? { startsAt: v.startsAt.toISOString() } : {}),
    expectedEndAt: v.expectedEndAt ? v.expectedEndAt.toISOString() : null,
    residentText: v.residentText.trim(),
    agentScript: v.agentScript?.trim() ?? '',
  });

  return (
    <>
      <Modal
        open={open}
        title={t('incidents.create')}
        onCancel={onClose}
        onOk={() => form.submit()}
        width={680}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ kind: '停水', emergency: false, planned: false, buildingIds: [] }}
          onFinish={(v) => setPending(bodyOf(v))}
          data-testid="incident-form"
        >
          <Space size="large" wrap>
            <Form.Item name="kind" label={t('incidents.kind')} rules={[{ required: true }]}>
              <Select
                style={{ width: 140 }}
                options={INCIDENT_KINDS.map((k) => ({ value: k, label: label(k) }))}
              />
            </Form.Item>
            <Form.Item name="planned" label={t('broadcasts.incident.planned')} valuePropName="checked">
              <Switch data-testid="incident-planned" />
            </Form.Item>
            {!planned && (
              <Form.Item name="emergency" label={t('broadcasts.incident.urgency')}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: false, label: t('broadcasts.incident.normal') },
                    { value: true, label: t('broadcasts.incident.emergency') },
                  ]}
                  data-testid="incident-urgency"
                />
              </Form.Item>
            )}
          </Space>
          <Space size="large" wrap>
            {planned && (
              <Form.Item
                name="startsAt"
                label={t('broadcasts.incident.startsAt')}
                extra={t('broadcasts.incident.plannedHint')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
              </Form.Item>
            )}
            <Form.Item
              name="expectedEndAt"
              label={planned ? t('broadcasts.incident.endsAt') : t('incidents.expectedEndAt')}
              dependencies={['startsAt']}
              rules={[
                { required: Boolean(planned), message: t('validation.required') },
                ({ getFieldValue }) => ({
                  validator: (_r, end: Dayjs | null) => {
                    const start = getFieldValue('startsAt') as Dayjs | null;
                    return planned && start && end && !end.isAfter(start)
                      ? Promise.reject(new Error(t('broadcasts.incident.endAfterStart')))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
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
          <Form.Item name="reason" label={t('broadcasts.incident.reason')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="buildingIds" label={t('incidents.buildings')} extra={t('incidents.wholeProject')}>
            <Select
              mode="multiple"
              allowClear
              options={(buildings.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))}
              data-testid="incident-buildings"
            />
          </Form.Item>
          <Form.Item label={t('broadcasts.templates.use')}>
            <TemplatePicker
              projectId={projectId}
              onPick={(body) => form.setFieldValue('residentText', body)}
              testId="incident-template"
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
      <ConfirmSend
        open={pending !== null}
        previewKey={pending}
        loadPreview={() => api.post<SendPreview>('/api/incidents/preview', pending)}
        confirming={create.isPending}
        onConfirm={() => pending && create.mutate(pending)}
        onCancel={() => setPending(null)}
      />
    </>
  );
}

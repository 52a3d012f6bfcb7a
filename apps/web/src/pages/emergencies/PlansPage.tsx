import { DUTY_ROLES, type EmergencyPlan, type PlanStep, STEP_PROOFS } from '@guanjia/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { useEnumLabel } from '../../enumLabel';
import { usePlans } from './hooks';

/** 应急预案: the steps of each type × level; a revision is a new version, running incidents keep theirs. */
export default function PlansPage() {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const { projectId, can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const plans = usePlans(projectId);
  const [editing, setEditing] = useState<EmergencyPlan | null>(null);
  const [form] = Form.useForm<{ name: string; steps: PlanStep[] }>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['emergency-plans'] });
  const defaults = useMutation({
    mutationFn: () => api.post<{ created: number }>('/api/emergency-plans/defaults', { projectId }),
    onSuccess: (r) => {
      void message.success(t('emergencies.plans.created', { count: r.created }));
      void refresh();
    },
    onError: (error) => onError(error),
  });
  const save = useMutation({
    mutationFn: (v: { name: string; steps: PlanStep[] }) =>
      api.put<EmergencyPlan>(`/api/emergency-plans/${editing?.id}`, { ...v, version: editing?.version }),
    onSuccess: () => {
      void message.success(t('common.saved'));
      setEditing(null);
      void refresh();
    },
    onError: (error) => onError(error, { form, onReload: () => void refresh() }),
  });
  const roleOptions = DUTY_ROLES.map((r) => ({ value: r, label: t(`emergencies.roles.${r}`) }));
  const minutes = (v: number | null) => (v === null ? '' : `${v}′`);

  return (
    <>
      <PageHeader
        title={t('emergencies.plans.title')}
        subTitle={t('emergencies.plans.subtitle')}
        extra={
          can('emergencies.manage') && (
            <Button onClick={() => defaults.mutate()} loading={defaults.isPending}>
              {t('emergencies.plans.defaults')}
            </Button>
          )
        }
      />
      <Table<EmergencyPlan>
        rowKey="id"
        size="small"
        loading={plans.isLoading}
        dataSource={plans.data?.items ?? []}
        pagination={{ pageSize: 15 }}
        expandable={{
          expandedRowRender: (p) => (
            <Space direction="vertical">
              {p.steps.map((s, i) => (
                <span key={s.key}>
                  {i + 1}. {s.title} · {t(`emergencies.roles.${s.role}`)} ·{' '}
                  {t(`emergencies.proofs.${s.proof}`)} ·{' '}
                  {s.afterStartMinutes !== null &&
                    `${t('emergencies.plans.afterStart')} ${minutes(s.afterStartMinutes)} `}
                  {s.afterPreviousMinutes !== null &&
                    `${t('emergencies.plans.afterPrevious')} ${minutes(s.afterPreviousMinutes)} `}
                  → {t(`emergencies.roles.${s.escalateTo}`)}
                </span>
              ))}
            </Space>
          ),
        }}
        columns={[
          { title: t('emergencies.fields.type'), render: (_, p) => label(p.type) },
          { title: t('emergencies.fields.level'), render: (_, p) => <Tag>{label(p.level)}</Tag> },
          { title: t('emergencies.plans.name'), dataIndex: 'name' },
          { title: t('emergencies.plans.steps'), render: (_, p) => p.steps.length },
          { title: t('emergencies.plans.version'), dataIndex: 'version' },
          {
            title: '',
            render: (_, p) =>
              can('emergencies.manage') && (
                <Button
                  size="small"
                  onClick={() => {
                    setEditing(p);
                    form.setFieldsValue({ name: p.name, steps: p.steps });
                  }}
                >
                  {t('emergencies.plans.edit')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={Boolean(editing)}
        width={1100}
        title={editing ? `${label(editing.type)} · ${label(editing.level)}` : ''}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="name" label={t('emergencies.plans.name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.List name="steps">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'key']} rules={[{ required: true }]}>
                      <Input placeholder={t('emergencies.plans.key')} style={{ width: 80 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'title']} rules={[{ required: true }]}>
                      <Input placeholder={t('emergencies.detail.step')} style={{ width: 220 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'role']} rules={[{ required: true }]}>
                      <Select options={roleOptions} style={{ width: 130 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'proof']} rules={[{ required: true }]}>
                      <Select
                        options={STEP_PROOFS.map((p) => ({ value: p, label: t(`emergencies.proofs.${p}`) }))}
                        style={{ width: 120 }}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'afterStartMinutes']} initialValue={null}>
                      <InputNumber
                        placeholder={t('emergencies.plans.afterStart')}
                        min={0}
                        style={{ width: 150 }}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'afterPreviousMinutes']} initialValue={null}>
                      <InputNumber
                        placeholder={t('emergencies.plans.afterPrevious')}
                        min={0}
                        style={{ width: 160 }}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'escalateTo']} rules={[{ required: true }]}>
                      <Select
                        options={roleOptions}
                        style={{ width: 130 }}
                        placeholder={t('emergencies.plans.escalateTo')}
                      />
                    </Form.Item>
                    <Button type="link" onClick={() => remove(f.name)}>
                      {t('common.delete')}
                    </Button>
                  </Space>
                ))}
                <Button
                  type="dashed"
                  onClick={() =>
                    add({
                      role: 'team_leader',
                      proof: 'ack',
                      escalateTo: 'project_head',
                      afterStartMinutes: 5,
                      afterPreviousMinutes: null,
                    })
                  }
                >
                  {t('emergencies.plans.addStep')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}

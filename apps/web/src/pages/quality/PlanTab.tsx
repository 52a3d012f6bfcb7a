import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../components/feedback';
import type { QaPlan } from './types';

/** The project's sampling rate and checklist template (items, weights). */
export function PlanTab({ projectId, plan }: { projectId: number; plan: QaPlan | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Omit<QaPlan, 'projectId'>>();
  const items = Form.useWatch('checklist', form) ?? [];
  const weights = items.reduce((sum, i) => sum + (Number(i?.weight) || 0), 0);
  useEffect(() => {
    if (plan) form.setFieldsValue({ samplePercent: plan.samplePercent, checklist: plan.checklist });
  }, [plan, form]);
  const save = useMutation({
    mutationFn: (v: Omit<QaPlan, 'projectId'>) => api.put<QaPlan>('/api/qa/plan', { projectId, ...v }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['qa-plan', projectId], saved);
      void message.success(t('quality.planSaved'));
    },
    onError: (error) => onError(error),
  });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} style={{ maxWidth: 760 }}>
      <Form.Item
        name="samplePercent"
        label={t('quality.samplePercent')}
        extra={t('quality.sampleHint')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <InputNumber min={1} max={100} suffix="%" />
      </Form.Item>
      <Typography.Title level={5}>{t('quality.checklist')}</Typography.Title>
      <Typography.Paragraph type={weights === 100 ? 'secondary' : 'warning'}>
        {t('quality.weightsSum', { sum: weights })}
      </Typography.Paragraph>
      <Form.List name="checklist">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item
                  name={[f.name, 'key']}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <Input placeholder={t('quality.itemKey')} style={{ width: 130 }} maxLength={40} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'label']}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <Input placeholder={t('quality.item')} style={{ width: 380 }} maxLength={100} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'weight']}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <InputNumber min={1} max={100} placeholder={t('quality.weight')} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(f.name)}
                  aria-label={t('common.delete')}
                />
              </Space>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ key: '', label: '', weight: 5 })}
              style={{ marginBottom: 16 }}
            >
              {t('quality.addItem')}
            </Button>
          </>
        )}
      </Form.List>
      <div>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </Form>
  );
}

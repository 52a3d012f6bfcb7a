import type { Material, WorkOrderDraft } from '@guanjia/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../components/feedback';

interface Values {
  kind: 'in' | 'out' | 'return';
  materialId: number;
  qty: number;
  workOrderNumber?: string;
  note?: string;
}

/** 入库 / 领用 / 退库; 领用 names the repair order and can be filled from what the order's 完工 listed. */
export function MovementModal({
  projectId,
  materials,
  open,
  onClose,
}: {
  projectId: number;
  materials: Material[];
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [draft, setDraft] = useState<WorkOrderDraft | null>(null);
  const kind = Form.useWatch('kind', form);
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post('/api/stock-movements', {
        ...v,
        projectId,
        workOrderNumber: v.workOrderNumber || null,
        note: v.note ?? '',
      }),
    onSuccess: () => {
      void message.success(t('stock.recorded'));
      void queryClient.invalidateQueries({ queryKey: ['materials'] });
      void queryClient.invalidateQueries({ queryKey: ['stock-movements'] });
      onClose();
    },
    onError: (error) => onError(error, { form }),
  });
  const fill = useMutation({
    mutationFn: (number: string) =>
      api.get<WorkOrderDraft>('/api/stock-movements/work-order-draft', {
        projectId,
        workOrderNumber: number,
      }),
    onSuccess: (d) => {
      setDraft(d);
      const first = d.lines.find((l) => l.materialId && l.suggested > 0);
      if (first) form.setFieldsValue({ materialId: first.materialId!, qty: first.suggested });
    },
    onError: (error) => onError(error),
  });
  return (
    <Modal
      open={open}
      title={t('stock.newMovement')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'out', qty: 1 }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="kind" label={t('stock.kind')}>
          <Select
            options={(['in', 'out', 'return'] as const).map((k) => ({
              value: k,
              label: t(`stock.kinds.${k}`),
            }))}
          />
        </Form.Item>
        {kind !== 'in' && (
          <Form.Item label={t('stock.workOrderNumber')} required={kind === 'out'}>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item
                name="workOrderNumber"
                noStyle
                rules={[{ required: kind === 'out', message: t('validation.required') }]}
              >
                <Input />
              </Form.Item>
              <Button
                onClick={() => fill.mutate(form.getFieldValue('workOrderNumber') ?? '')}
                loading={fill.isPending}
              >
                {t('stock.fromWorkOrder')}
              </Button>
            </Space.Compact>
          </Form.Item>
        )}
        {draft && (
          <Alert
            style={{ marginBottom: 12 }}
            type="info"
            message={
              draft.lines.length
                ? t('stock.draftHint', {
                    items: draft.lines
                      .map((l) => `${l.item}×${l.qty}${l.issued ? `（已领 ${l.issued}）` : ''}`)
                      .join('、'),
                  })
                : t('stock.draftNone')
            }
          />
        )}
        <Form.Item
          name="materialId"
          label={t('stock.material')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={materials.map((m) => ({
              value: m.id,
              label: `${m.name} ${m.spec}（${m.onHand}${m.unit}）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="qty"
          label={t('stock.qty')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item name="note" label={t('stock.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

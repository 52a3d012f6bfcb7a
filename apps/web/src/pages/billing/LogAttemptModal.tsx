import { MANUAL_OUTCOMES } from '@guanjia/shared';
import { useMutation } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../components/feedback';
import { CollectionUnitPicker } from './CollectionUnitPicker';

interface Values {
  unitId: number;
  channel: 'manual_call' | 'visit';
  outcome: (typeof MANUAL_OUTCOMES)[number];
  promisedDate?: Dayjs;
  promisedYuan?: number;
  note?: string;
}

/** An agent logs the result of a 催缴 call (or visit): 已接通/未接/承诺付款/拒付/号码错误, with a promise. */
export function LogAttemptModal({
  open,
  projectId,
  unit,
  onClose,
  onSaved,
}: {
  open: boolean;
  projectId: number;
  unit?: { id: number; label: string };
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post('/api/collection-attempts', {
        unitId: unit?.id ?? v.unitId,
        channel: v.channel,
        outcome: v.outcome,
        promisedDate: v.outcome === 'promised' ? v.promisedDate?.format('YYYY-MM-DD') : undefined,
        promisedAmount:
          v.outcome === 'promised' && v.promisedYuan ? Math.round(v.promisedYuan * 100) : undefined,
        note: v.note ?? '',
      }),
    onSuccess: () => {
      void message.success(t('collection.log.saved'));
      form.resetFields();
      onSaved();
      onClose();
    },
    onError: (e) => onError(e, { form }),
  });
  return (
    <Modal
      open={open}
      title={unit ? `${t('collection.log.title')} · ${unit.label}` : t('collection.log.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ channel: 'manual_call', outcome: 'answered' }}
        onFinish={(v) => save.mutate(v)}
      >
        {!unit && (
          <Form.Item name="unitId" label={t('collection.log.unit')} rules={[{ required: true }]}>
            <CollectionUnitPicker projectId={projectId} />
          </Form.Item>
        )}
        <Form.Item name="channel" label={t('collection.log.channel')}>
          <Radio.Group
            options={(['manual_call', 'visit'] as const).map((c) => ({
              value: c,
              label: t(`collection.channels.${c}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="outcome" label={t('collection.log.outcome')} rules={[{ required: true }]}>
          <Select
            options={MANUAL_OUTCOMES.map((o) => ({ value: o, label: t(`collection.outcomes.${o}`) }))}
          />
        </Form.Item>
        {outcome === 'promised' && (
          <>
            <Form.Item
              name="promisedDate"
              label={t('collection.log.promisedDate')}
              rules={[{ required: true }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="promisedYuan" label={t('collection.log.promisedAmount')}>
              <InputNumber min={0.01} precision={2} style={{ width: '100%' }} prefix="¥" />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('collection.log.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

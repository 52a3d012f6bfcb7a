import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../components/feedback';

interface SampleResult {
  created: number;
  percent: number;
  calls: number;
  tickets: number;
  flagged: number;
}

/** Run the sampling plan for one week: N % per agent of calls and tickets, plus every flagged item. */
export function SampleModal({
  open,
  projectId,
  percent,
  onClose,
}: {
  open: boolean;
  projectId: number;
  percent: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ week: Dayjs; percent: number }>();
  const run = useMutation({
    mutationFn: (v: { week: Dayjs; percent: number }) => {
      const from = v.week.startOf('week');
      return api.post<SampleResult>('/api/qa/sample', {
        projectId,
        from: from.format(),
        to: from.add(1, 'week').format(),
        percent: v.percent,
      });
    },
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['qa-reviews'] });
      void message.success(t('quality.sampled', { ...r }));
      onClose();
    },
    onError: (error) => onError(error),
  });
  return (
    <Modal
      open={open}
      title={t('quality.sampleTitle')}
      okText={t('quality.runSample')}
      cancelText={t('common.cancel')}
      confirmLoading={run.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ id: 'sample-run' }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ week: dayjs(), percent }}
        onFinish={(v) => run.mutate(v)}
      >
        <Form.Item
          name="week"
          label={t('quality.week')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker picker="week" allowClear={false} />
        </Form.Item>
        <Form.Item name="percent" label={t('quality.samplePercent')} extra={t('quality.sampleHint')}>
          <InputNumber min={1} max={100} suffix="%" data-testid="sample-percent" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { QuestionCircleOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbQuestion } from '../../api/callTypes';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';

/**
 * "没找到答案，转专家": from the KB search or the intake form, the question goes to the expert seat
 * with the ticket or caller it came from; the answer comes back live (ExpertAnswerListener).
 */
export function AskExpertButton({
  question,
  ticketId,
  callerPhone,
  size,
}: {
  question: string;
  ticketId?: number;
  callerPhone?: string;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ question: string; callerPhone?: string }>();
  const ask = useMutation({
    mutationFn: (v: { question: string; callerPhone?: string }) =>
      api.post<KbQuestion>('/api/kb/questions', {
        projectId,
        question: v.question,
        ticketId: ticketId ?? null,
        callerPhone: v.callerPhone?.trim() || null,
      }),
    onSuccess: () => {
      setOpen(false);
      void message.success(t('kbExpert.asked'));
      void queryClient.invalidateQueries({ queryKey: ['kb-questions'] });
    },
    onError: (e) => onError(e),
  });
  if (!projectId) return null;
  return (
    <>
      <Button
        size={size}
        icon={<QuestionCircleOutlined />}
        onClick={() => {
          form.setFieldsValue({ question, callerPhone });
          setOpen(true);
        }}
        data-testid="kb-ask-expert"
      >
        {t('kbExpert.ask')}
      </Button>
      <Modal
        open={open}
        title={t('kbExpert.askTitle')}
        okText={t('kbExpert.submit')}
        confirmLoading={ask.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('kbExpert.askHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => ask.mutate(v)}>
          <Form.Item name="question" label={t('kbExpert.question')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={4} maxLength={2000} placeholder={t('kbExpert.questionPlaceholder')} />
          </Form.Item>
          {!ticketId && (
            <Form.Item name="callerPhone" label={t('kbExpert.callerPhone')}>
              <Input maxLength={40} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

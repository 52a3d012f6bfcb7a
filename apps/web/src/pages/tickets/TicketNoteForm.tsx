import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { TicketDetail } from '../../api/types';
import { useApiError } from '../../components/feedback';
import { ForbiddenHint } from '../quality/ForbiddenHint';

/** A note on the ticket's timeline, checked for forbidden phrases while it is typed. */
export function TicketNoteForm({ ticket }: { ticket: Pick<TicketDetail, 'id' | 'projectId'> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ note: string }>();
  const note = Form.useWatch('note', form);
  const save = useMutation({
    mutationFn: (text: string) => api.post<TicketDetail>(`/api/tickets/${ticket.id}/notes`, { note: text }),
    onSuccess: (detail) => {
      queryClient.setQueryData(['ticket', ticket.id], detail);
      void queryClient.invalidateQueries({ queryKey: ['ticket-events', ticket.id] });
      void message.success(t('quality.noteSaved'));
      form.resetFields();
    },
    onError: (error) => onError(error),
  });
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => save.mutate(v.note.trim())}
      style={{ marginBottom: 12 }}
    >
      <Form.Item
        name="note"
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        style={{ marginBottom: 8 }}
      >
        <Input.TextArea
          placeholder={t('quality.notePlaceholder')}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={4000}
          data-testid="note-input"
        />
      </Form.Item>
      <ForbiddenHint projectId={ticket.projectId} text={note} />
      <Button htmlType="submit" size="small" loading={save.isPending} data-testid="note-save">
        {t('quality.addNote')}
      </Button>
    </Form>
  );
}

import { ThunderboltOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { TicketDetail } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';

/**
 * 催单 (Q44 "never make an owner report twice"): the resident calls again about an open ticket — the agent
 * presses this instead of logging a new one. The chase is counted, logged, and the owner and the
 * technician on the job are notified. `callId` links the current call to the ticket.
 */
export function UrgeButton({
  ticket,
  callId,
  size = 'small',
  onDone,
}: {
  ticket: { id: number; number: string; urgeCount: number };
  callId?: number | null;
  size?: ButtonProps['size'];
  onDone?: (detail: TicketDetail) => void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const urge = useMutation({
    mutationFn: () =>
      api.post<TicketDetail>(`/api/tickets/${ticket.id}/urge`, {
        note: note.trim() || null,
        ...(callId ? { callId } : {}),
      }),
    onSuccess: (detail) => {
      queryClient.setQueryData(['ticket', detail.id], detail);
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
      void queryClient.invalidateQueries({ queryKey: ['resident360'] });
      void queryClient.invalidateQueries({ queryKey: ['calls'] });
      void message.success(t('desk.urge.done', { count: detail.urgeCount }));
      setOpen(false);
      setNote('');
      onDone?.(detail);
    },
    onError: (error) => onError(error),
  });
  return (
    <>
      {ticket.urgeCount > 0 && <Tag color="gold">{t('desk.urge.count', { count: ticket.urgeCount })}</Tag>}
      {can('tickets.write') && (
        <Button
          size={size}
          icon={<ThunderboltOutlined />}
          onClick={() => setOpen(true)}
          data-testid={`urge-${ticket.number}`}
        >
          {t('desk.urge.button')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('desk.urge.title', { number: ticket.number })}
        okText={t('desk.urge.button')}
        cancelText={t('common.cancel')}
        confirmLoading={urge.isPending}
        onOk={() => urge.mutate()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ 'data-testid': 'urge-submit' } as ButtonProps}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('desk.urge.hint')}</Typography.Paragraph>
        <Input.TextArea
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('desk.urge.note')}
          autoSize={{ minRows: 2, maxRows: 4 }}
          data-testid="urge-note"
        />
      </Modal>
    </>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useLive } from '../../live/LiveProvider';

/**
 * The asking agent hears of an expert's answer wherever they are in the console: the server sends
 * `kb.answer` to them alone. New questions refresh the expert queue.
 */
export function ExpertAnswerListener() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const { subscribe } = useLive();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useEffect(
    () =>
      subscribe((message) => {
        if (message.type === 'kb.question')
          void queryClient.invalidateQueries({ queryKey: ['kb-questions'] });
        if (message.type !== 'kb.answer') return;
        void queryClient.invalidateQueries({ queryKey: ['kb-questions'] });
        const ticketId = (message.data as { ticketId?: number | null } | undefined)?.ticketId;
        if (ticketId) void queryClient.invalidateQueries({ queryKey: ['ticket-events', ticketId] });
        notification.success({
          key: `kb-answer-${message.entityId}`,
          title: t('kbExpert.answerArrived'),
          placement: 'bottomRight',
          onClick: () => navigate(ticketId ? `/tickets/${ticketId}` : '/knowledge'),
          style: { cursor: 'pointer' },
        });
      }),
    [subscribe, queryClient, notification, navigate, t],
  );
  return null;
}

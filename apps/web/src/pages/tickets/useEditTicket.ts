import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { TicketDetail } from '../../api/types';

/**
 * PATCH /api/tickets/:id with the version the form was opened with (409 → the caller's reload).
 * The answer is the ticket's detail view with its re-planned SLA clocks: it replaces the cached one.
 */
export function useEditTicket(onSaved?: (detail: TicketDetail) => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: Record<string, unknown> }) =>
      api.patch<TicketDetail>(`/api/tickets/${id}`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(['ticket', detail.id], detail);
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
      void queryClient.invalidateQueries({ queryKey: ['ticket-events', detail.id] });
      void queryClient.invalidateQueries({ queryKey: ['work-orders'] });
      void message.success(t('tickets.edit.saved'));
      onSaved?.(detail);
    },
  });
}

import type { TicketDetail } from '@guanjia/shared/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { api } from '../../api/client';
import { useApiError } from '../../components/feedback';

/**
 * A 投诉闭环 command on a ticket (POST /api/tickets/:id/<path>; an empty path is the ticket's PATCH):
 * the answer is the ticket's detail, put straight into the cache.
 */
export function useHandlingCommand(ticketId: number, path: string, done: string, onDone?: () => void) {
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      path
        ? api.post<TicketDetail>(`/api/tickets/${ticketId}/${path}`, body)
        : api.patch<TicketDetail>(`/api/tickets/${ticketId}`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(['ticket', ticketId], detail);
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
      void queryClient.invalidateQueries({ queryKey: ['ticket-events', ticketId] });
      void queryClient.invalidateQueries({ queryKey: ['complaints'] });
      void message.success(done);
      onDone?.();
    },
    onError: (error) =>
      onError(error, {
        onReload: () => void queryClient.invalidateQueries({ queryKey: ['ticket', ticketId] }),
      }),
  });
}

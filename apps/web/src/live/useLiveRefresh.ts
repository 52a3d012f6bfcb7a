import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { LiveMessage } from '../api/types';
import { useLive } from './LiveProvider';

/** Bus message types of the service desk (apps/server: ticket-write, work-order-write, timers, notify). */
export const SERVICE_EVENTS = [
  'ticket.created',
  'ticket.updated',
  'ticket.sla',
  'workorder.updated',
  'callback.due',
] as const;

/**
 * Re-read the given queries when a matching live message arrives (bursts coalesce into one refetch per
 * 400 ms). Returns the polling interval pages should use meanwhile: none while the socket is up.
 */
export function useLiveRefresh(
  types: readonly string[],
  keys: QueryKey[],
  options: { filter?: (message: LiveMessage) => boolean; pollMs?: number } = {},
): number | false {
  const { subscribe, connected } = useLive();
  const queryClient = useQueryClient();
  const latest = useRef({ types, keys, filter: options.filter });
  latest.current = { types, keys, filter: options.filter };

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = subscribe((message) => {
      const { types: wanted, filter } = latest.current;
      if (!wanted.includes(message.type)) return;
      if (filter && !filter(message)) return;
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        for (const key of latest.current.keys) void queryClient.invalidateQueries({ queryKey: key });
      }, 400);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [subscribe, queryClient]);

  return connected ? false : (options.pollMs ?? 15_000);
}

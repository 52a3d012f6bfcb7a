import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Wallboard } from '../../../api/callTypes';
import { api } from '../../../api/client';
import { useAuth } from '../../../auth/AuthProvider';
import { useLiveRefresh } from '../../../live/useLiveRefresh';

/** What moves the wall: calls, seats, and the ticket backlog (bus message types of the server). */
export const WALL_EVENTS = [
  'call',
  'call.updated',
  'agent.presence',
  'ticket.created',
  'ticket.updated',
  'ticket.sla',
  'callback.due',
] as const;

/** While the socket is up the wall is re-read on events only, and once in a while to follow the day. */
const RESYNC_MS = 5 * 60_000;

/**
 * The wallboard of the current project, re-read when a live event arrives (polling only while the
 * socket is down). Waits and durations tick in the browser between reads: `elapsed` is the seconds
 * since the board was read.
 */
export function useWallboard() {
  const { projectId } = useAuth();
  const pollMs = useLiveRefresh(WALL_EVENTS, [['wallboard']], {
    filter: (m) => m.projectId == null || m.projectId === projectId,
  });
  const board = useQuery({
    queryKey: ['wallboard', projectId],
    queryFn: () => api.get<Wallboard>('/api/wallboard', { projectId: projectId ?? undefined }),
    enabled: Boolean(projectId),
    refetchInterval: pollMs || RESYNC_MS,
  });
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const elapsed = board.dataUpdatedAt ? Math.max(0, Math.floor((now - board.dataUpdatedAt) / 1000)) : 0;
  return { board: board.data, loading: board.isLoading, elapsed, live: pollMs === false };
}

/** 1 分 05 秒 / 45 秒: waits on the wall. */
export function splitSeconds(total: number): { m: number; s: number } {
  return { m: Math.floor(total / 60), s: total % 60 };
}

import type { DutyRoster, Emergency, EmergencyPlan, EmergencySummary, Page } from '@guanjia/shared/api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';

export function useEmergencies(query: Query, enabled = true) {
  return useQuery({
    queryKey: ['emergencies', query],
    queryFn: () => api.get<Page<EmergencySummary>>('/api/emergencies', query),
    enabled,
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
}

export function useEmergency(id: number) {
  return useQuery({
    queryKey: ['emergency', id],
    queryFn: () => api.get<Emergency>(`/api/emergencies/${id}`),
    refetchInterval: 10_000,
  });
}

export function usePlans(projectId: number | null) {
  return useQuery({
    queryKey: ['emergency-plans', projectId],
    queryFn: () =>
      api.get<{ items: EmergencyPlan[] }>('/api/emergency-plans', { projectId: projectId ?? undefined }),
    enabled: Boolean(projectId),
  });
}

export function useRoster(projectId: number | null, from: string, to: string) {
  return useQuery({
    queryKey: ['duty-roster', projectId, from, to],
    queryFn: () => api.get<DutyRoster>('/api/duty-roster', { projectId: projectId ?? undefined, from, to }),
    enabled: Boolean(projectId),
    refetchInterval: 60_000,
  });
}

/** "3分12秒" / "3m 12s": what a countdown shows. */
export function spanText(ms: number, en: boolean): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (en) return h ? `${h}h ${m}m` : `${m}m ${s}s`;
  return h ? `${h}小时${m}分` : `${m}分${s}秒`;
}

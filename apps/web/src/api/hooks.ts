import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Building, Page, Role, TreeProject } from './types';

export function useEstateTree(enabled = true) {
  return useQuery({
    queryKey: ['estate', 'tree'],
    queryFn: () => api.get<{ items: TreeProject[] }>('/api/estate/tree'),
    enabled,
  });
}

export function useBuildings(projectId: number | null | undefined) {
  return useQuery({
    queryKey: ['buildings', projectId],
    queryFn: () => api.get<Page<Building>>('/api/buildings', { projectId }),
    enabled: Boolean(projectId),
    staleTime: 60_000,
  });
}

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => api.get<Page<Role>>('/api/roles'),
    enabled,
    staleTime: 60_000,
  });
}

/** A list's total only (pageSize=1): for counters. */
export function useTotal(
  path: string,
  query: Record<string, string | number | boolean | undefined>,
  enabled = true,
) {
  return useQuery({
    queryKey: ['total', path, query],
    queryFn: () => api.get<Page<unknown>>(path, { ...query, page: 1, pageSize: 1 }),
    enabled,
    select: (data) => data.total,
  });
}

/** id → display name of the company's staff (for audit trails); empty without staff.read. */
export function useStaffNames(enabled: boolean) {
  return useQuery({
    queryKey: ['staff', 'names'],
    queryFn: () =>
      api.get<Page<{ id: number; displayName: string; username: string }>>('/api/staff', {
        page: 1,
        pageSize: 200,
      }),
    enabled,
    staleTime: 5 * 60_000,
    meta: { silent: true },
    select: (data) => new Map(data.items.map((s) => [s.id, s.displayName])),
  });
}

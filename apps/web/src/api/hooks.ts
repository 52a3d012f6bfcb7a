import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
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
/**
 * Staff names by id for every screen that names a person (timelines, history, audit, QA): from
 * /api/staff/names, which any desk or field role may read, so nobody sees "#15" for a colleague.
 * The argument is kept for older callers and no longer limits who gets names.
 */
export function useStaffNames(_enabled?: boolean) {
  return useQuery({
    queryKey: ['staff', 'names'],
    queryFn: () => api.get<{ items: { id: number; displayName: string }[] }>('/api/staff/names'),
    staleTime: 5 * 60_000,
    meta: { silent: true },
    select: (data) => new Map(data.items.map((s) => [s.id, s.displayName])),
  });
}

/** A staff id as a name; an unknown id (someone since removed) reads as 已删除的员工, never "#15". */
export function useStaffName(): (id: number | null | undefined) => string {
  const names = useStaffNames();
  const { t } = useTranslation();
  return (id) => (id === null || id === undefined ? '—' : (names.data?.get(id) ?? t('events.unknownStaff')));
}

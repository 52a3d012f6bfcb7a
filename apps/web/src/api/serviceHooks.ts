import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from './client';
import type { Technician, TicketCategory, TicketDetail } from './types';

export interface CategoryOption {
  value: number;
  label: string;
  skill: string | null;
  children?: CategoryOption[];
}

/** The ticket category tree of a project (company rows plus the project's own), as flat rows. */
export function useCategories(projectId: number | null | undefined, enabled = true) {
  return useQuery({
    queryKey: ['ticket-categories', projectId ?? null],
    queryFn: () =>
      api.get<{ items: TicketCategory[] }>('/api/ticket-categories', { projectId: projectId ?? undefined }),
    enabled,
    staleTime: 5 * 60_000,
    select: (data) => data.items,
  });
}

/** Cascader options place › category › problem, inactive rows left out, in the tree's order. */
export function categoryOptions(rows: TicketCategory[]): CategoryOption[] {
  const active = rows.filter((r) => r.active);
  const byParent = new Map<number | null, TicketCategory[]>();
  for (const r of active) {
    const list = byParent.get(r.parentId) ?? [];
    list.push(r);
    byParent.set(r.parentId, list);
  }
  const build = (parentId: number | null): CategoryOption[] =>
    (byParent.get(parentId) ?? [])
      .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
      .map((r) => {
        const children = build(r.id);
        return {
          value: r.id,
          label: r.name,
          skill: r.skill,
          ...(children.length ? { children } : {}),
        };
      });
  return build(null);
}

export function useCategoryOptions(projectId: number | null | undefined, enabled = true) {
  const categories = useCategories(projectId, enabled);
  const options = useMemo(() => categoryOptions(categories.data ?? []), [categories.data]);
  const byId = useMemo(() => new Map((categories.data ?? []).map((c) => [c.id, c])), [categories.data]);
  return { categories, options, byId };
}

export function useTechnicians(projectId: number | null | undefined, enabled = true) {
  return useQuery({
    queryKey: ['technicians', projectId ?? null],
    queryFn: () =>
      api.get<{ items: Technician[] }>('/api/technicians', { projectId: projectId ?? undefined }),
    enabled: enabled && Boolean(projectId),
    select: (data) => data.items,
  });
}

export function useTicket(id: number, refetchInterval: number | false = false) {
  return useQuery({
    queryKey: ['ticket', id],
    queryFn: () => api.get<TicketDetail>(`/api/tickets/${id}`),
    enabled: Number.isFinite(id) && id > 0,
    meta: { silent: true },
    refetchInterval,
  });
}

/** A random v4 UUID for Idempotency-Key, also where crypto.randomUUID is missing (plain-HTTP intranets). */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';

export type BindingStatus = '待审核' | '已通过' | '已驳回';

/** A portal request as the front desk sees it (phones masked without pii.view). */
export interface BindingRequest {
  id: number;
  projectId: number;
  unitId: number;
  unitLabel: string | null;
  kind: 'bind' | 'member' | 'removal';
  status: BindingStatus;
  name: string;
  phone: string;
  requesterPhone: string;
  relation: '业主' | '家属' | '租户';
  leaseEndsOn: string | null;
  targetResidentId: number | null;
  note: string | null;
  attachments: { url: string; name?: string | null }[];
  rejectReason: string | null;
  residentId: number | null;
  decidedAt: string | null;
  createdAt: string;
  version: number;
}

/** Pending requests of the project: the menu badge and the page share one cached count. */
export function usePendingBindings(projectId: number | null | undefined, enabled = true) {
  return useQuery({
    queryKey: ['portal-bindings', 'pending-count', projectId],
    queryFn: () =>
      api.get<Page<BindingRequest>>('/api/portal-bindings', {
        projectId: projectId ?? undefined,
        status: '待审核',
        pageSize: 1,
      }),
    enabled: enabled && Boolean(projectId),
    refetchInterval: 60_000,
    select: (p) => p.total,
  });
}

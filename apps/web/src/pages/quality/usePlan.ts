import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { QaPlan } from './types';

export function usePlan(projectId: number | null) {
  return useQuery({
    queryKey: ['qa-plan', projectId],
    queryFn: () => api.get<QaPlan>('/api/qa/plan', { projectId: projectId ?? undefined }),
    enabled: Boolean(projectId),
  });
}

import type {
  CampaignResults,
  Inspection,
  InspectionDetail,
  InspectionPlan,
  Page,
  QualityCampaign,
  QualityReport,
  Rectification,
  RectificationDetail,
  ScoreSheet,
} from '@guanjia/shared/api';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../api/client';

export const useSheets = (projectId: number | null) =>
  useQuery({
    queryKey: ['score-sheets', projectId],
    queryFn: () =>
      api.get<{ items: ScoreSheet[] }>('/api/score-sheets', { projectId: projectId ?? undefined }),
  });

export const useSheetVersions = (id: number | null) =>
  useQuery({
    queryKey: ['score-sheet-versions', id],
    queryFn: () => api.get<{ items: ScoreSheet[] }>(`/api/score-sheets/${id}/versions`),
    enabled: Boolean(id),
  });

export const usePlans = (projectId: number | null) =>
  useQuery({
    queryKey: ['inspection-plans', projectId],
    queryFn: () =>
      api.get<{ items: InspectionPlan[] }>('/api/inspection-plans', { projectId: projectId ?? undefined }),
    enabled: Boolean(projectId),
  });

export const useInspections = (query: Query) =>
  useQuery({
    queryKey: ['inspections', query],
    queryFn: () => api.get<Page<Inspection>>('/api/inspections', query),
    placeholderData: keepPreviousData,
  });

export const useInspection = (id: number) =>
  useQuery({
    queryKey: ['inspection', id],
    queryFn: () => api.get<InspectionDetail>(`/api/inspections/${id}`),
  });

export const useRectifications = (query: Query) =>
  useQuery({
    queryKey: ['rectifications', query],
    queryFn: () => api.get<Page<Rectification>>('/api/rectifications', query),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });

export const useRectification = (id: number | null) =>
  useQuery({
    queryKey: ['rectification', id],
    queryFn: () => api.get<RectificationDetail>(`/api/rectifications/${id}`),
    enabled: Boolean(id),
  });

export const useCampaigns = (projectId: number | null) =>
  useQuery({
    queryKey: ['quality-campaigns', projectId],
    queryFn: () =>
      api.get<{ items: QualityCampaign[] }>('/api/quality-campaigns', { projectId: projectId ?? undefined }),
    enabled: Boolean(projectId),
  });

export const useCampaignResults = (id: number | null) =>
  useQuery({
    queryKey: ['quality-campaign-results', id],
    queryFn: () => api.get<CampaignResults>(`/api/quality-campaigns/${id}/results`),
    enabled: Boolean(id),
  });

export const useQualityReport = (query: Query) =>
  useQuery({
    queryKey: ['quality-report', query],
    queryFn: () => api.get<QualityReport>('/api/reports/quality', query),
  });

/** A write that refreshes every quality list afterwards. */
export function useQualityWrite<V, T = unknown>(fn: (v: V) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      for (const key of [
        'inspections',
        'inspection',
        'rectifications',
        'rectification',
        'quality-campaigns',
        'quality-campaign-results',
        'inspection-plans',
        'score-sheets',
        'score-sheet-versions',
      ])
        void qc.invalidateQueries({ queryKey: [key] });
    },
  });
}

export const yuan = (fen: number) => (fen / 100).toFixed(0);

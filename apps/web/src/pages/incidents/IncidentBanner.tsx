import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { formatHumanDateTime } from '../../format';
import type { Incident } from './types';

/**
 * On the intake form: ongoing outages at the caller's unit, with the agent script, so the agent
 * answers "停水，预计18:00恢复" at once and links the new ticket instead of opening a fresh case.
 */
export function IncidentBanner({
  unitId,
  categoryId,
  attachTo,
  onAttachChange,
}: {
  unitId: number | undefined;
  categoryId: number | undefined;
  attachTo: number | null;
  onAttachChange: (incidentId: number | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const active = useQuery({
    queryKey: ['incidents', 'active', unitId, categoryId],
    queryFn: () => api.get<{ items: Incident[] }>('/api/incidents/active', { unitId, categoryId }),
    enabled: Boolean(unitId),
    staleTime: 15_000,
  });
  const items = unitId ? (active.data?.items ?? []) : [];
  if (!items.length) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="incident-banner">
      {items.map((i) => (
        <Alert
          key={i.id}
          type={i.emergency ? 'error' : 'warning'}
          showIcon
          title={t('incidents.bannerTitle', { kind: i.kind, title: i.title })}
          description={
            <Space orientation="vertical" size={2}>
              {i.expectedEndAt && (
                <span>
                  {t('incidents.bannerUntil', { time: formatHumanDateTime(i.expectedEndAt, i18n.language) })}
                </span>
              )}
              {i.agentScript && (
                <Typography.Text strong>
                  {t('incidents.bannerScript', { script: i.agentScript })}
                </Typography.Text>
              )}
              {can('incidents.write') && (
                <Checkbox
                  checked={attachTo === i.id}
                  onChange={(e) => onAttachChange(e.target.checked ? i.id : null)}
                  data-testid={`incident-attach-${i.id}`}
                >
                  {t('incidents.attach')}
                </Checkbox>
              )}
            </Space>
          }
        />
      ))}
    </Space>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useAuth } from '../auth/AuthProvider';
import { useApiError } from '../components/feedback';
import { useLiveRefresh } from '../live/useLiveRefresh';

interface Presence {
  state: '在线' | '小休' | '通话中' | '离线';
  reason: string | null;
}

/** Break reasons offered in the switch; the server takes any short reason. */
const BREAKS = ['用餐', '休息', '培训', '处理工单'] as const;

/**
 * The agent's phone state in the header: 在线 (calls are routed here), 小休 with a reason, 离线.
 * 通话中 is shown while the PBX reports a call and cannot be chosen.
 */
export function PresenceSwitch() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const enabled = can('calls.handle');
  useLiveRefresh(['agent.presence', 'call'], [['presence']]);
  const presence = useQuery({
    queryKey: ['presence'],
    queryFn: () => api.get<Presence>('/api/agents/me/presence'),
    enabled,
    meta: { silent: true },
  });
  const set = useMutation({
    mutationFn: (value: string) => {
      const [state, reason] = value.split(':') as [Presence['state'], string | undefined];
      return api.put<Presence>('/api/agents/me/presence', { state, reason: reason ?? null });
    },
    onSuccess: (p) => queryClient.setQueryData(['presence'], p),
    onError: (e) => onError(e),
  });
  if (!enabled) return null;
  const p = presence.data;
  const value = p ? (p.state === '小休' && p.reason ? `小休:${p.reason}` : p.state) : undefined;
  return (
    <Select
      data-testid="presence-switch"
      size="small"
      style={{ minWidth: 130 }}
      value={value}
      placeholder={t('presence.label')}
      onChange={(v: string) => set.mutate(v)}
      options={[
        { value: '在线', label: t('presence.ready') },
        ...BREAKS.map((r) => ({
          value: `小休:${r}`,
          label: t('presence.break', { reason: t(`presence.reasons.${r}`) }),
        })),
        { value: '离线', label: t('presence.offline') },
        ...(p?.state === '通话中' ? [{ value: '通话中', label: t('presence.onCall'), disabled: true }] : []),
      ]}
    />
  );
}

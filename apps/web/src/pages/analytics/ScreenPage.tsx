import type { BigScreen } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { EChart } from './EChart';

const panel = { background: '#0f1b33', border: '1px solid #1f3a66', borderRadius: 6, padding: 16 } as const;

function Figure({
  label,
  value,
  color = '#e6f0ff',
  testId,
}: {
  label: string;
  value: number;
  color?: string;
  testId?: string;
}) {
  return (
    <div style={{ ...panel, textAlign: 'center' }}>
      <div style={{ color: '#8fa6c9', fontSize: 22 }}>{label}</div>
      <div style={{ color, fontSize: 64, fontWeight: 700, lineHeight: 1.2 }} data-testid={testId}>
        {value}
      </div>
    </div>
  );
}

/**
 * 数据大屏 for the control-room TV: 1920×1080, dark, no console chrome; polls every 15 s (the figures
 * are counts over the whole project, cheaper to re-read than to patch from every realtime event).
 */
export default function ScreenPage() {
  const { t } = useTranslation();
  const { projectId } = useAuth();
  const screen = useQuery({
    queryKey: ['analytics-screen', projectId],
    queryFn: () => api.get<BigScreen>('/api/analytics/screen', { projectId: projectId ?? undefined }),
    enabled: Boolean(projectId),
    refetchInterval: 15_000,
  });
  const s = screen.data;
  const hours = useMemo(
    () => ({
      backgroundColor: 'transparent',
      grid: { left: 40, right: 10, top: 20, bottom: 30 },
      xAxis: { type: 'category' as const, data: Array.from({ length: 24 }, (_, h) => String(h)) },
      yAxis: { type: 'value' as const, minInterval: 1 },
      series: [{ type: 'bar' as const, data: s?.ticketsByHour ?? [], itemStyle: { color: '#3ba0ff' } }],
    }),
    [s],
  );
  const max = Math.max(1, ...(s?.buildings ?? []).map((b) => b.open));
  return (
    <div
      data-testid="big-screen"
      style={{
        width: 1920,
        height: 1080,
        background: '#050d1f',
        color: '#e6f0ff',
        padding: 24,
        boxSizing: 'border-box',
        overflow: 'hidden',
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
        <h1 style={{ color: '#e6f0ff', fontSize: 40, margin: 0 }}>{t('analytics.screen.title')}</h1>
        <span style={{ color: '#8fa6c9' }}>
          {s ? t('analytics.screen.updated', { time: dayjs(s.at).format('HH:mm:ss') }) : ''}
        </span>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 16, marginTop: 16 }}>
        <Figure label={t('analytics.screen.callsToday')} value={s?.callsToday ?? 0} testId="screen-calls" />
        <Figure label={t('analytics.screen.answered')} value={s?.callsAnswered ?? 0} color="#52c41a" />
        <Figure label={t('analytics.screen.abandoned')} value={s?.callsAbandoned ?? 0} color="#faad14" />
        <Figure
          label={t('analytics.screen.ticketsToday')}
          value={s?.ticketsToday ?? 0}
          testId="screen-tickets"
        />
        <Figure label={t('analytics.screen.open')} value={s?.openTickets ?? 0} />
        <Figure label={t('analytics.screen.atRisk')} value={s?.slaAtRisk ?? 0} color="#faad14" />
        <Figure label={t('analytics.screen.breached')} value={s?.slaBreached ?? 0} color="#ff4d4f" />
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: '2fr 1fr', gap: 16, marginTop: 16, height: 820 }}>
        <div style={{ ...panel, overflow: 'hidden' }}>
          <div style={{ fontSize: 22, marginBottom: 8 }}>{t('analytics.screen.map')}</div>
          <div
            style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 10 }}
          >
            {(s?.buildings ?? []).map((b) => (
              <div
                key={b.id}
                style={{
                  borderRadius: 4,
                  padding: 10,
                  textAlign: 'center',
                  background: b.open
                    ? `rgba(255, ${Math.round(180 - (120 * b.open) / max)}, 60, ${0.25 + (0.6 * b.open) / max})`
                    : '#12305a',
                  border: b.atRisk ? '2px solid #ff4d4f' : '1px solid #1f3a66',
                }}
              >
                <div style={{ fontSize: 18 }}>{b.name}</div>
                <div style={{ fontSize: 30, fontWeight: 700 }}>{b.open}</div>
              </div>
            ))}
          </div>
        </div>
        <div style={{ display: 'grid', gridTemplateRows: '1fr 1fr 1fr', gap: 16 }}>
          <div style={panel}>
            <div style={{ fontSize: 22 }}>{t('analytics.screen.byHour')}</div>
            <EChart option={hours} height={220} theme="dark" />
          </div>
          <div style={{ ...panel, overflow: 'hidden' }}>
            <div style={{ fontSize: 22, marginBottom: 8 }}>{t('analytics.screen.incidents')}</div>
            {s?.activeIncidents.length ? (
              s.activeIncidents.map((i) => (
                <div key={i.id} style={{ fontSize: 18, color: '#faad14' }}>
                  {i.kind} · {i.title} · {dayjs(i.startsAt).format('HH:mm')}
                </div>
              ))
            ) : (
              <div style={{ color: '#8fa6c9' }}>{t('analytics.screen.none')}</div>
            )}
          </div>
          <div style={{ ...panel, overflow: 'hidden' }}>
            <div style={{ fontSize: 22, marginBottom: 8 }}>{t('analytics.screen.emergencies')}</div>
            {s?.activeEmergencies.length ? (
              s.activeEmergencies.map((e) => (
                <div key={e.id} style={{ fontSize: 18, color: '#ff4d4f' }}>
                  {e.type}（{e.level}）· {e.place} · {e.status}
                </div>
              ))
            ) : (
              <div style={{ color: '#8fa6c9' }}>{t('analytics.screen.none')}</div>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}

import type { Page, Supervision } from '@guanjia/shared/api';
import { useQuery } from '@tanstack/react-query';
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLiveRefresh } from '../../live/useLiveRefresh';
import { SupervisionBanner } from './SupervisionBanner';

/**
 * 督办 on the signed-in person (GET /api/supervisions?mine=true), each with its banner: the technician's
 * phone view shows them above his work orders. Renders nothing when there are none.
 */
export function MySupervisions({ linkTickets = false }: { linkTickets?: boolean }) {
  const { t } = useTranslation();
  const poll = useLiveRefresh(['notification.created', 'ticket.updated'], [['supervisions', 'mine']]);
  const mine = useQuery({
    queryKey: ['supervisions', 'mine'],
    queryFn: () => api.get<Page<Supervision>>('/api/supervisions', { mine: true, pageSize: 50 }),
    refetchInterval: poll || 60_000,
  });
  const items = mine.data?.items ?? [];
  if (!items.length) return null;
  return (
    <div style={{ marginBottom: 12 }} data-testid="my-supervisions">
      <Typography.Text strong>{t('complaints.mine.title')}</Typography.Text>
      <Space orientation="vertical" size={6} style={{ width: '100%', marginTop: 6 }}>
        {items.map((s) => (
          <div key={s.id} data-testid={`my-supervision-${s.ticketNumber}`}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {linkTickets ? <a href={`/tickets/${s.ticketId}`}>{s.ticketNumber}</a> : s.ticketNumber} ·{' '}
              {s.ticketTitle}
            </Typography.Text>
            <SupervisionBanner s={s} compact />
          </div>
        ))}
      </Space>
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Page, TicketSummary } from '../../api/types';
import { TicketStatusTag, TicketTypeTag } from '../../components/ServiceTags';
import { formatDateTime } from '../../format';

export function CallerHistory({ residentId }: { residentId: number }) {
  const { t } = useTranslation();
  const history = useQuery({
    queryKey: ['tickets', 'resident', residentId],
    queryFn: () =>
      api.get<Page<TicketSummary>>('/api/tickets', { residentId, page: 1, pageSize: 6, sort: 'newest' }),
  });
  const items = history.data?.items ?? [];
  const open = items.filter((x) => x.status !== '已关闭' && x.status !== '已取消');
  return (
    <div data-testid="caller-history">
      {open.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('intake.openTickets', { count: open.length })}
        />
      )}
      {items.length === 0 && !history.isLoading ? (
        <Typography.Text type="secondary">{t('intake.noHistory')}</Typography.Text>
      ) : (
        items.map((x) => (
          <div
            key={x.id}
            style={{
              display: 'flex',
              gap: 6,
              alignItems: 'center',
              padding: '4px 0',
              borderTop: '1px solid rgba(5,5,5,.06)',
              flexWrap: 'wrap',
            }}
          >
            <Link to={`/tickets/${x.id}`} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {x.number}
            </Link>
            <TicketTypeTag type={x.type} />
            <TicketStatusTag status={x.status} />
            <Typography.Text ellipsis style={{ flex: 1, minWidth: 80 }}>
              {x.title}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(x.createdAt)}
            </Typography.Text>
          </div>
        ))
      )}
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Card, List, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Page, TicketSummary } from '../../api/types';
import { TicketStatusTag } from '../../components/ServiceTags';
import { DeadlineTag } from '../../components/SlaCountdown';
import { UrgeBadge } from './UrgeBadge';

/** A short ticket list on a home page (the first page of a ticket-list query), with its full list a click away. */
export function TicketMiniList({
  title,
  query,
  to,
  testId,
}: {
  title: ReactNode;
  query: Record<string, string | number | undefined>;
  to: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['tickets', 'home', query],
    queryFn: () => api.get<Page<TicketSummary>>('/api/tickets', { ...query, page: 1, pageSize: 8 }),
  });
  return (
    <Card
      size="small"
      title={title}
      extra={<Link to={to}>{t('desk.home.viewAll')}</Link>}
      style={{ marginBottom: 16 }}
    >
      <List
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        data-testid={testId}
        locale={{ emptyText: t('desk.r360.none') }}
        renderItem={(x) => (
          <List.Item>
            <Space size={6} wrap>
              <Link to={`/tickets/${x.id}`}>{x.number}</Link>
              <TicketStatusTag status={x.status} />
              <span>{x.title}</span>
              {x.unitLabel && <Typography.Text type="secondary">{x.unitLabel}</Typography.Text>}
              <UrgeBadge count={x.urgeCount} />
            </Space>
            {x.sla.dueAt && <DeadlineTag dueAt={x.sla.dueAt} />}
          </List.Item>
        )}
      />
    </Card>
  );
}

import type { ATTEMPT_CHANNELS } from '@guanjia/shared';
import { formatFen } from '@guanjia/shared';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { portalApi } from './api';
import { usePortalTime } from './time';

interface Message {
  id: number;
  at: string;
  unitLabel: string;
  channel: (typeof ATTEMPT_CHANNELS)[number];
  message: string;
  owedAmount: number;
}

/** 催缴提醒: the reminders the resident's units received (SMS, spoken calls, notices), newest first. */
export function PortalCollectionMessages() {
  const { t } = useTranslation();
  const time = usePortalTime();
  const list = useQuery({
    queryKey: ['portal', 'collection-messages'],
    queryFn: () => portalApi.get<{ items: Message[] }>('/api/portal/collection-messages'),
  });
  return (
    <List<Message>
      loading={list.isLoading}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: <Empty description={t('collection.portal.empty')} /> }}
      data-testid="portal-collection-messages"
      renderItem={(m) => (
        <Card size="small" style={{ marginBottom: 8 }}>
          <Space size={4} wrap>
            <Tag color="orange">{t(`collection.channels.${m.channel}`)}</Tag>
            <Typography.Text type="secondary">{time(m.at)}</Typography.Text>
            <Typography.Text>{m.unitLabel}</Typography.Text>
          </Space>
          <Typography.Paragraph style={{ margin: '6px 0 0' }}>{m.message}</Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('collection.portal.owed', { amount: formatFen(m.owedAmount) })}
          </Typography.Text>
        </Card>
      )}
    />
  );
}

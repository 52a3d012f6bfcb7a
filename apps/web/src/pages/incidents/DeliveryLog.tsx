import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { formatDateTime } from '../../format';
import type { Delivery, DeliveryPage, DeliveryStatus } from './types';

const STATUS_COLOR: Record<DeliveryStatus, string> = {
  pending: 'blue',
  deferred: 'gold',
  sent: 'green',
  failed: 'red',
  cancelled: 'default',
};

/** One incident's or notice's outbox rows with per-status counts (`path` = …/deliveries). */
export function DeliveryLog({ path }: { path: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['deliveries', path, page],
    queryFn: () => api.get<DeliveryPage>(path, { page, pageSize: 20 }),
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
  });
  const counts = list.data?.counts?.byStatus ?? {};
  const columns: TableProps<Delivery>['columns'] = [
    {
      title: t('deliveries.recipient'),
      key: 'to',
      render: (_: unknown, d) => `${d.residentName ?? '—'} ${d.recipient}`,
    },
    {
      title: t('deliveries.channel'),
      dataIndex: 'channel',
      width: 80,
      render: (c: Delivery['channel']) => t(`deliveries.channels.${c}`),
    },
    {
      title: t('deliveries.status'),
      dataIndex: 'status',
      width: 120,
      render: (s: DeliveryStatus, d) => (
        <Tag color={STATUS_COLOR[s]} data-testid={`delivery-status-${d.id}`}>
          {t(`deliveries.statuses.${s}`)}
        </Tag>
      ),
    },
    { title: t('deliveries.attempts'), dataIndex: 'attempts', width: 80 },
    {
      title: t('deliveries.sentAt'),
      key: 'when',
      width: 170,
      render: (_: unknown, d) =>
        d.sentAt
          ? formatDateTime(d.sentAt)
          : d.notBefore
            ? `${t('deliveries.notBefore')} ${formatDateTime(d.notBefore)}`
            : '—',
    },
    {
      title: t('deliveries.body'),
      dataIndex: 'body',
      render: (b: string, d) => (
        <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true }}>
          {b}
          {d.error ? <Typography.Text type="danger"> ({d.error})</Typography.Text> : null}
        </Typography.Paragraph>
      ),
    },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary" data-testid="delivery-counts">
        {t('deliveries.counts', {
          total: list.data?.total ?? 0,
          sent: counts.sent ?? 0,
          failed: counts.failed ?? 0,
        })}
      </Typography.Paragraph>
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
      />
    </>
  );
}

import { CustomerServiceOutlined } from '@ant-design/icons';
import type { TicketType } from '@guanjia/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Segmented, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { CallbackQueueItem, Page } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { PageHeader } from '../../components/PageHeader';
import { TicketTypeTag } from '../../components/ServiceTags';
import { DeadlineTag } from '../../components/SlaCountdown';
import { useNow } from '../../components/useNow';
import { formatDateTime } from '../../format';
import { useLiveRefresh } from '../../live/useLiveRefresh';
import { CallbackModal } from '../tickets/CallbackModal';

type View = 'due' | 'overdue' | 'done';

/** 回访任务: open callback rounds, oldest due first; record the result inline. */
export default function CallbackQueuePage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const now = useNow();
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') as View | null) ?? 'due';
  const page = Number(params.get('page')) || 1;
  const [recording, setRecording] = useState<CallbackQueueItem | null>(null);
  const poll = useLiveRefresh(['callback.due', 'ticket.updated'], [['callbacks']], {
    filter: (m) => m.projectId === undefined || m.projectId === projectId,
  });
  const query = {
    projectId: projectId ?? undefined,
    status: view === 'done' ? '已完成' : '待回访',
    overdue: view === 'overdue' ? 'true' : undefined,
  };
  const list = useQuery({
    queryKey: ['callbacks', query, page],
    queryFn: () => api.get<Page<CallbackQueueItem>>('/api/callbacks', { ...query, page, pageSize: 20 }),
    enabled: Boolean(projectId),
    placeholderData: keepPreviousData,
    refetchInterval: poll,
  });

  const columns: TableProps<CallbackQueueItem>['columns'] = [
    {
      title: t('callbacks.due'),
      dataIndex: 'dueAt',
      width: 210,
      render: (v: string, r) =>
        r.status === '待回访' ? (
          <Space orientation="vertical" size={0}>
            <DeadlineTag dueAt={v} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(v)}
            </Typography.Text>
          </Space>
        ) : (
          formatDateTime(v)
        ),
    },
    {
      title: t('tickets.fields.number'),
      dataIndex: 'ticketNumber',
      width: 170,
      render: (n: string, r) => (
        <Link to={`/tickets/${r.ticketId}`} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {n}
        </Link>
      ),
    },
    {
      title: t('tickets.fields.type'),
      dataIndex: 'type',
      width: 80,
      render: (v: TicketType) => <TicketTypeTag type={v} />,
    },
    { title: t('tickets.fields.title'), dataIndex: 'title' },
    {
      title: t('tickets.fields.unitAndContact'),
      key: 'contact',
      width: 180,
      render: (_: unknown, r) => [r.unitLabel, r.contactName].filter(Boolean).join(' · ') || '—',
    },
    {
      title: t('callbacks.roundCol'),
      key: 'round',
      width: 110,
      render: (_: unknown, r) => (
        <Space size={4}>
          <span>{t('callbacks.round', { round: r.round })}</span>
          {r.attempts > 0 && <Tag color="orange">{t('callbacks.attemptsShort', { count: r.attempts })}</Tag>}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_: unknown, r) =>
        r.status === '待回访' && can('callbacks.write') ? (
          <Button
            size="small"
            type="primary"
            icon={<CustomerServiceOutlined />}
            onClick={() => setRecording(r)}
            data-testid={`callback-record-${r.ticketNumber}`}
          >
            {t('callbacks.record')}
          </Button>
        ) : null,
    },
  ];

  const overdueCount = (list.data?.items ?? []).filter(
    (r) => r.status === '待回访' && Date.parse(r.dueAt) < now,
  ).length;

  return (
    <div>
      <PageHeader
        title={t('callbacks.queueTitle')}
        subTitle={t('callbacks.queueSubtitle')}
        extra={
          <Segmented<View>
            value={view}
            onChange={(v) => setParams(v === 'due' ? {} : { view: v }, { replace: true })}
            options={[
              { value: 'due', label: t('callbacks.views.due') },
              { value: 'overdue', label: t('callbacks.views.overdue') },
              { value: 'done', label: t('callbacks.views.done') },
            ]}
          />
        }
      />
      <Card>
        {view === 'due' && overdueCount > 0 && (
          <Typography.Paragraph type="danger">
            {t('callbacks.overdueOnPage', { count: overdueCount })}
          </Typography.Paragraph>
        )}
        <Table<CallbackQueueItem>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          data-testid="callback-queue"
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('callbacks.empty')} />,
          }}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p) => {
              const next = new URLSearchParams(params);
              if (p === 1) next.delete('page');
              else next.set('page', String(p));
              setParams(next, { replace: true });
            },
          }}
        />
      </Card>
      <CallbackModal
        open={Boolean(recording)}
        ticket={
          recording
            ? {
                id: recording.ticketId,
                projectId: recording.projectId,
                number: recording.ticketNumber,
                version: recording.ticketVersion,
                title: recording.title,
                contactPhone: recording.contactPhone,
              }
            : null
        }
        onClose={() => setRecording(null)}
      />
    </div>
  );
}

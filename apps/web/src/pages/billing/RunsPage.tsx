import type { BillingRun, Page } from '@guanjia/shared/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Progress, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { yuan } from './money';

const COLORS: Record<BillingRun['status'], string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

/** 计费: start a billing run for a period and watch its progress (polled while a run is going). */
export default function RunsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [period, setPeriod] = useState(dayjs().startOf('month'));
  const runs = useQuery({
    queryKey: ['billing-runs', projectId],
    queryFn: () =>
      api.get<Page<BillingRun>>('/api/billing-runs', { projectId: projectId ?? undefined, pageSize: 50 }),
    enabled: Boolean(projectId),
    // Live progress: poll every second while a run is queued or running.
    refetchInterval: (q) =>
      q.state.data?.items.some((r) => r.status === 'queued' || r.status === 'running') ? 1000 : false,
  });
  const start = useMutation({
    mutationFn: () =>
      api.post<BillingRun>('/api/billing-runs', { projectId, period: period.format('YYYY-MM') }),
    onSuccess: () => {
      void message.success(t('billing.runs.started'));
      void queryClient.invalidateQueries({ queryKey: ['billing-runs'] });
    },
    onError: (e) => onError(e),
  });
  if (!projectId) return <Empty description={t('billing.noProject')} />;
  return (
    <div>
      <PageHeader
        title={t('billing.runs.title')}
        subTitle={t('billing.runs.subtitle')}
        extra={
          can('billing.finance') && (
            <Space>
              <DatePicker
                picker="month"
                value={period}
                onChange={(v) => v && setPeriod(v)}
                allowClear={false}
                data-testid="run-period"
              />
              <Button
                type="primary"
                loading={start.isPending}
                onClick={() => start.mutate()}
                data-testid="run-start"
              >
                {t('billing.runs.start')}
              </Button>
            </Space>
          )
        }
      />
      <Card>
        <Table<BillingRun>
          rowKey="id"
          loading={runs.isLoading}
          dataSource={runs.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('billing.runs.period'), dataIndex: 'period', width: 100 },
            {
              title: t('billing.runs.status'),
              dataIndex: 'status',
              width: 100,
              render: (s: BillingRun['status'], r) => (
                <Tag color={COLORS[s]} title={r.error ?? undefined}>
                  {t(`billing.runStates.${s}`)}
                </Tag>
              ),
            },
            {
              title: t('billing.runs.progress'),
              key: 'progress',
              width: 200,
              render: (_: unknown, r) => (
                <Progress
                  size="small"
                  percent={
                    r.unitsTotal
                      ? Math.round((r.unitsDone / r.unitsTotal) * 100)
                      : r.status === 'done'
                        ? 100
                        : 0
                  }
                  format={() => `${r.unitsDone}/${r.unitsTotal}`}
                />
              ),
            },
            { title: t('billing.runs.bills'), dataIndex: 'billsCreated', width: 90 },
            { title: t('billing.runs.lines'), dataIndex: 'linesCreated', width: 90 },
            { title: t('billing.runs.amount'), dataIndex: 'amountCreated', render: (v: number) => yuan(v) },
            { title: t('billing.runs.startedBy'), dataIndex: 'startedByName', width: 110 },
            {
              title: t('billing.runs.finishedAt'),
              dataIndex: 'finishedAt',
              render: (v: string | null) => (v ? formatDateTime(v).slice(0, 16) : '—'),
            },
          ]}
        />
      </Card>
    </div>
  );
}

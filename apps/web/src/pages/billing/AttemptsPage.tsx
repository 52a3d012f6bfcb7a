import { ATTEMPT_CHANNELS, ATTEMPT_OUTCOMES } from '@guanjia/shared';
import type { CollectionAttempt, Page } from '@guanjia/shared/api';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { ExportButton } from '../../components/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { LogAttemptModal } from './LogAttemptModal';
import { money, OUTCOME_COLORS } from './labels';
import { UnitCollectionDrawer } from './UnitCollectionDrawer';

/** 催缴记录: every attempt, filtered by channel and result, exported for the meeting; log a call result. */
export default function AttemptsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const qc = useQueryClient();
  const [filters, setFilters] = useState<{ channel?: string; outcome?: string }>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [logging, setLogging] = useState(false);
  const [unitId, setUnitId] = useState<number | null>(null);
  const query = { projectId: projectId ?? 0, ...filters, ...page };
  const list = useQuery({
    queryKey: ['collection-attempts', query],
    queryFn: () => api.get<Page<CollectionAttempt>>('/api/collection-attempts', query),
    enabled: !!projectId,
  });
  if (!projectId) return <Empty description={t('collection.noProject')} />;
  return (
    <div>
      <PageHeader
        title={t('collection.attempts.title')}
        subTitle={t('collection.attempts.subtitle')}
        extra={
          <Space>
            <ExportButton path="/api/collection-attempts" query={{ ...query, format: 'xlsx' }} />
            {can('billing.collect') && (
              <Button type="primary" onClick={() => setLogging(true)}>
                {t('collection.unit.logCall')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <Space style={{ marginBottom: 12 }}>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('collection.attempts.allChannels')}
            value={filters.channel}
            onChange={(channel) => setFilters((f) => ({ ...f, channel }))}
            options={ATTEMPT_CHANNELS.map((c) => ({ value: c, label: t(`collection.channels.${c}`) }))}
          />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('collection.attempts.allOutcomes')}
            value={filters.outcome}
            onChange={(outcome) => setFilters((f) => ({ ...f, outcome }))}
            options={ATTEMPT_OUTCOMES.map((o) => ({ value: o, label: t(`collection.outcomes.${o}`) }))}
          />
        </Space>
        <Table
          size="small"
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          data-testid="attempts"
          onRow={(a) => ({ onClick: () => setUnitId(a.unitId), style: { cursor: 'pointer' } })}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            {
              title: t('collection.attempts.time'),
              render: (_, a) => formatDateTime(a.attemptedAt ?? a.scheduledAt).slice(0, 16),
            },
            { title: t('collection.attempts.unit'), dataIndex: 'unitLabel' },
            { title: t('collection.attempts.resident'), dataIndex: 'residentName' },
            { title: t('collection.attempts.level'), dataIndex: 'level', align: 'right' },
            {
              title: t('collection.attempts.channel'),
              render: (_, a) => t(`collection.channels.${a.channel}`),
            },
            {
              title: t('collection.attempts.status'),
              render: (_, a) => (
                <Space size={4}>
                  {a.status !== 'done' && <Tag>{t(`collection.statuses.${a.status}`)}</Tag>}
                  {a.outcome && (
                    <Tag color={OUTCOME_COLORS[a.outcome]}>{t(`collection.outcomes.${a.outcome}`)}</Tag>
                  )}
                </Space>
              ),
            },
            { title: t('collection.attempts.owed'), align: 'right', render: (_, a) => money(a.owedAmount) },
            {
              title: t('collection.attempts.promise'),
              render: (_, a) =>
                a.promisedDate ? (
                  <Space size={4}>
                    {a.promisedDate} {money(a.promisedAmount)}
                    {a.promiseState && <Tag color="gold">{t(`collection.promise.${a.promiseState}`)}</Tag>}
                  </Space>
                ) : null,
            },
            {
              title: t('collection.attempts.by'),
              render: (_, a) => a.byName ?? t('collection.attempts.system'),
            },
            { title: t('collection.attempts.note'), dataIndex: 'note', ellipsis: true },
          ]}
        />
      </Card>
      <LogAttemptModal
        open={logging}
        projectId={projectId}
        onClose={() => setLogging(false)}
        onSaved={() => void qc.invalidateQueries({ queryKey: ['collection-attempts'] })}
      />
      <UnitCollectionDrawer unitId={unitId} onClose={() => setUnitId(null)} />
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Select, Space, Table, type TableProps, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useStaffNames } from '../../api/hooks';
import type { Page } from '../../api/types';
import { formatDateTime } from '../../format';
import { SampleModal } from './SampleModal';
import { ScoreDrawer } from './ScoreDrawer';
import { SubjectLink } from './SubjectLink';
import { QA_STATUSES, type QaPlan, type QaReview, type QaStatus, STATUS_COLOR } from './types';

/** The reviewer's work list: flagged items first, filtered by agent, status and week. */
export function ReviewsTab({ projectId, plan }: { projectId: number; plan: QaPlan | undefined }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<QaStatus | undefined>();
  const [agentId, setAgentId] = useState<number | undefined>();
  const [week, setWeek] = useState<Dayjs | null>(null);
  const [sampling, setSampling] = useState(false);
  const [scoring, setScoring] = useState<QaReview | null>(null);
  const staff = useStaffNames(true);
  const from = week?.startOf('week');
  const query = {
    projectId,
    page,
    pageSize: 20,
    status,
    agentId,
    from: from?.format(),
    to: from?.add(1, 'week').format(),
  };
  const list = useQuery({
    queryKey: ['qa-reviews', query],
    queryFn: () => api.get<Page<QaReview>>('/api/qa/reviews', query),
  });
  const columns: TableProps<QaReview>['columns'] = [
    { title: t('quality.subject'), key: 'subject', render: (_: unknown, r) => <SubjectLink review={r} /> },
    {
      title: t('quality.agent'),
      dataIndex: 'agentName',
      width: 100,
      render: (v: string | null) => v ?? t('events.unknownStaff'),
    },
    {
      title: t('quality.subjectAt'),
      dataIndex: 'subjectAt',
      width: 130,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('quality.status'),
      dataIndex: 'status',
      width: 90,
      render: (v: QaStatus) => <Tag color={STATUS_COLOR[v]}>{t(`quality.statuses.${v}`)}</Tag>,
    },
    { title: t('quality.total'), dataIndex: 'total', width: 70, render: (v: number | null) => v ?? '—' },
    {
      title: '',
      key: 'actions',
      width: 100,
      render: (_: unknown, r) =>
        r.status === '待评分' || r.status === '申诉中' ? (
          <Button
            size="small"
            type={r.status === '申诉中' ? 'primary' : 'default'}
            onClick={() => setScoring(r)}
            data-testid="review-score"
          >
            {r.status === '申诉中' ? t('quality.settle') : t('quality.score')}
          </Button>
        ) : r.status === '已评分' ? (
          <Button size="small" type="link" onClick={() => setScoring(r)}>
            {t('quality.rescore')}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setSampling(true)} data-testid="sample-open">
          {t('quality.runSample')}
        </Button>
        <DatePicker
          picker="week"
          value={week}
          onChange={(v) => {
            setWeek(v);
            setPage(1);
          }}
          placeholder={t('quality.week')}
        />
        <Select<number>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('quality.agent')}
          style={{ width: 140 }}
          value={agentId}
          onChange={(v) => {
            setAgentId(v);
            setPage(1);
          }}
          options={[...(staff.data ?? new Map<number, string>())].map(([id, name]) => ({
            value: id,
            label: name,
          }))}
        />
        <Select<QaStatus>
          allowClear
          placeholder={t('quality.status')}
          style={{ width: 120 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={QA_STATUSES.map((s) => ({ value: s, label: t(`quality.statuses.${s}`) }))}
          data-testid="status-filter"
        />
      </Space>
      <Table<QaReview>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        data-testid="qa-reviews"
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
      />
      <SampleModal
        open={sampling}
        projectId={projectId}
        percent={plan?.samplePercent ?? 5}
        onClose={() => setSampling(false)}
      />
      <ScoreDrawer review={scoring} checklist={plan?.checklist ?? []} onClose={() => setScoring(null)} />
    </>
  );
}

import { COMPLAINT_CAUSES, COMPLAINT_GRADES } from '@guanjia/shared';
import type { ComplaintLedgerItem, Department, Page } from '@guanjia/shared/api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Checkbox, Input, Select, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { ExportButton } from '../../components/ExportButton';
import { TicketStatusTag } from '../../components/ServiceTags';
import { formatDateTime } from '../../format';
import { GradeTag, ReviewTag, useAge } from './labels';

type Status = 'all' | 'open' | 'closed' | 'review';

/** The 投诉台账: every complaint with grade, department, age, promised/actual reply, result, satisfaction. */
export function LedgerTab({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const age = useAge();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<Status>('all');
  const [grade, setGrade] = useState<string[]>([]);
  const [cause, setCause] = useState<string[]>([]);
  const [departmentId, setDepartmentId] = useState<number | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [supervised, setSupervised] = useState(false);
  const [q, setQ] = useState('');
  const departments = useQuery({
    queryKey: ['departments', projectId],
    queryFn: () => api.get<{ items: Department[] }>('/api/departments', { projectId }),
  });
  const query = {
    projectId,
    status,
    grade: grade.join(',') || undefined,
    cause: cause.join(',') || undefined,
    departmentId,
    overdue: overdue ? 'true' : undefined,
    supervised: supervised ? 'true' : undefined,
    q: q || undefined,
  };
  const list = useQuery({
    queryKey: ['complaints', query, page],
    queryFn: () => api.get<Page<ComplaintLedgerItem>>('/api/complaints', { ...query, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  const when = (v: string | null) => (v ? formatDateTime(v).slice(0, 16) : '—');

  const columns: TableProps<ComplaintLedgerItem>['columns'] = [
    {
      title: t('complaints.fields.number'),
      dataIndex: 'number',
      width: 190,
      render: (n: string, r) => (
        <Space size={4}>
          <Link to={`/tickets/${r.id}`}>{n}</Link>
          {r.supervised && <Tag color="volcano">{t('complaints.supervised')}</Tag>}
        </Space>
      ),
    },
    { title: t('complaints.fields.title'), dataIndex: 'title', ellipsis: true, width: 200 },
    {
      title: t('complaints.fields.status'),
      dataIndex: 'status',
      width: 150,
      render: (v: ComplaintLedgerItem['status'], r) => (
        <Space size={4}>
          <TicketStatusTag status={v} />
          <ReviewTag state={r.reviewState} />
        </Space>
      ),
    },
    {
      title: t('complaints.fields.grade'),
      dataIndex: 'grade',
      width: 70,
      render: (v: ComplaintLedgerItem['grade']) => <GradeTag grade={v} />,
    },
    {
      title: t('complaints.fields.cause'),
      dataIndex: 'cause',
      width: 90,
      render: (v: string | null) => (v ? t(`complaints.causes.${v}`) : '—'),
    },
    {
      title: t('complaints.fields.department'),
      key: 'dept',
      width: 140,
      render: (_: unknown, r) => [r.departmentName, r.assigneeName].filter(Boolean).join(' · ') || '—',
    },
    { title: t('complaints.fields.owner'), dataIndex: 'ownerName', width: 90, render: (v) => v ?? '—' },
    {
      title: t('complaints.fields.age'),
      dataIndex: 'ageHours',
      width: 100,
      render: (v: number, r) => (
        <Typography.Text type={r.overdue ? 'danger' : undefined}>
          {age(v)}
          {r.overdue && ` · ${t('complaints.overdue')}`}
        </Typography.Text>
      ),
    },
    {
      title: t('complaints.fields.promised'),
      dataIndex: 'promisedReplyAt',
      width: 140,
      render: (v: string | null) => when(v),
    },
    {
      title: t('complaints.fields.firstReply'),
      dataIndex: 'firstReplyAt',
      width: 140,
      render: (v: string | null, r) => (
        <Typography.Text
          type={
            r.promisedReplyAt && (!v || Date.parse(v) > Date.parse(r.promisedReplyAt)) ? 'warning' : undefined
          }
        >
          {when(v)}
        </Typography.Text>
      ),
    },
    {
      title: t('complaints.fields.result'),
      dataIndex: 'result',
      ellipsis: true,
      width: 200,
      render: (v) => v ?? '—',
    },
    {
      title: t('complaints.fields.satisfaction'),
      dataIndex: 'satisfied',
      width: 90,
      render: (v: boolean | null) =>
        v === null ? (
          <Typography.Text type="secondary">{t('complaints.notCalled')}</Typography.Text>
        ) : v ? (
          <Tag color="green">{t('complaints.satisfied')}</Tag>
        ) : (
          <Tag color="red">{t('complaints.unsatisfied')}</Tag>
        ),
    },
  ];

  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<Status>
          value={status}
          onChange={reset(setStatus)}
          style={{ width: 120 }}
          options={(['all', 'open', 'review', 'closed'] as const).map((s) => ({
            value: s,
            label: t(`complaints.statusFilter.${s}`),
          }))}
          data-testid="ledger-status"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('complaints.fields.grade')}
          value={grade}
          onChange={reset(setGrade)}
          style={{ minWidth: 130 }}
          options={COMPLAINT_GRADES.map((g) => ({ value: g, label: t(`complaints.grades.${g}`) }))}
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('complaints.fields.cause')}
          value={cause}
          onChange={reset(setCause)}
          style={{ minWidth: 150 }}
          options={COMPLAINT_CAUSES.map((c) => ({ value: c, label: t(`complaints.causes.${c}`) }))}
        />
        <Select
          allowClear
          placeholder={t('complaints.fields.department')}
          value={departmentId}
          onChange={reset(setDepartmentId)}
          style={{ width: 140 }}
          options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
        <Checkbox checked={overdue} onChange={(e) => reset(setOverdue)(e.target.checked)}>
          {t('complaints.filters.overdueOnly')}
        </Checkbox>
        <Checkbox checked={supervised} onChange={(e) => reset(setSupervised)(e.target.checked)}>
          {t('complaints.filters.supervisedOnly')}
        </Checkbox>
        <Input.Search
          allowClear
          placeholder={t('complaints.filters.search')}
          onSearch={reset(setQ)}
          style={{ width: 220 }}
        />
        <ExportButton path="/api/complaints" query={{ ...query, format: 'xlsx' }} />
      </Space>
      <Table<ComplaintLedgerItem>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        data-testid="complaint-ledger"
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: setPage,
          showSizeChanger: false,
        }}
      />
    </>
  );
}

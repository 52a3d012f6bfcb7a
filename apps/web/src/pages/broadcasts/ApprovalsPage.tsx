import type { BroadcastApproval } from '@guanjia/shared/api';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Input, Popconfirm, Segmented, Space, Table, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useStaffNames } from '../../api/hooks';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';

const STATUS_COLOR: Record<BroadcastApproval['status'], string> = {
  待批准: 'orange',
  已批准: 'green',
  已拒绝: 'default',
};

/** 群发审批: mass sends held above the threshold, for a second person to let go or refuse. */
export default function ApprovalsPage() {
  const { t } = useTranslation();
  const { projectId, can, user } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const names = useStaffNames(can('staff.read'));
  const [pendingOnly, setPendingOnly] = useState(true);
  const [page, setPage] = useState(1);
  const [reason, setReason] = useState('');
  const query = {
    projectId: projectId ?? undefined,
    status: pendingOnly ? '待批准' : undefined,
    page,
    pageSize: 20,
  };
  const list = useQuery({
    queryKey: ['broadcast-approvals', query],
    queryFn: () => api.get<Page<BroadcastApproval>>('/api/broadcast-approvals', query),
    enabled: Boolean(projectId),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
  const decide = useMutation({
    mutationFn: ({ a, approve }: { a: BroadcastApproval; approve: boolean }) =>
      api.post<BroadcastApproval>(`/api/broadcast-approvals/${a.id}/decide`, {
        version: a.version,
        approve,
        reason: approve ? null : reason.trim() || null,
      }),
    onSuccess: (a) => {
      void message.success(
        a.status === '已批准' ? t('broadcasts.approvals.approved') : t('broadcasts.approvals.rejected'),
      );
      setReason('');
      void queryClient.invalidateQueries({ queryKey: ['broadcast-approvals'] });
      void queryClient.invalidateQueries({ queryKey: ['incidents'] });
      void queryClient.invalidateQueries({ queryKey: ['notices'] });
    },
    onError: (error) => onError(error),
  });

  const columns: TableProps<BroadcastApproval>['columns'] = [
    {
      title: t('broadcasts.approvals.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: BroadcastApproval['kind']) => <Tag>{t(`broadcasts.approvals.kinds.${k}`)}</Tag>,
    },
    { title: t('incidents.eventTitle'), dataIndex: 'title' },
    { title: t('broadcasts.approvals.recipients'), dataIndex: 'recipients', width: 100 },
    { title: t('broadcasts.approvals.threshold'), dataIndex: 'threshold', width: 80 },
    {
      title: t('broadcasts.approvals.requestedBy'),
      dataIndex: 'requestedById',
      width: 120,
      render: (id: number) => names.data?.get(id) ?? `#${id}`,
    },
    {
      title: t('broadcasts.approvals.requestedAt'),
      dataIndex: 'requestedAt',
      width: 150,
      render: (v: string) => formatDateTime(v).slice(0, 16),
    },
    {
      title: t('broadcasts.approvals.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: BroadcastApproval['status']) => (
        <Tag color={STATUS_COLOR[s]}>{t(`broadcasts.approvals.statuses.${s}`)}</Tag>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_: unknown, a) => {
        if (a.status !== '待批准' || !can('notices.approve')) return null;
        // Nobody approves their own request: the server refuses it too.
        if (a.requestedById === user?.id) return <Tag>{t('broadcasts.approvals.own')}</Tag>;
        return (
          <Space>
            <Button
              size="small"
              type="primary"
              loading={decide.isPending}
              onClick={() => decide.mutate({ a, approve: true })}
              data-testid={`approval-approve-${a.id}`}
            >
              {t('broadcasts.approvals.approve')}
            </Button>
            <Popconfirm
              title={t('broadcasts.approvals.rejectReason')}
              description={<Input value={reason} onChange={(e) => setReason(e.target.value)} />}
              onConfirm={() => decide.mutate({ a, approve: false })}
            >
              <Button size="small" danger>
                {t('broadcasts.approvals.reject')}
              </Button>
            </Popconfirm>
          </Space>
        );
      },
    },
  ];

  if (!projectId) return <Empty style={{ marginTop: 64 }} description={t('dashboard.noProject')} />;
  return (
    <>
      <PageHeader
        title={t('broadcasts.approvals.title')}
        subTitle={t('broadcasts.approvals.subtitle')}
        extra={
          <Segmented
            value={pendingOnly ? 'pending' : 'all'}
            onChange={(v) => {
              setPendingOnly(v === 'pending');
              setPage(1);
            }}
            options={[
              { value: 'pending', label: t('broadcasts.approvals.statuses.待批准') },
              { value: 'all', label: t('incidents.all') },
            ]}
          />
        }
      />
      <Table<BroadcastApproval>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
      />
    </>
  );
}

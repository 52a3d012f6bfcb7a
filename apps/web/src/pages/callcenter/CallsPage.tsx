import { PhoneOutlined } from '@ant-design/icons';
import { formatPhone } from '@guanjia/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Segmented, Table, type TableProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { CallItem } from '../../api/callTypes';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useLiveRefresh } from '../../live/useLiveRefresh';

type View = 'all' | 'pending';

/** 通话记录 and the missed-call callback list (未接来电回拨), with click-to-call. */
export default function CallsPage() {
  const { t } = useTranslation();
  const { projectId, can } = useAuth();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') as View | null) ?? 'all';
  const page = Number(params.get('page')) || 1;
  const poll = useLiveRefresh(['call.updated'], [['calls']], {
    filter: (m) => m.projectId === undefined || m.projectId === projectId,
  });
  const query = { projectId: projectId ?? undefined, callback: view === 'pending' ? 'pending' : undefined };
  const list = useQuery({
    queryKey: ['calls', query, page],
    queryFn: () => api.get<Page<CallItem>>('/api/calls', { ...query, page, pageSize: 20 }),
    enabled: Boolean(projectId),
    placeholderData: keepPreviousData,
    refetchInterval: poll,
  });
  const dial = useMutation({
    mutationFn: (c: CallItem) =>
      api.post<CallItem>('/api/telephony/dial', {
        projectId: c.projectId,
        number: c.direction === 'in' ? c.from : c.to,
        ticketId: c.tickets[0]?.id ?? null,
      }),
    onSuccess: () => {
      void message.success(t('calls.dialing'));
      void queryClient.invalidateQueries({ queryKey: ['calls'] });
    },
    onError: (e) => onError(e),
  });

  const seconds = (v: number | null) => (v === null ? '—' : t('calls.seconds', { count: v }));
  const columns: TableProps<CallItem>['columns'] = [
    {
      title: t('calls.startedAt'),
      dataIndex: 'startedAt',
      width: 150,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('calls.directionLabel'),
      dataIndex: 'direction',
      width: 80,
      render: (v: CallItem['direction']) => (
        <Tag color={v === 'in' ? 'blue' : 'green'}>{t(`calls.direction.${v}`)}</Tag>
      ),
    },
    { title: t('calls.from'), dataIndex: 'from', render: (v: string | null) => formatPhone(v) || '—' },
    { title: t('calls.to'), dataIndex: 'to', render: (v: string | null) => formatPhone(v) || '—' },
    {
      title: t('calls.stateLabel'),
      dataIndex: 'state',
      width: 90,
      render: (v: CallItem['state'], r) =>
        r.callbackState === 'pending' ? (
          <Tag color="red">{t('calls.missed')}</Tag>
        ) : (
          <Tag>{t(`calls.state.${v}`)}</Tag>
        ),
    },
    { title: t('calls.agent'), dataIndex: 'agentName', render: (v: string | null) => v ?? '—' },
    { title: t('calls.queue'), dataIndex: 'queue', render: (v: string | null) => v ?? '—' },
    { title: t('calls.wait'), dataIndex: 'waitSeconds', width: 80, render: seconds },
    { title: t('calls.talk'), dataIndex: 'talkSeconds', width: 80, render: seconds },
    {
      title: t('calls.tickets'),
      dataIndex: 'tickets',
      render: (v: CallItem['tickets']) =>
        v.map((x) => (
          <Link key={x.id} to={`/tickets/${x.id}`} style={{ marginRight: 8 }}>
            {x.number}
          </Link>
        )),
    },
    {
      title: t('calls.recording'),
      dataIndex: 'recordingUrl',
      width: 80,
      render: (v: string | null) =>
        v ? (
          <a href={v} target="_blank" rel="noreferrer">
            {t('calls.listen')}
          </a>
        ) : (
          '—'
        ),
    },
    {
      title: t('quality.transcript'),
      dataIndex: 'transcript',
      ellipsis: true,
      render: (v: string | null, r) => (
        <>
          {r.forbidden.length > 0 && (
            <Tag color="red" data-testid="forbidden-tag">
              {t('quality.forbiddenTag')}：{r.forbidden.join('、')}
            </Tag>
          )}
          {v ? <Typography.Text title={v}>{v}</Typography.Text> : r.forbidden.length ? null : '—'}
        </>
      ),
    },
    {
      title: '',
      key: 'actions',
      width: 100,
      render: (_: unknown, r) =>
        can('calls.handle') && !r.piiMasked ? (
          <Button
            size="small"
            icon={<PhoneOutlined />}
            loading={dial.isPending}
            onClick={() => dial.mutate(r)}
          >
            {t('calls.callBack')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('calls.title')}
        subTitle={t('calls.subtitle')}
        extra={
          <Segmented
            value={view}
            onChange={(v) => setParams({ view: String(v) })}
            options={[
              { value: 'all', label: t('calls.viewAll') },
              { value: 'pending', label: t('calls.viewPending') },
            ]}
          />
        }
      />
      <Card>
        <Table<CallItem>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            onChange: (p) => setParams({ view, page: String(p) }),
          }}
        />
      </Card>
    </>
  );
}

import { AlertOutlined, EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Segmented, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import type { Page, WorkOrderListItem, WorkOrderView } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PriorityTag, WorkOrderStatusTag } from '../../components/ServiceTags';
import { DeadlineTag } from '../../components/SlaCountdown';
import { useLiveRefresh } from '../../live/useLiveRefresh';
import { useServiceVocab } from '../../serviceVocab';
import { MySupervisions } from '../complaints/MySupervisions';
import { PatrolEntry } from '../patrol/PatrolEntry';
import { currentDeadline } from '../tickets/WorkOrderPanel';

type Tab = 'mine' | 'pool' | 'done';
const HELD = '已派单,已接单,已到场,处理中,挂起';

export function TechCard({
  wo,
  onOpen,
  action,
}: {
  wo: WorkOrderListItem;
  onOpen?: () => void;
  action?: ReactNode;
}) {
  const sv = useServiceVocab();
  const deadline = currentDeadline(wo);
  const body = (
    <>
      <div style={{ display: 'flex', alignItems: 'center', gap: 6, marginBottom: 6 }}>
        <WorkOrderStatusTag status={wo.status} />
        <PriorityTag priority={wo.priority} />
        <div style={{ flex: 1 }} />
        {deadline && (
          <DeadlineTag
            dueAt={deadline.dueAt}
            paused={wo.status === '挂起'}
            label={sv.clockKind(deadline.kind)}
          />
        )}
      </div>
      <div style={{ fontSize: 17, fontWeight: 600, lineHeight: 1.4 }}>{wo.title}</div>
      <div style={{ color: '#595959', marginTop: 4, display: 'flex', alignItems: 'center', gap: 4 }}>
        <EnvironmentOutlined />
        <span>{wo.unitLabel ?? '—'}</span>
        <span style={{ color: '#bfbfbf' }}>·</span>
        <span style={{ fontVariantNumeric: 'tabular-nums', fontSize: 12 }}>{wo.ticketNumber}</span>
      </div>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '6px 0 0' }}>
        {wo.description}
      </Typography.Paragraph>
    </>
  );
  return (
    <div
      style={{
        background: '#fff',
        borderRadius: 12,
        marginBottom: 10,
        boxShadow: '0 1px 2px rgba(0,0,0,.06)',
        borderInlineStart: wo.priority === '急' ? '4px solid #ff4d4f' : '4px solid transparent',
        overflow: 'hidden',
      }}
      data-testid={`tech-card-${wo.ticketNumber}`}
    >
      {onOpen ? (
        <button
          type="button"
          onClick={onOpen}
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            width: '100%',
            border: 'none',
            background: 'transparent',
            textAlign: 'start',
            padding: 14,
            font: 'inherit',
            cursor: 'pointer',
            minHeight: 88,
          }}
        >
          <div style={{ flex: 1, minWidth: 0 }}>{body}</div>
          <RightOutlined style={{ color: '#bfbfbf' }} />
        </button>
      ) : (
        <div style={{ padding: 14 }}>{body}</div>
      )}
      {action && <div style={{ padding: '0 14px 14px' }}>{action}</div>}
    </div>
  );
}

/** 我的派工: orders I hold, the grab pool of my projects, and what I finished lately. */
export default function TechHomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { can } = useAuth();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as Tab | null) ?? 'mine';
  const poll = useLiveRefresh(
    ['workorder.updated', 'ticket.updated', 'ticket.created'],
    [['work-orders', 'tech']],
    {
      pollMs: 20_000,
    },
  );
  const query = (which: Tab) => ({
    queryKey: ['work-orders', 'tech', which],
    queryFn: () =>
      api.get<Page<WorkOrderListItem>>('/api/work-orders', {
        view: which === 'pool' ? 'pool' : 'mine',
        status: which === 'mine' ? HELD : which === 'done' ? '已完成' : undefined,
        pageSize: which === 'done' ? 20 : 100,
      }),
    refetchInterval: poll,
  });
  const mine = useQuery(query('mine'));
  const pool = useQuery(query('pool'));
  const done = useQuery({ ...query('done'), enabled: tab === 'done' });
  const current = tab === 'mine' ? mine : tab === 'pool' ? pool : done;

  const grab = useMutation({
    mutationFn: (wo: WorkOrderListItem) =>
      api.post<WorkOrderView>(`/api/work-orders/${wo.id}/grab`, { version: wo.version }),
    onSuccess: (wo) => {
      void message.success(t('tech.grabbed', { number: wo.number }));
      void queryClient.invalidateQueries({ queryKey: ['work-orders'] });
      void navigate(`/tech/wo/${wo.id}`);
    },
    onError: (error) =>
      onError(error, { onReload: () => void queryClient.invalidateQueries({ queryKey: ['work-orders'] }) }),
  });

  // Orders waiting for me to accept come first, then by the nearest deadline.
  const items = [...(current.data?.items ?? [])].sort(
    (a, b) =>
      Number(b.status === '已派单') - Number(a.status === '已派单') ||
      Number(b.priority === '急') - Number(a.priority === '急') ||
      (currentDeadline(a)?.dueAt ?? '9').localeCompare(currentDeadline(b)?.dueAt ?? '9'),
  );

  return (
    <div data-testid="tech-home">
      {can('inspections.execute') && (
        <Segmented
          block
          size="large"
          value="work"
          onChange={(v) => v === 'inspections' && navigate('/tech/inspections')}
          options={[
            { value: 'work', label: t('assets.tech.myWork') },
            { value: 'inspections', label: t('assets.tech.inspections') },
          ]}
          style={{ marginBottom: 12 }}
          data-testid="tech-inspections-link"
        />
      )}
      <EmergencyEntry />
      <MySupervisions />
      <PatrolEntry />
      <Segmented<Tab>
        block
        size="large"
        value={tab}
        onChange={(v) => setParams(v === 'mine' ? {} : { tab: v }, { replace: true })}
        options={[
          { value: 'mine', label: t('tech.mine', { count: mine.data?.total ?? 0 }) },
          { value: 'pool', label: t('tech.pool', { count: pool.data?.total ?? 0 }) },
          { value: 'done', label: t('tech.done') },
        ]}
        style={{ marginBottom: 12 }}
        data-testid="tech-tabs"
      />
      <Spin spinning={current.isLoading}>
        {items.length === 0 && !current.isLoading ? (
          <Empty
            style={{ marginTop: 48 }}
            description={
              tab === 'pool'
                ? t('tech.poolEmpty')
                : tab === 'done'
                  ? t('tech.doneEmpty')
                  : t('tech.mineEmpty')
            }
          />
        ) : (
          items.map((wo) =>
            tab === 'pool' ? (
              <TechCard
                key={wo.id}
                wo={wo}
                action={
                  <Button
                    type="primary"
                    size="large"
                    block
                    loading={grab.isPending && grab.variables?.id === wo.id}
                    onClick={() => grab.mutate(wo)}
                    style={{ height: 48 }}
                    data-testid={`grab-${wo.ticketNumber}`}
                  >
                    {t('tech.grab')}
                  </Button>
                }
              />
            ) : (
              <TechCard key={wo.id} wo={wo} onOpen={() => navigate(`/tech/wo/${wo.id}`)} />
            ),
          )
        )}
      </Spin>
    </div>
  );
}

/** 上报突发事件: one tap from the phone's home (issue 17), for anyone who may report. */
function EmergencyEntry() {
  const { t } = useTranslation();
  const { can } = useAuth();
  if (!can('emergencies.report')) return null;
  return (
    <Link to="/tech/emergency" data-testid="tech-emergency">
      <Button danger block size="large" icon={<AlertOutlined />} style={{ marginBottom: 10 }}>
        {t('emergencies.phone.entry')}
      </Button>
    </Link>
  );
}

import { PrinterOutlined, SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import type { WorkOrderStatus } from '@guanjia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Badge,
  Button,
  Card,
  Empty,
  Progress,
  Segmented,
  Space,
  Switch,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useTechnicians } from '../../api/serviceHooks';
import type { Page, Technician, WorkOrderListItem } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { PriorityTag } from '../../components/ServiceTags';
import { DeadlineTag } from '../../components/SlaCountdown';
import { useLiveRefresh } from '../../live/useLiveRefresh';
import { useServiceVocab, WO_STATUS_COLOR } from '../../serviceVocab';
import { DispatchModal, type DispatchTarget } from '../tickets/DispatchModal';
import { currentDeadline } from '../tickets/WorkOrderPanel';
import { PrintShiftButton, printUrl } from './PrintButtons';

const COLUMNS: WorkOrderStatus[] = ['待派单', '已派单', '已接单', '已到场', '处理中', '挂起'];
const COLOR_HEX: Record<string, string> = {
  orange: '#fa8c16',
  blue: '#1677ff',
  geekblue: '#2f54eb',
  cyan: '#13c2c2',
  processing: '#1677ff',
  gold: '#faad14',
};

function WorkOrderCard({
  wo,
  onDispatch,
  onTransfer,
}: {
  wo: WorkOrderListItem;
  onDispatch: () => void;
  onTransfer: () => void;
}) {
  const { t } = useTranslation();
  const sv = useServiceVocab();
  const deadline = currentDeadline(wo);
  const allowed = new Set(wo.allowedActions);
  return (
    <Card
      size="small"
      style={{ marginBottom: 8, borderInlineStart: wo.priority === '急' ? '3px solid #ff4d4f' : undefined }}
      styles={{ body: { padding: 10 } }}
      data-testid={`wo-card-${wo.ticketNumber}`}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 6, alignItems: 'center' }}>
        <Link to={`/tickets/${wo.ticketId}`} style={{ fontVariantNumeric: 'tabular-nums', fontSize: 12 }}>
          {wo.ticketNumber}
        </Link>
        <PriorityTag priority={wo.priority} />
      </div>
      <div style={{ fontWeight: 500, margin: '4px 0' }}>{wo.title}</div>
      <div style={{ fontSize: 12, color: '#8c8c8c', marginBottom: 6 }}>
        {[wo.unitLabel, wo.skill, sv.dispatchMode(wo.dispatchMode)].filter(Boolean).join(' · ')}
      </div>
      <Space size={[4, 4]} wrap>
        {deadline && (
          <DeadlineTag
            dueAt={deadline.dueAt}
            paused={wo.status === '挂起'}
            label={sv.clockKind(deadline.kind)}
          />
        )}
        {wo.technicianName && <Tag style={{ marginInlineEnd: 0 }}>{wo.technicianName}</Tag>}
        {wo.returnCount > 0 && (
          <Tag color="orange" style={{ marginInlineEnd: 0 }}>
            {t('dispatch.returned', { count: wo.returnCount })}
          </Tag>
        )}
      </Space>
      {wo.status === '挂起' && wo.lastReason && (
        <div style={{ fontSize: 12, color: '#ad6800', marginTop: 4 }}>{wo.lastReason}</div>
      )}
      <div style={{ marginTop: 8, display: 'flex', gap: 6 }}>
        {allowed.has('dispatch') && (
          <Button
            size="small"
            type="primary"
            icon={<UserAddOutlined />}
            onClick={onDispatch}
            data-testid="board-dispatch"
          >
            {t('dispatch.dispatch')}
          </Button>
        )}
        {allowed.has('transfer') && (
          <Button size="small" icon={<SwapOutlined />} onClick={onTransfer}>
            {t('dispatch.transfer')}
          </Button>
        )}
        <Tooltip title={t('jobCard.print')}>
          <Button
            size="small"
            icon={<PrinterOutlined />}
            href={printUrl(wo.id)}
            target="_blank"
            aria-label={t('jobCard.print')}
            data-testid="board-print"
          />
        </Tooltip>
      </div>
    </Card>
  );
}

function TechnicianLoad({
  people,
  projectId,
  loading,
}: {
  people: Technician[];
  projectId: number;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const duty = useMutation({
    mutationFn: ({ id, onDuty }: { id: number; onDuty: boolean }) =>
      api.put(`/api/technicians/${id}/duty`, { onDuty }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['technicians', projectId] });
      void queryClient.invalidateQueries({ queryKey: ['work-orders'] });
    },
    onError: (error) => onError(error),
  });
  return (
    <Card title={t('dispatch.loadTitle')} size="small" loading={loading} data-testid="technician-load">
      {people.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dispatch.noTechnicians')} />
      )}
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(210px, 1fr))',
          gap: '4px 16px',
        }}
      >
        {people.map((p) => {
          const full = p.cap !== null && p.openCount >= p.cap;
          return (
            <div key={p.id} style={{ padding: '4px 0' }} data-testid={`tech-row-${p.displayName}`}>
              <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                <Badge status={p.onDuty ? 'success' : 'default'} />
                <Tooltip title={[p.department, ...p.skills].filter(Boolean).join(' · ')}>
                  <Typography.Text strong style={{ flex: 1 }} ellipsis>
                    {p.displayName}
                  </Typography.Text>
                </Tooltip>
                <Switch
                  size="small"
                  checked={p.onDuty}
                  loading={duty.isPending && duty.variables?.id === p.id}
                  onChange={(onDuty) => duty.mutate({ id: p.id, onDuty })}
                  checkedChildren={t('dispatch.onDuty')}
                  unCheckedChildren={t('dispatch.offDuty')}
                  aria-label={p.onDuty ? t('dispatch.setOffDuty') : t('dispatch.setOnDuty')}
                  data-testid={`duty-${p.id}`}
                />
              </div>
              <Progress
                size="small"
                style={{ margin: 0 }}
                percent={p.cap ? Math.min(100, Math.round((p.openCount / p.cap) * 100)) : 0}
                status={full ? 'exception' : 'normal'}
                format={() => (p.cap ? `${p.openCount}/${p.cap}` : String(p.openCount))}
              />
              <div
                style={{
                  fontSize: 11,
                  color: '#8c8c8c',
                  whiteSpace: 'nowrap',
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                }}
              >
                {p.skills.join(' · ') || '—'}
              </div>
            </div>
          );
        })}
      </div>
    </Card>
  );
}

/** 派单看板: open work orders by status, technicians' duty and load; dispatch by picking a person. */
export default function DispatchBoardPage() {
  const { t } = useTranslation();
  const sv = useServiceVocab();
  const { projectId } = useAuth();
  const [view, setView] = useState<'status' | 'technician'>('status');
  const [dispatching, setDispatching] = useState<{
    target: DispatchTarget;
    mode: 'dispatch' | 'transfer';
  } | null>(null);
  const poll = useLiveRefresh(
    ['workorder.updated', 'ticket.created', 'ticket.updated', 'ticket.sla'],
    [['work-orders', 'board'], ['technicians']],
    { filter: (m) => m.projectId === undefined || m.projectId === projectId },
  );
  const orders = useQuery({
    queryKey: ['work-orders', 'board', projectId],
    queryFn: () =>
      api.get<Page<WorkOrderListItem>>('/api/work-orders', {
        projectId: projectId ?? undefined,
        status: COLUMNS.join(','),
        view: 'all',
        pageSize: 200,
      }),
    enabled: Boolean(projectId),
    refetchInterval: poll,
  });
  const technicians = useTechnicians(projectId);
  const people = technicians.data ?? [];

  const byStatus = useMemo(() => {
    const map = new Map<WorkOrderStatus, WorkOrderListItem[]>(COLUMNS.map((s) => [s, []]));
    // Urgent first, then the nearest deadline.
    const items = [...(orders.data?.items ?? [])].sort(
      (a, b) =>
        Number(b.priority === '急') - Number(a.priority === '急') ||
        (currentDeadline(a)?.dueAt ?? '9').localeCompare(currentDeadline(b)?.dueAt ?? '9'),
    );
    for (const wo of items) map.get(wo.status)?.push(wo);
    return map;
  }, [orders.data]);

  const open = (wo: WorkOrderListItem, mode: 'dispatch' | 'transfer') =>
    setDispatching({
      target: {
        id: wo.id,
        number: wo.number,
        version: wo.version,
        skill: wo.skill,
        technicianId: wo.technicianId,
        ticketId: wo.ticketId,
      },
      mode,
    });

  if (!projectId) return <Empty style={{ marginTop: 64 }} description={t('dashboard.noProject')} />;
  const pending = byStatus.get('待派单')?.length ?? 0;
  const onDuty = people.filter((p) => p.onDuty).length;

  return (
    <div>
      <PageHeader
        title={t('dispatch.title')}
        subTitle={t('dispatch.subtitle', { pending, onDuty, total: people.length })}
        extra={
          <Space wrap>
            <PrintShiftButton projectId={projectId} />
            <Segmented<'status' | 'technician'>
              value={view}
              onChange={setView}
              options={[
                { value: 'status', label: t('dispatch.byStatus') },
                { value: 'technician', label: t('dispatch.byTechnician') },
              ]}
            />
          </Space>
        }
      />
      {(orders.data?.total ?? 0) > 200 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('dispatch.capped', { total: orders.data?.total })}
        />
      )}
      <TechnicianLoad people={people} projectId={projectId} loading={technicians.isLoading} />
      <div style={{ overflowX: 'auto', marginTop: 12 }}>
        {view === 'status' ? (
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: `repeat(${COLUMNS.length}, minmax(190px, 1fr))`,
              gap: 10,
            }}
            data-testid="board"
          >
            {COLUMNS.map((status) => {
              const items = byStatus.get(status) ?? [];
              return (
                <div
                  key={status}
                  style={{ background: '#f5f5f5', borderRadius: 8, padding: 8, minHeight: 300 }}
                  data-testid={`column-${status}`}
                >
                  <div
                    style={{
                      display: 'flex',
                      alignItems: 'center',
                      gap: 6,
                      marginBottom: 8,
                      paddingInline: 2,
                      borderTop: `3px solid ${COLOR_HEX[WO_STATUS_COLOR[status]] ?? '#d9d9d9'}`,
                      paddingTop: 6,
                    }}
                  >
                    <Typography.Text strong>{sv.woStatus(status)}</Typography.Text>
                    <Badge count={items.length} showZero color={items.length ? undefined : '#bfbfbf'} />
                  </div>
                  {items.map((wo) => (
                    <WorkOrderCard
                      key={wo.id}
                      wo={wo}
                      onDispatch={() => open(wo, 'dispatch')}
                      onTransfer={() => open(wo, 'transfer')}
                    />
                  ))}
                  {!items.length && !orders.isLoading && (
                    <Typography.Text type="secondary" style={{ fontSize: 12, paddingInline: 2 }}>
                      {t('dispatch.emptyColumn')}
                    </Typography.Text>
                  )}
                </div>
              );
            })}
          </div>
        ) : (
          <div
            style={{
              display: 'grid',
              gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
              gap: 10,
            }}
          >
            {people.map((p) => {
              const held = (orders.data?.items ?? []).filter((w) => w.technicianId === p.id);
              return (
                <Card
                  key={p.id}
                  size="small"
                  title={
                    <Space>
                      <Badge status={p.onDuty ? 'success' : 'default'} />
                      {p.displayName}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {p.cap ? `${p.openCount}/${p.cap}` : p.openCount}
                      </Typography.Text>
                    </Space>
                  }
                >
                  {held.length ? (
                    held.map((wo) => (
                      <WorkOrderCard
                        key={wo.id}
                        wo={wo}
                        onDispatch={() => open(wo, 'dispatch')}
                        onTransfer={() => open(wo, 'transfer')}
                      />
                    ))
                  ) : (
                    <Typography.Text type="secondary">{t('dispatch.idle')}</Typography.Text>
                  )}
                </Card>
              );
            })}
          </div>
        )}
      </div>
      <DispatchModal
        target={dispatching?.target ?? null}
        mode={dispatching?.mode ?? 'dispatch'}
        onClose={() => setDispatching(null)}
      />
    </div>
  );
}

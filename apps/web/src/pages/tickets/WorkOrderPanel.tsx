import { SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useStaffNames } from '../../api/hooks';
import type { MaterialLine, WorkOrder, WorkOrderView } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PhotoList } from '../../components/Photos';
import { WorkOrderStatusTag } from '../../components/ServiceTags';
import { DeadlineTag } from '../../components/SlaCountdown';
import { formatDateTime } from '../../format';
import { useServiceVocab } from '../../serviceVocab';
import { PrintOrderButton } from '../dispatch/PrintButtons';
import { windowEnd } from './appointmentWindow';
import { DispatchModal, type DispatchTarget } from './DispatchModal';
import { ReasonModal } from './ReasonModal';

const short = (v: string | null) => (v ? formatDateTime(v) : '—');

/** The deadline that matters now for an order in this status (dispatch → arrive → fix). */
export function currentDeadline(
  wo: WorkOrder,
): { kind: 'dispatch' | 'arrive' | 'resolve'; dueAt: string | null } | null {
  switch (wo.status) {
    case '待派单':
      return { kind: 'dispatch', dueAt: wo.sla.dispatchDueAt };
    case '已派单':
    case '已接单':
      return { kind: 'arrive', dueAt: wo.sla.arriveDueAt };
    case '已到场':
    case '处理中':
    case '挂起':
      return { kind: 'resolve', dueAt: wo.sla.resolveDueAt };
    default:
      return null;
  }
}

export function materialTotal(materials: MaterialLine[]): number {
  return materials.reduce((sum, m) => sum + m.qty * (m.unitPrice ?? 0), 0);
}

/** One work order on the ticket page: status, people, clocks, materials, photos and its hand-offs. */
export function WorkOrderPanel({ wo, canDispatch }: { wo: WorkOrder; canDispatch: boolean }) {
  const { t } = useTranslation();
  const sv = useServiceVocab();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const { can } = useAuth();
  const [dispatching, setDispatching] = useState<{
    target: DispatchTarget;
    mode: 'dispatch' | 'transfer';
  } | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const view = useQuery({
    queryKey: ['work-orders', 'one', wo.id, wo.version],
    queryFn: () => api.get<WorkOrderView>(`/api/work-orders/${wo.id}`),
    meta: { silent: true },
  });
  const cancel = useMutation({
    mutationFn: (reason: string) =>
      api.post(`/api/work-orders/${wo.id}/cancel`, { version: wo.version, reason }),
    onSuccess: () => {
      void message.success(t('workOrders.cancelled'));
      setCancelling(false);
      void queryClient.invalidateQueries({ queryKey: ['ticket', wo.ticketId] });
    },
    onError: (error) =>
      onError(error, {
        onReload: () => void queryClient.invalidateQueries({ queryKey: ['ticket', wo.ticketId] }),
      }),
  });

  const target: DispatchTarget = {
    id: wo.id,
    number: wo.number,
    version: wo.version,
    skill: wo.skill,
    technicianId: wo.technicianId,
    ticketId: wo.ticketId,
  };
  const deadline = currentDeadline(wo);
  const allowed = new Set(wo.allowedActions);
  const staff = useStaffNames(can('staff.read'));
  const nameOf = (id: number) =>
    staff.data?.get(id) ?? (id === wo.technicianId ? wo.technicianName : null) ?? t('events.unknownStaff');

  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid={`wo-panel-${wo.number}`}
      title={
        <Space wrap>
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{wo.number}</span>
          <WorkOrderStatusTag status={wo.status} />
          {wo.skill && <Tag>{wo.skill}</Tag>}
          <Tag variant="outlined">{sv.dispatchMode(wo.dispatchMode)}</Tag>
          {deadline && (
            <DeadlineTag
              dueAt={deadline.dueAt}
              paused={wo.status === '挂起'}
              label={sv.clockKind(deadline.kind)}
            />
          )}
        </Space>
      }
      extra={
        <Space wrap>
          <PrintOrderButton workOrderId={wo.id} testId={`wo-print-${wo.number}`} />
          {canDispatch && (
            <Space>
              {allowed.has('dispatch') && (
                <Button
                  size="small"
                  type="primary"
                  icon={<UserAddOutlined />}
                  onClick={() => setDispatching({ target, mode: 'dispatch' })}
                  data-testid={`wo-dispatch-${wo.number}`}
                >
                  {t('dispatch.dispatch')}
                </Button>
              )}
              {allowed.has('transfer') && (
                <Button
                  size="small"
                  icon={<SwapOutlined />}
                  onClick={() => setDispatching({ target, mode: 'transfer' })}
                >
                  {t('dispatch.transfer')}
                </Button>
              )}
              {allowed.has('cancel') && can('tickets.dispatch') && (
                <Button size="small" danger onClick={() => setCancelling(true)}>
                  {t('workOrders.cancel')}
                </Button>
              )}
            </Space>
          )}
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          {
            key: 'tech',
            label: t('workOrders.technician'),
            children: wo.technicianName ?? wo.vendorName ?? (
              <Typography.Text type="secondary">{t('workOrders.unassigned')}</Typography.Text>
            ),
          },
          ...(wo.team ? [{ key: 'team', label: t('workOrders.team'), children: wo.team }] : []),
          { key: 'dispatched', label: t('workOrders.dispatchedAt'), children: short(wo.dispatchedAt) },
          { key: 'accepted', label: t('workOrders.acceptedAt'), children: short(wo.acceptedAt) },
          { key: 'arrived', label: t('workOrders.arrivedAt'), children: short(wo.arrivedAt) },
          { key: 'completed', label: t('workOrders.completedAt'), children: short(wo.completedAt) },
          ...(wo.appointmentAt
            ? [
                {
                  key: 'appt',
                  label: t('tickets.fields.appointmentAt'),
                  children: `${short(wo.appointmentAt)}${windowEnd(wo.appointmentUntil)}`,
                },
              ]
            : []),
          ...(wo.returnCount || wo.transferCount
            ? [
                {
                  key: 'handoffs',
                  label: t('workOrders.returnsTransfers'),
                  children: t('workOrders.returnsTransfersValue', {
                    returns: wo.returnCount,
                    transfers: wo.transferCount,
                  }),
                },
              ]
            : []),
          ...(wo.lastReason
            ? [{ key: 'reason', label: t('workOrders.lastReason'), children: wo.lastReason }]
            : []),
          ...(wo.result
            ? [{ key: 'result', label: t('workOrders.result'), span: 'filled' as const, children: wo.result }]
            : []),
          {
            key: 'desc',
            label: t('tickets.fields.description'),
            span: 'filled' as const,
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{wo.description}</span>,
          },
        ]}
      />
      {wo.pauses.length > 0 && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t('workOrders.pauses')}：</Typography.Text>
          {wo.pauses.map((p) => (
            <Tag key={p.from} color="gold">
              {short(p.from)} – {p.to ? short(p.to) : t('workOrders.now')} · {p.reason}
            </Tag>
          ))}
        </div>
      )}
      {wo.materials.length > 0 && (
        <Table<MaterialLine>
          style={{ marginTop: 8 }}
          size="small"
          pagination={false}
          rowKey={(m) => `${m.item}-${m.qty}-${m.unitPrice ?? ''}`}
          dataSource={wo.materials}
          columns={[
            { title: t('workOrders.material.item'), dataIndex: 'item' },
            {
              title: t('workOrders.material.qty'),
              dataIndex: 'qty',
              render: (q: number, m) => `${q}${m.unit ?? ''}`,
            },
            {
              title: t('workOrders.material.unitPrice'),
              dataIndex: 'unitPrice',
              render: (v: number | null | undefined) =>
                v === null || v === undefined ? '—' : `¥${v.toFixed(2)}`,
            },
            {
              title: t('workOrders.material.amount'),
              key: 'amount',
              render: (_: unknown, m) => `¥${(m.qty * (m.unitPrice ?? 0)).toFixed(2)}`,
            },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                {t('workOrders.material.total')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3}>¥{materialTotal(wo.materials).toFixed(2)}</Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      )}
      {(wo.photosBefore.length > 0 || wo.photosAfter.length > 0) && (
        <Space style={{ marginTop: 8 }} size={24} wrap align="start">
          {wo.photosBefore.length > 0 && (
            <div>
              <Typography.Text type="secondary">{t('workOrders.photosBefore')}</Typography.Text>
              <PhotoList photos={wo.photosBefore} />
            </div>
          )}
          {wo.photosAfter.length > 0 && (
            <div>
              <Typography.Text type="secondary">{t('workOrders.photosAfter')}</Typography.Text>
              <PhotoList photos={wo.photosAfter} />
            </div>
          )}
        </Space>
      )}
      {(wo.signature || wo.onSiteCheck) && (
        <Space style={{ marginTop: 8 }} size={12} wrap align="center">
          {wo.signature && (
            <div>
              <Typography.Text type="secondary">{t('jobCard.signature')}</Typography.Text>
              <PhotoList photos={[wo.signature]} size={80} />
            </div>
          )}
          {wo.onSiteCheck && (
            <Tag
              color={wo.onSiteCheck === 'waived' ? 'green' : 'orange'}
              data-testid={`wo-onsite-${wo.number}`}
            >
              {t(`jobCard.onSite.${wo.onSiteCheck}`)}
            </Tag>
          )}
        </Space>
      )}
      {(view.data?.handoffs.length ?? 0) > 0 && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('workOrders.handoffs')}</Typography.Text>
          <Timeline
            style={{ marginTop: 8, marginBottom: -16 }}
            data-testid={`wo-handoffs-${wo.number}`}
            items={(view.data?.handoffs ?? []).map((h) => ({
              key: h.from,
              color: h.to ? 'gray' : 'blue',
              content: (
                <span>
                  <Typography.Text strong>
                    {h.technicianId === null ? t('workOrders.pool') : nameOf(h.technicianId)}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {short(h.from)} – {h.to ? short(h.to) : t('workOrders.now')}
                  </Typography.Text>
                  {h.leftReason && <Tag style={{ marginInlineStart: 8 }}>{sv.handoff(h.leftReason)}</Tag>}
                  {h.note && <Typography.Text type="secondary">{h.note}</Typography.Text>}
                </span>
              ),
            }))}
          />
        </div>
      )}
      <DispatchModal
        target={dispatching?.target ?? null}
        mode={dispatching?.mode ?? 'dispatch'}
        onClose={() => setDispatching(null)}
      />
      <ReasonModal
        open={cancelling}
        title={t('workOrders.cancelTitle', { number: wo.number })}
        danger
        loading={cancel.isPending}
        onSubmit={(r) => cancel.mutate(r)}
        onClose={() => setCancelling(false)}
      />
    </Card>
  );
}

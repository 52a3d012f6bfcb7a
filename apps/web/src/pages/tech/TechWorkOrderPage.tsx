import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  EnvironmentOutlined,
  PauseCircleOutlined,
  PhoneOutlined,
  PlayCircleOutlined,
  PrinterOutlined,
  RollbackOutlined,
  ToolOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Result, Space, Spin, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import type { WorkOrderAction, WorkOrderView } from '../../api/types';
import { useApiError } from '../../components/feedback';
import { PhotoList } from '../../components/Photos';
import { PriorityTag, WorkOrderStatusTag } from '../../components/ServiceTags';
import { DeadlineTag } from '../../components/SlaCountdown';
import { formatDateTime, formatHumanDateTime } from '../../format';
import { useLiveRefresh } from '../../live/useLiveRefresh';
import { useServiceVocab } from '../../serviceVocab';
import { windowEnd } from '../tickets/appointmentWindow';
import { ReasonModal } from '../tickets/ReasonModal';
import { currentDeadline, materialTotal } from '../tickets/WorkOrderPanel';
import { BIG, CompletionDrawer } from './CompletionDrawer';

/** One job on the phone: what and where, the clock that runs now, and the next step as a big button. */
export default function TechWorkOrderPage() {
  const { t, i18n } = useTranslation();
  const sv = useServiceVocab();
  const { id } = useParams();
  const woId = Number(id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'pause' | 'return' | 'complete' | null>(null);
  const poll = useLiveRefresh(['workorder.updated'], [['work-orders', 'one', woId]], {
    filter: (m) => Number(m.entityId) === woId,
  });
  const order = useQuery({
    queryKey: ['work-orders', 'one', woId],
    queryFn: () => api.get<WorkOrderView>(`/api/work-orders/${woId}`),
    enabled: Number.isFinite(woId),
    meta: { silent: true },
    refetchInterval: poll,
  });
  const wo = order.data;

  const act = useMutation({
    mutationFn: ({ action, body }: { action: WorkOrderAction; body?: Record<string, unknown> }) =>
      api.post<WorkOrderView | { returned: true }>(`/api/work-orders/${woId}/${action}`, {
        version: wo?.version,
        ...body,
      }),
    onSuccess: (result, { action }) => {
      void queryClient.invalidateQueries({ queryKey: ['work-orders'] });
      void message.success(t(`tech.done_${action}`, { defaultValue: t('common.saved') }));
      setDialog(null);
      if (action === 'return' || 'returned' in result) {
        void navigate('/tech', { replace: true });
        return;
      }
      queryClient.setQueryData(['work-orders', 'one', woId], result);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'invalid_transition') void order.refetch();
      onError(error, { onReload: () => void order.refetch() });
    },
  });

  if (order.isLoading) return <Spin style={{ display: 'block', marginTop: 64 }} />;
  if (!wo)
    return (
      <Result
        status="404"
        title={t('tech.notFound')}
        extra={<Button onClick={() => navigate('/tech')}>{t('tech.backHome')}</Button>}
      />
    );

  const allowed = new Set(wo.allowedActions);
  const deadline = currentDeadline(wo);
  const primary = (action: WorkOrderAction, label: string, icon: ReactNode, onClick?: () => void) => (
    <Button
      key={action}
      type="primary"
      size="large"
      block
      icon={icon}
      style={BIG}
      loading={act.isPending && act.variables?.action === action}
      onClick={onClick ?? (() => act.mutate({ action }))}
      data-testid={`tech-${action}`}
    >
      {label}
    </Button>
  );

  const steps: ReactNode[] = [];
  if (allowed.has('accept')) steps.push(primary('accept', t('tech.accept'), <CheckCircleOutlined />));
  if (allowed.has('arrive')) steps.push(primary('arrive', t('tech.arrive'), <EnvironmentOutlined />));
  if (allowed.has('resume')) steps.push(primary('resume', t('tech.resume'), <PlayCircleOutlined />));
  if (allowed.has('complete'))
    steps.push(primary('complete', t('tech.complete'), <CheckCircleOutlined />, () => setDialog('complete')));
  if (allowed.has('start') && !allowed.has('complete'))
    steps.push(primary('start', t('tech.start'), <ToolOutlined />));
  const secondary: ReactNode[] = [];
  if (allowed.has('start') && allowed.has('complete'))
    secondary.push(
      <Button
        key="start"
        size="large"
        block
        style={BIG}
        icon={<ToolOutlined />}
        onClick={() => act.mutate({ action: 'start' })}
        data-testid="tech-start"
      >
        {t('tech.start')}
      </Button>,
    );
  if (allowed.has('pause'))
    secondary.push(
      <Button
        key="pause"
        size="large"
        block
        style={BIG}
        icon={<PauseCircleOutlined />}
        onClick={() => setDialog('pause')}
        data-testid="tech-pause"
      >
        {t('tech.pause')}
      </Button>,
    );
  if (allowed.has('return'))
    secondary.push(
      <Button
        key="return"
        size="large"
        block
        danger
        style={BIG}
        icon={<RollbackOutlined />}
        onClick={() => setDialog('return')}
        data-testid="tech-return"
      >
        {t('tech.return')}
      </Button>,
    );

  return (
    <div data-testid="tech-wo">
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 8 }}>
        <Button
          type="text"
          icon={<ArrowLeftOutlined />}
          onClick={() => navigate('/tech')}
          style={{ height: 44, width: 44 }}
          aria-label={t('common.back')}
        />
        <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>{wo.number}</Typography.Text>
        <div style={{ flex: 1 }} />
        <WorkOrderStatusTag status={wo.status} />
      </div>
      <div style={{ background: '#fff', borderRadius: 12, padding: 16, marginBottom: 12 }}>
        <Space size={6} wrap style={{ marginBottom: 8 }}>
          <PriorityTag priority={wo.priority} />
          {wo.skill && <Tag>{wo.skill}</Tag>}
          {deadline && (
            <DeadlineTag
              dueAt={deadline.dueAt}
              paused={wo.status === '挂起'}
              label={sv.clockKind(deadline.kind)}
            />
          )}
        </Space>
        <div style={{ fontSize: 20, fontWeight: 600, lineHeight: 1.35 }} data-testid="tech-wo-title">
          {wo.ticket?.title ?? wo.description}
        </div>
        <div style={{ fontSize: 16, marginTop: 10, display: 'flex', gap: 6, alignItems: 'flex-start' }}>
          <EnvironmentOutlined style={{ marginTop: 4 }} />
          <span data-testid="tech-wo-site" style={{ overflowWrap: 'anywhere' }}>
            {wo.ticket
              ? [wo.ticket.projectName, wo.ticket.buildingName, wo.ticket.room ?? wo.ticket.unitLabel]
                  .filter(Boolean)
                  .join(' · ')
              : '—'}
          </span>
        </div>
        {wo.ticket?.unitLabel && (
          <div style={{ fontSize: 12, color: '#8c8c8c', marginInlineStart: 22 }} data-testid="tech-wo-unit">
            {wo.ticket.unitLabel}
          </div>
        )}
        {(wo.ticket?.contactName || wo.ticket?.contactPhone) && (
          <div
            style={{
              fontSize: 16,
              marginTop: 6,
              display: 'flex',
              gap: 6,
              alignItems: 'center',
              flexWrap: 'wrap',
            }}
          >
            <UserOutlined />
            <span data-testid="tech-wo-contact">{wo.ticket.contactName}</span>
            {wo.ticket.contactPhone &&
              (wo.ticket.contactPhone.includes('*') ? (
                <span data-testid="tech-wo-phone">{wo.ticket.contactPhone}</span>
              ) : (
                <a
                  href={`tel:${wo.ticket.contactPhone}`}
                  data-testid="tech-wo-phone"
                  aria-label={t('jobCard.call')}
                  style={{ fontSize: 17, fontWeight: 500, padding: '6px 0' }}
                >
                  <PhoneOutlined /> {wo.ticket.contactPhone}
                </a>
              ))}
          </div>
        )}
        <Typography.Paragraph
          style={{ marginTop: 10, marginBottom: 0, whiteSpace: 'pre-wrap', fontSize: 15 }}
        >
          {wo.description}
        </Typography.Paragraph>
        {wo.appointmentAt && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 10 }}
            title={t('tech.appointment', {
              time: `${formatHumanDateTime(wo.appointmentAt, i18n.language)}${windowEnd(wo.appointmentUntil)}`,
            })}
          />
        )}
        {wo.status === '挂起' && wo.lastReason && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 10 }}
            title={t('tech.pausedBecause', { reason: wo.lastReason })}
          />
        )}
        <div style={{ marginTop: 10, fontSize: 12, color: '#8c8c8c' }}>
          {wo.ticket?.number} · {t('workOrders.dispatchedAt')}{' '}
          {wo.dispatchedAt ? formatDateTime(wo.dispatchedAt) : '—'}
          {wo.arrivedAt && ` · ${t('workOrders.arrivedAt')} ${formatDateTime(wo.arrivedAt)}`}
        </div>
        <div style={{ marginTop: 6 }}>
          <Button
            size="small"
            icon={<PrinterOutlined />}
            href={`/api/work-orders/${wo.id}/print.pdf`}
            target="_blank"
            data-testid="tech-print"
          >
            {t('jobCard.print')}
          </Button>
        </div>
      </div>
      {wo.status === '已完成' && (
        <div style={{ background: '#fff', borderRadius: 12, padding: 16, marginBottom: 12 }}>
          <Result status="success" title={t('tech.completed')} style={{ padding: 8 }} />
          {wo.result && <Typography.Paragraph>{wo.result}</Typography.Paragraph>}
          {wo.materials.length > 0 && (
            <div style={{ marginBottom: 8 }} data-testid="tech-materials">
              {wo.materials.map((m) => (
                <div key={`${m.item}-${m.qty}-${m.unitPrice ?? ''}`} style={{ display: 'flex', gap: 8 }}>
                  <span style={{ flex: 1 }}>{m.item}</span>
                  <span>
                    {m.qty}
                    {m.unit ?? ''}
                  </span>
                  <span style={{ width: 72, textAlign: 'end' }}>
                    ¥{(m.qty * (m.unitPrice ?? 0)).toFixed(2)}
                  </span>
                </div>
              ))}
              <div style={{ textAlign: 'end', color: '#8c8c8c' }}>
                {t('workOrders.material.total')} ¥{materialTotal(wo.materials).toFixed(2)}
              </div>
            </div>
          )}
          <PhotoList photos={[...wo.photosBefore, ...wo.photosAfter]} />
          {wo.signature && (
            <div style={{ marginTop: 10 }}>
              <Typography.Text type="secondary">{t('jobCard.signed')}</Typography.Text>
              <PhotoList photos={[wo.signature]} size={96} />
            </div>
          )}
          {wo.onSiteCheck && (
            <Tag
              color={wo.onSiteCheck === 'waived' ? 'green' : 'orange'}
              style={{ marginTop: 8 }}
              data-testid="tech-onsite-check"
            >
              {t(`jobCard.onSite.${wo.onSiteCheck}`)}
            </Tag>
          )}
        </div>
      )}
      {steps.length + secondary.length > 0 ? (
        <div
          style={{
            position: 'sticky',
            bottom: 0,
            background: 'linear-gradient(rgba(245,245,245,0), #f5f5f5 16px)',
            paddingTop: 16,
            paddingBottom: 'max(12px, env(safe-area-inset-bottom))',
            display: 'grid',
            gap: 10,
          }}
        >
          {steps}
          {secondary.length > 0 && (
            <div
              style={{ display: 'grid', gridTemplateColumns: `repeat(${secondary.length}, 1fr)`, gap: 10 }}
            >
              {secondary}
            </div>
          )}
        </div>
      ) : (
        wo.status !== '已完成' && <Empty description={t('tech.nothingToDo')} />
      )}

      <ReasonModal
        open={dialog === 'pause'}
        title={t('tech.pauseTitle')}
        label={t('tech.pauseHint')}
        presets={[
          t('tech.presets.parts'),
          t('tech.presets.residentAway'),
          t('tech.presets.reschedule'),
          t('tech.presets.otherTrade'),
        ]}
        loading={act.isPending}
        onSubmit={(reason) => act.mutate({ action: 'pause', body: { reason } })}
        onClose={() => setDialog(null)}
        testId="pause-reason"
      />
      <ReasonModal
        open={dialog === 'return'}
        title={t('tech.returnTitle')}
        label={t('tech.returnHint')}
        presets={[
          t('tech.presets.notMySkill'),
          t('tech.presets.vendor'),
          t('tech.presets.cancelledByResident'),
        ]}
        danger
        loading={act.isPending}
        onSubmit={(reason) => act.mutate({ action: 'return', body: { reason } })}
        onClose={() => setDialog(null)}
        testId="return-reason"
      />
      <CompletionDrawer
        open={dialog === 'complete'}
        projectId={wo.projectId}
        loading={act.isPending}
        onClose={() => setDialog(null)}
        onSubmit={(body) => act.mutate({ action: 'complete', body })}
      />
    </div>
  );
}

import { ArrowLeftOutlined, LinkOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Form, Input, Modal, Result, Row, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { useStaffNames } from '../../api/hooks';
import { useTicket } from '../../api/serviceHooks';
import type { Page, TicketAction, TicketDetail, TicketSummary } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useApiError } from '../../components/feedback';
import { PageHeader } from '../../components/PageHeader';
import { PageSpinner } from '../../components/PageSpinner';
import { PriorityTag, TicketStatusTag, TicketTypeTag } from '../../components/ServiceTags';
import { SlaBadgeTag } from '../../components/SlaCountdown';
import { SERVICE_EVENTS, useLiveRefresh } from '../../live/useLiveRefresh';
import { useServiceVocab } from '../../serviceVocab';
import { HandlingPanel } from '../complaints/HandlingPanel';
import { ForbiddenHint } from '../quality/ForbiddenHint';
import { SimilarTickets } from '../triage/SimilarTickets';
import { CallbackModal } from './CallbackModal';
import { CallbackRounds } from './CallbackRounds';
import { EditTicketModal } from './EditTicketModal';
import { EmailThread } from './EmailThread';
import { ReasonModal } from './ReasonModal';
import { ResidentCard } from './ResidentCard';
import { type ClockRow, SlaClocks } from './SlaClocks';
import { TicketNoteForm } from './TicketNoteForm';
import { TicketRequestCard } from './TicketRequestCard';
import { TicketTimeline } from './TicketTimeline';
import { type Dialog, ticketActionButtons } from './ticketActionButtons';
import { UrgeButton } from './UrgeButton';
import { WorkOrderPanel } from './WorkOrderPanel';

/** Numbers of linked tickets (source of a complaint, complaints raised from callbacks). */
function useTicketRefs(ids: number[]) {
  return useQuery({
    queryKey: ['tickets', 'refs', ids],
    queryFn: () => api.get<Page<TicketSummary>>('/api/tickets', { ids: ids.join(','), pageSize: 50 }),
    enabled: ids.length > 0,
    select: (data) => new Map(data.items.map((x) => [x.id, x])),
  });
}

export default function TicketDetailPage() {
  const { t } = useTranslation();
  const _sv = useServiceVocab();
  const { id } = useParams();
  const ticketId = Number(id);
  const navigate = useNavigate();
  const { user, can } = useAuth();
  const { message, modal } = App.useApp();
  const onError = useApiError();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [answerForm] = Form.useForm<{ answer: string }>();
  const answerText = Form.useWatch('answer', answerForm);
  const [woForm] = Form.useForm<{ description?: string; team?: string; skill?: string }>();
  const staff = useStaffNames(can('staff.read'));

  const poll = useLiveRefresh(
    SERVICE_EVENTS,
    [
      ['ticket', ticketId],
      ['ticket-events', ticketId],
      ['ticket-emails', ticketId],
      ['work-orders', 'one'],
    ],
    {
      filter: (m) =>
        (m.entityType === 'ticket' && Number(m.entityId) === ticketId) ||
        (typeof m.data === 'object' &&
          m.data !== null &&
          (m.data as { ticketId?: unknown }).ticketId === ticketId),
    },
  );
  const ticket = useTicket(ticketId, poll);
  const tk = ticket.data;

  const linkedIds = useMemo(() => {
    if (!tk) return [];
    const ids = tk.callbacks.map((c) => c.complaintTicketId).filter((x): x is number => x !== null);
    if (tk.sourceTicketId) ids.push(tk.sourceTicketId);
    return ids;
  }, [tk]);
  const refs = useTicketRefs(linkedIds);

  const names = useMemo(() => {
    const map = new Map<number, string>();
    if (user) map.set(user.id, user.displayName);
    if (tk?.ownerId && tk.ownerName) map.set(tk.ownerId, tk.ownerName);
    for (const w of tk?.workOrders ?? [])
      if (w.technicianId && w.technicianName) map.set(w.technicianId, w.technicianName);
    return (idOf: number) => staff.data?.get(idOf) ?? map.get(idOf) ?? null;
  }, [tk, user, staff.data]);

  const act = useMutation({
    mutationFn: ({
      action,
      body,
    }: {
      action: TicketAction | 'work-orders';
      body?: Record<string, unknown>;
    }) => api.post<TicketDetail>(`/api/tickets/${ticketId}/${action}`, { version: tk?.version, ...body }),
    onSuccess: (detail, { action }) => {
      queryClient.setQueryData(['ticket', ticketId], detail);
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
      void queryClient.invalidateQueries({ queryKey: ['ticket-events', ticketId] });
      void queryClient.invalidateQueries({ queryKey: ['work-orders'] });
      void message.success(t(`tickets.done.${action === 'work-orders' ? 'workOrder' : action}`));
      setDialog(null);
      answerForm.resetFields();
      woForm.resetFields();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'invalid_transition') {
        void ticket.refetch();
        setDialog(null);
      }
      onError(error, { onReload: () => void ticket.refetch() });
    },
  });

  if (ticket.isLoading) return <PageSpinner />;
  if (ticket.error || !tk) {
    const notFound =
      ticket.error instanceof ApiError && (ticket.error.status === 404 || ticket.error.status === 403);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('tickets.notFound') : t('errors.codes.generic')}
        extra={<Button onClick={() => navigate('/tickets')}>{t('tickets.backToList')}</Button>}
      />
    );
  }

  const confirm = (action: TicketAction, title: string) =>
    modal.confirm({
      title,
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => act.mutateAsync({ action }).catch(() => undefined),
    });

  const buttons = ticketActionButtons({ ticket: tk, can, t, open: setDialog, confirm });

  const clocks: ClockRow[] = [
    ...tk.sla.clocks.map((c) => ({ ...c, owner: null })),
    ...tk.workOrders.flatMap((w) => w.sla.clocks.map((c) => ({ ...c, owner: w.number }))),
  ].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id - b.id);
  const workOrderNumbers = new Map(tk.workOrders.map((w) => [w.id, w.number]));
  const complaints = tk.callbacks.filter((c) => c.complaintTicketId !== null);
  const open = tk.status !== '已关闭' && tk.status !== '已取消';

  return (
    <div>
      <PageHeader
        back={
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/tickets'))}
            aria-label={t('common.back')}
          />
        }
        title={
          <Space size={8} wrap>
            <span data-testid="ticket-number" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {tk.number}
            </span>
            <TicketTypeTag type={tk.type} />
            <PriorityTag priority={tk.priority} />
            <TicketStatusTag status={tk.status} />
            {tk.reopenCount > 0 && (
              <Tag color="magenta" data-testid="reopened-tag">
                {t('tickets.reopened', { count: tk.reopenCount })}
              </Tag>
            )}
            {open && <SlaBadgeTag state={tk.sla.state} dueAt={tk.sla.dueAt} testId="ticket-sla" />}
          </Space>
        }
        extra={
          <Space wrap>
            {['待受理', '处理中', '待回访'].includes(tk.status) && (
              <UrgeButton
                ticket={tk}
                size="middle"
                onDone={(d) => queryClient.setQueryData(['ticket', ticketId], d)}
              />
            )}
            {buttons}
          </Space>
        }
      />
      {tk.sourceTicketId && (
        <Alert
          type="info"
          showIcon
          icon={<LinkOutlined />}
          style={{ marginBottom: 16 }}
          data-testid="source-ticket"
          title={
            <span>
              {t('tickets.fromCallback')}{' '}
              <Link to={`/tickets/${tk.sourceTicketId}`}>
                {refs.data?.get(tk.sourceTicketId)?.number ?? `#${tk.sourceTicketId}`}
              </Link>
            </span>
          }
        />
      )}
      {complaints.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <Space wrap>
              <span>{t('tickets.complaintRaised')}</span>
              {complaints.map((c) => (
                <Link key={c.id} to={`/tickets/${c.complaintTicketId}`} data-testid="linked-complaint">
                  {refs.data?.get(c.complaintTicketId ?? 0)?.number ?? `#${c.complaintTicketId}`}
                </Link>
              ))}
            </Space>
          }
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <TicketRequestCard ticket={tk} />
          <HandlingPanel ticket={tk} />
          <EmailThread
            ticketId={tk.id}
            channel={tk.channel}
            canReply={can('tickets.write')}
            refetchInterval={poll}
          />
          <Card title={t('sla.title')} size="small" style={{ marginBottom: 16 }}>
            <SlaClocks clocks={clocks} />
          </Card>
          <Card
            title={t('tickets.workOrders', { count: tk.workOrders.length })}
            size="small"
            style={{ marginBottom: 16 }}
            styles={{ body: { paddingBottom: tk.workOrders.length ? 0 : undefined } }}
          >
            {tk.workOrders.length ? (
              tk.workOrders.map((w) => (
                <WorkOrderPanel key={w.id} wo={w} canDispatch={can('tickets.dispatch')} />
              ))
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tickets.noWorkOrders')} />
            )}
          </Card>
          {tk.callbacks.length > 0 && <CallbackRounds rounds={tk.callbacks} />}
          <SimilarTickets ticketId={tk.id} canWrite={can('tickets.write')} />
        </Col>
        <Col xs={24} xl={8}>
          {tk.residentId && can('residents.read') && <ResidentCard residentId={tk.residentId} />}
          <Card title={t('tickets.timeline')} size="small">
            {can('tickets.write') && <TicketNoteForm ticket={tk} />}
            <TicketTimeline
              ticketId={tk.id}
              names={names}
              workOrderNumbers={workOrderNumbers}
              refetchInterval={poll}
            />
          </Card>
        </Col>
      </Row>

      <CallbackModal
        open={dialog === 'callback'}
        ticket={{
          id: tk.id,
          projectId: tk.projectId,
          number: tk.number,
          version: tk.version,
          title: tk.title,
          contactPhone: tk.contactPhone,
        }}
        onClose={() => setDialog(null)}
        onDone={(detail) => {
          queryClient.setQueryData(['ticket', ticketId], detail);
          void queryClient.invalidateQueries({ queryKey: ['ticket-events', ticketId] });
        }}
      />
      <EditTicketModal ticket={tk} open={dialog === 'edit'} onClose={() => setDialog(null)} />
      <ReasonModal
        open={dialog === 'cancel'}
        title={t('tickets.dialogs.cancel', { number: tk.number })}
        label={t('tickets.dialogs.cancelHint')}
        presets={[
          t('tickets.presets.selfFixed'),
          t('tickets.presets.duplicate'),
          t('tickets.presets.wrongCall'),
        ]}
        danger
        loading={act.isPending}
        onSubmit={(reason) => act.mutate({ action: 'cancel', body: { reason } })}
        onClose={() => setDialog(null)}
        testId="cancel-reason"
      />
      <ReasonModal
        open={dialog === 'reopen'}
        title={t('tickets.dialogs.reopen', { number: tk.number })}
        label={t('tickets.dialogs.reopenHint')}
        loading={act.isPending}
        onSubmit={(reason) => act.mutate({ action: 'reopen', body: { reason } })}
        onClose={() => setDialog(null)}
        testId="reopen-reason"
      />
      <ReasonModal
        open={dialog === 'close'}
        title={t('tickets.dialogs.close', { number: tk.number })}
        label={t('tickets.dialogs.closeHint')}
        required={false}
        loading={act.isPending}
        onSubmit={(reason) => act.mutate({ action: 'close', body: { reason: reason || null } })}
        onClose={() => setDialog(null)}
      />
      <Modal
        open={dialog === 'answer' || dialog === 'reply'}
        title={t(dialog === 'reply' ? 'tickets.dialogs.reply' : 'tickets.dialogs.answer', {
          number: tk.number,
        })}
        okText={t(dialog === 'reply' ? 'tickets.actions.resolve' : 'tickets.actions.answer')}
        cancelText={t('common.cancel')}
        confirmLoading={act.isPending}
        onOk={() => answerForm.submit()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form
          form={answerForm}
          layout="vertical"
          onFinish={(v) =>
            dialog === 'reply'
              ? act.mutate({ action: 'resolve', body: { reply: v.answer.trim() } })
              : act.mutate({ action: 'answer', body: { answer: v.answer.trim() } })
          }
        >
          <Form.Item
            name="answer"
            label={t(dialog === 'reply' ? 'tickets.fields.reply' : 'tickets.fields.answer')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
          </Form.Item>
          <ForbiddenHint projectId={tk.projectId} text={answerText} />
        </Form>
      </Modal>
      <Modal
        open={dialog === 'workOrder'}
        title={t('tickets.dialogs.addWorkOrder', { number: tk.number })}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        confirmLoading={act.isPending}
        onOk={() => woForm.submit()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form
          form={woForm}
          layout="vertical"
          onFinish={(v) =>
            act.mutate({
              action: 'work-orders',
              body: {
                description: v.description?.trim() || null,
                team: v.team?.trim() || null,
                skill: v.skill?.trim() || null,
              },
            })
          }
        >
          <Form.Item name="team" label={t('workOrders.team')} extra={t('workOrders.teamHint')}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="skill" label={t('workOrders.skill')}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="description" label={t('tickets.fields.description')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

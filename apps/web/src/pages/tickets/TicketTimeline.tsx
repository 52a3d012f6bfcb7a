import type { SlaClockKind, TicketStatus, WorkOrderStatus } from '@guanjia/shared';
import { useQuery } from '@tanstack/react-query';
import { Empty, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { TicketEvent } from '../../api/types';
import { eventName } from '../../eventName';
import { formatDateTime } from '../../format';
import { useServiceVocab } from '../../serviceVocab';
import { EditedChanges } from './EditedChanges';

const COLOR: Record<string, string> = {
  'ticket.created': 'blue',
  // The resident chased it up from the portal: the agent should notice.
  'ticket.urged': 'orange',
  'ticket.closed': 'green',
  'ticket.cancelled': 'gray',
  'ticket.reopened': 'red',
  'callback.recorded': 'purple',
  'sla.warning': 'orange',
  'sla.breached': 'red',
  'workorder.complete': 'green',
  'ticket.noted': 'gray',
  'ticket.edited': 'orange',
};

type After = Record<string, unknown>;

/**
 * The ticket's story from GET /api/tickets/:id/events: the ticket, its work orders and callbacks, oldest
 * first. People are named by the timeline's own `people` (the page's names first).
 */
export function TicketTimeline({
  ticketId,
  names,
  workOrderNumbers,
  refetchInterval,
}: {
  ticketId: number;
  names: (id: number) => string | null;
  workOrderNumbers: Map<number, string>;
  refetchInterval: number | false;
}) {
  const { t } = useTranslation();
  const sv = useServiceVocab();
  const events = useQuery({
    queryKey: ['ticket-events', ticketId],
    queryFn: () =>
      api.get<{ items: TicketEvent[]; people: Record<string, string> }>(`/api/tickets/${ticketId}/events`),
    refetchInterval,
  });
  // A flag's own event repeats what the note or answer above it already shows with its 禁语 tag.
  const items = (events.data?.items ?? []).filter((e) => e.action !== 'qa.flagged');
  const people = events.data?.people ?? {};
  const nameOf = (id: number) => names(id) ?? people[String(id)] ?? t('events.unknownStaff');
  if (!events.isLoading && !items.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.empty')} />;

  const detail = (e: TicketEvent): ReactNode[] => {
    const a = (e.after && typeof e.after === 'object' ? e.after : {}) as After;
    const out: ReactNode[] = [];
    if (e.action.startsWith('ticket.') && typeof a.status === 'string')
      out.push(<Tag key="s">{sv.ticketStatus(a.status as TicketStatus)}</Tag>);
    if (e.action.startsWith('workorder.') && typeof a.status === 'string')
      out.push(<Tag key="s">{sv.woStatus(a.status as WorkOrderStatus)}</Tag>);
    if (typeof a.technicianId === 'number' && e.action !== 'workorder.complete')
      out.push(<span key="tech">{t('timeline.technician', { name: nameOf(a.technicianId) })}</span>);
    if (typeof a.clock === 'string') out.push(<Tag key="c">{sv.clockKind(a.clock as SlaClockKind)}</Tag>);
    if (e.action === 'callback.recorded')
      out.push(
        <Tag key="sat" color={a.satisfied ? 'green' : 'red'}>
          {a.satisfied ? t('callbacks.satisfiedYes') : t('callbacks.satisfiedNo')}
        </Tag>,
      );
    if (typeof a.attempts === 'number')
      out.push(<span key="att">{t('timeline.attempts', { count: a.attempts })}</span>);
    if (e.action === 'ticket.edited') out.push(<EditedChanges key="edit" event={e} />);
    if (typeof a.reason === 'string') out.push(<span key="r">{a.reason}</span>);
    if (typeof a.question === 'string') out.push(<span key="q">“{a.question}”</span>);
    if (typeof a.answer === 'string') out.push(<span key="ans">{a.answer}</span>);
    if (typeof a.note === 'string') out.push(<span key="note">{a.note}</span>);
    // Forbidden phrases flagged when the note or answer was saved (QA, requirements §6.6).
    const forbidden = Array.isArray(a.forbidden) ? a.forbidden : [];
    if (forbidden.length)
      out.push(
        <Tag key="forbidden" color="red" data-testid="forbidden-tag">
          {t('quality.forbiddenTag')}：{forbidden.join('、')}
        </Tag>,
      );
    // E-mail in and out: the first lines of the message (the thread card holds the whole text).
    if (typeof a.excerpt === 'string') out.push(<span key="ex">{a.excerpt}</span>);
    if (typeof a.comment === 'string' && a.comment) out.push(<span key="cm">“{a.comment}”</span>);
    if (typeof a.materials === 'number' && a.materials > 0)
      out.push(<span key="m">{t('timeline.materials', { count: a.materials })}</span>);
    return out;
  };

  return (
    <Timeline
      data-testid="ticket-timeline"
      items={items.map((e) => {
        const actor =
          e.actorId !== null
            ? nameOf(e.actorId)
            : e.source === 'user'
              ? t('audit.sources.user')
              : e.source === 'channel'
                ? t('audit.sources.channel')
                : t('timeline.system');
        const wo = e.entityType === 'work_order' ? workOrderNumbers.get(e.entityId) : undefined;
        return {
          key: e.id,
          color: COLOR[e.action] ?? (e.action.startsWith('workorder.') ? 'cyan' : 'blue'),
          content: (
            <div data-testid="timeline-item" data-action={e.action}>
              <div style={{ fontSize: 12, color: '#8c8c8c', fontVariantNumeric: 'tabular-nums' }}>
                {formatDateTime(e.at)}
              </div>
              <Typography.Text strong>
                {e.action === 'ticket.noted' ? t('quality.timeline.noted') : eventName(t, e.action)}
              </Typography.Text>
              {wo && (
                <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
                  {wo}
                </Typography.Text>
              )}
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {actor}
              </Typography.Text>
              <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap', fontSize: 12, color: '#595959' }}>
                {detail(e)}
              </div>
            </div>
          ),
        };
      })}
    />
  );
}

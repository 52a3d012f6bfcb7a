import type { SlaClockKind, SlaClockState } from '@guanjia/shared';
import { TICKET_NUMBER_PREFIX, WORK_ORDER_NUMBER_PREFIX } from '@guanjia/shared';
import type { callbacks } from '../modules/callbacks/schema';
import type { slaClocks } from '../modules/sla/schema';
import { formatNumber } from '../modules/tickets/numbering';
import type { tickets } from '../modules/tickets/schema';
import type { workOrders } from '../modules/workorders/schema';
import { zonedParts } from '../platform/clock/zoned';
import type { BulkRow } from './bulk';
import { LARGE_TICKETS, type LargeTicket } from './large-tickets-plan';
import { descriptionOf } from './large-tickets-text';

export interface CategoryChoice {
  id: number;
  pathNames: string;
}

/** What the rows refer to, read once from the database. */
export interface TicketLookups {
  projectId: number;
  companyId: number;
  residents: { id: number; name: string; phone: string | null; unitId: number; unitLabel: string }[];
  categories: Record<'repair' | 'complaint' | 'service', CategoryChoice[]>;
  agents: number[];
  technicians: number[];
}

/** Human numbers per prefix and local day, continuing from ticket_counters. */
export class Counters {
  readonly values = new Map<string, number>();
  constructor(private readonly projectCode: string) {}
  next(prefix: string, at: Date): string {
    const p = zonedParts(at, 'Asia/Shanghai');
    const day = `${p.year}${String(p.month).padStart(2, '0')}${String(p.day).padStart(2, '0')}`;
    const key = `${prefix}:${day}`;
    const value = (this.values.get(key) ?? 0) + 1;
    this.values.set(key, value);
    return formatNumber(prefix, this.projectCode, day, value);
  }
}

export interface TicketRows {
  ticket: BulkRow<typeof tickets>;
  workOrder: BulkRow<typeof workOrders> | null;
  callback: BulkRow<typeof callbacks> | null;
  clocks: BulkRow<typeof slaClocks>[];
}

const T = LARGE_TICKETS.targets;
const at = (created: Date, m: number | null | undefined) =>
  m === null || m === undefined ? null : new Date(created.getTime() + m * 60_000);

/**
 * The rows of one generated ticket as they stand at `now`: what has not happened by then is left open
 * (recent tickets are still 待受理/处理中/待回访 with running clocks), clocks are met or breached by
 * their stored targets. Ids were reserved by the caller.
 */
export function ticketRows(
  spec: LargeTicket,
  ids: { ticket: number; workOrder: number | null; callback: number | null },
  look: TicketLookups,
  counters: Counters,
  now: Date,
): TicketRows {
  const c = spec.createdAt;
  const happened = (m: number | null | undefined) => {
    const t = at(c, m);
    return t !== null && t <= now ? t : null;
  };
  const cancelledAt = happened(spec.cancelled);
  const acceptedAt = happened(spec.accepted);
  const resolvedAt = happened(spec.resolved);
  const callbackDone = spec.callback ? happened(spec.callback.completed) : null;
  const closedAt = resolvedAt && (spec.callback ? callbackDone : resolvedAt);
  const status = cancelledAt
    ? '已取消'
    : closedAt
      ? '已关闭'
      : resolvedAt
        ? '待回访'
        : acceptedAt
          ? '处理中'
          : '待受理';
  const resident = spec.textPick % 10 === 0 ? null : look.residents[spec.textPick % look.residents.length];
  const kinds = spec.categoryKind ? look.categories[spec.categoryKind] : [];
  const category = kinds.length ? kinds[spec.categoryPick % kinds.length] : undefined;
  const agent = look.agents[spec.agentPick % look.agents.length] ?? null;
  const technician = look.technicians[spec.technicianPick % look.technicians.length] ?? null;
  const number = counters.next(TICKET_NUMBER_PREFIX[spec.type], c);
  const description = descriptionOf(spec.type, category?.pathNames ?? null, spec.textPick);
  const title = category ? category.pathNames.split('/').slice(-2).join('·') : description.slice(0, 30);
  const phone = resident?.phone ?? `139${String(10_000_000 + (spec.textPick % 90_000_000)).slice(-8)}`;
  const contactName = resident?.name ?? '来电人';

  const clocks: BulkRow<typeof slaClocks>[] = [];
  const clock = (
    subject: string,
    workOrderId: number | null,
    kind: SlaClockKind,
    start: Date,
    stopMin: number | null,
    target: number,
  ) => {
    const stoppedAt = happened(stopMin) ?? (cancelledAt ? cancelledAt : null);
    const dueAt = new Date(start.getTime() + target * 60_000);
    const elapsed = stoppedAt ? (stoppedAt.getTime() - start.getTime()) / 60_000 : null;
    const state: SlaClockState =
      stoppedAt && !happened(stopMin)
        ? 'cancelled'
        : elapsed !== null
          ? elapsed <= target
            ? 'met'
            : 'breached'
          : now < dueAt
            ? 'running'
            : 'breached';
    clocks.push({
      ticketId: ids.ticket,
      projectId: look.projectId,
      ticketCreatedAt: c,
      subject,
      workOrderId,
      kind,
      policyId: -1,
      targetMinutes: target,
      startedAt: start,
      dueAt,
      stoppedAt,
      elapsedMinutes: elapsed !== null && state !== 'cancelled' ? Math.round(elapsed * 10) / 10 : null,
      state,
      breachNotifiedAt: state === 'breached' ? dueAt : null,
      updatedAt: stoppedAt ?? now,
    });
  };
  if (spec.accepted > 0) clock('ticket', null, 'respond', c, spec.accepted, T.respond);
  if (spec.type === '投诉') clock('ticket', null, 'reply', c, spec.resolved, T.reply);

  let workOrder: BulkRow<typeof workOrders> | null = null;
  const wo = spec.workOrder;
  if (wo && ids.workOrder) {
    const dispatchedAt = happened(wo.dispatched);
    const woAccepted = happened(wo.accepted);
    const arrivedAt = happened(wo.arrived);
    const completedAt = happened(wo.completed);
    const urgent = spec.priority === '急';
    const woStart = at(c, spec.accepted) ?? c;
    const woStatus = completedAt
      ? '已完成'
      : cancelledAt
        ? '已取消'
        : arrivedAt
          ? wo.completed === null
            ? '挂起'
            : '处理中'
          : woAccepted
            ? '已接单'
            : dispatchedAt
              ? '已派单'
              : '待派单';
    const subject = `wo:${ids.workOrder}`;
    const visit = spec.appointmentAt;
    clock(subject, ids.workOrder, 'dispatch', woStart, wo.dispatched, T.dispatch);
    clock(
      subject,
      ids.workOrder,
      'arrive',
      woStart,
      wo.arrived,
      visit
        ? Math.max(0, (visit.getTime() - woStart.getTime()) / 60_000)
        : urgent
          ? T.arriveUrgent
          : T.arrive,
    );
    clock(
      subject,
      ids.workOrder,
      'resolve',
      visit ?? woStart,
      wo.completed,
      urgent ? T.resolveUrgent : T.resolve,
    );
    const due = (kind: SlaClockKind) =>
      clocks.find((k) => k.subject === subject && k.kind === kind)?.dueAt ?? null;
    workOrder = {
      id: ids.workOrder,
      companyId: look.companyId,
      projectId: look.projectId,
      ticketId: ids.ticket,
      number: counters.next(WORK_ORDER_NUMBER_PREFIX, c),
      status: woStatus,
      categoryId: category?.id ?? null,
      dispatchMode: 'least-load',
      priority: spec.priority,
      appointmentAt: spec.appointmentAt,
      description,
      technicianId: dispatchedAt ? technician : null,
      dispatchedAt,
      acceptedAt: woAccepted,
      arrivedAt,
      startedAt: arrivedAt,
      completedAt,
      cancelledAt: woStatus === '已取消' ? cancelledAt : null,
      dispatchDueAt: due('dispatch'),
      arriveDueAt: due('arrive'),
      resolveDueAt: due('resolve'),
      createdAt: woStart,
      updatedAt: completedAt ?? arrivedAt ?? dispatchedAt ?? woStart,
    };
  }

  let callback: BulkRow<typeof callbacks> | null = null;
  if (spec.callback && ids.callback && resolvedAt && !cancelledAt) {
    const dueAt = new Date(resolvedAt.getTime() + T.callback * 60_000);
    clock(`cb:${ids.callback}`, null, 'callback', resolvedAt, spec.callback.completed, T.callback);
    const [overall, speed, attitude] = spec.callback.scores;
    callback = {
      id: ids.callback,
      companyId: look.companyId,
      projectId: look.projectId,
      ticketId: ids.ticket,
      ticketCreatedAt: c,
      round: 1,
      status: callbackDone ? '已完成' : '待回访',
      dueAt,
      attempts: callbackDone ? 1 : 0,
      lastAttemptAt: callbackDone,
      reached: callbackDone ? true : null,
      satisfied: callbackDone ? spec.callback.satisfied : null,
      scoreOverall: callbackDone ? overall : null,
      scoreSpeed: callbackDone ? speed : null,
      scoreAttitude: callbackDone ? attitude : null,
      agentId: callbackDone ? agent : null,
      completedAt: callbackDone,
      createdAt: resolvedAt,
      updatedAt: callbackDone ?? resolvedAt,
    };
  }

  const live = clocks.filter((k) => k.state === 'running');
  const minDue = (list: typeof clocks) =>
    list.reduce<Date | null>((m, k) => (!m || (k.dueAt as Date) < m ? (k.dueAt as Date) : m), null);
  const warned = live.some(
    (k) => now.getTime() >= (k.startedAt as Date).getTime() + 0.75 * (k.targetMinutes as number) * 60_000,
  );
  const dueOf = (kind: SlaClockKind) => clocks.find((k) => k.kind === kind)?.dueAt ?? null;
  const nextBreach = minDue(live);
  const ticket: BulkRow<typeof tickets> = {
    id: ids.ticket,
    companyId: look.companyId,
    projectId: look.projectId,
    number,
    type: spec.type,
    channel: spec.channel,
    status,
    priority: spec.priority,
    appointmentAt: spec.appointmentAt,
    unitId: resident?.unitId ?? null,
    residentId: resident?.id ?? null,
    contactName,
    contactPhone: phone,
    categoryId: category?.id ?? null,
    title,
    description,
    ownerId: acceptedAt ? agent : null,
    createdById: agent,
    callbackRule: 'always',
    answer: spec.type === '咨询' && resolvedAt ? '已电话答复' : null,
    cancelReason: cancelledAt ? '住户来电取消' : null,
    acceptedAt,
    resolvedAt,
    closedAt,
    cancelledAt,
    respondDueAt: dueOf('respond'),
    replyDueAt: dueOf('reply'),
    callbackDueAt: dueOf('callback'),
    slaDueAt: minDue(live),
    // The minute sweep announces each running clock's breach when it comes (it recomputes the clocks).
    slaNextAt: nextBreach ? new Date(nextBreach.getTime() + 1) : null,
    slaState: clocks.some((k) => k.state === 'breached') ? 'breached' : warned ? 'warning' : 'ok',
    searchText: [number, contactName, phone, resident?.unitLabel, title, description]
      .filter(Boolean)
      .join(' '),
    createdAt: c,
    updatedAt: cancelledAt ?? closedAt ?? resolvedAt ?? acceptedAt ?? c,
  };
  return { ticket, workOrder, callback, clocks };
}

import { asc, eq, inArray } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import { assertInScope } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { Database } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { callbacks } from '../callbacks/schema';
import { type HandlingDetail, handlingDetail } from '../complaints/handling-detail';
import { slaContextFor } from '../sla/cached-context';
import { type SlaContext, targetsFor } from '../sla/context';
import { type ClockRow, presentClock } from '../sla/present';
import { slaClocks } from '../sla/schema';
import { onSiteCheck } from '../workorders/rules/on-site-check';
import { workOrders } from '../workorders/schema';
import { type Lookups, presentTicketSummary, ticketLookups } from './queries';
import {
  permittedActions,
  TICKET_ACTION_PERMISSIONS,
  WORK_ORDER_ACTION_PERMISSIONS,
} from './rules/action-permissions';
import { tickets } from './schema';
import type { CallbackRow, TicketRow, WorkOrderRow } from './ticket-rows';
import {
  callbackPolicyOf,
  ticketActions,
  ticketState,
  workOrderActions,
  workOrderState,
} from './transitions';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentWorkOrder(
  wo: WorkOrderRow,
  clocks: ClockRow[],
  names: Map<number, string>,
  now: Date,
  /** The caller's permissions: allowedActions lists only what they may do. */
  held: ReadonlySet<string>,
) {
  return {
    id: wo.id,
    number: wo.number,
    ticketId: wo.ticketId,
    projectId: wo.projectId,
    status: wo.status,
    priority: wo.priority,
    skill: wo.skill,
    dispatchMode: wo.dispatchMode,
    team: wo.team,
    description: wo.description,
    appointmentAt: iso(wo.appointmentAt),
    appointmentUntil: iso(wo.appointmentUntil),
    technicianId: wo.technicianId,
    technicianName: wo.technicianId ? (names.get(wo.technicianId) ?? null) : null,
    vendorName: wo.vendorName,
    dispatchedAt: iso(wo.dispatchedAt),
    acceptedAt: iso(wo.acceptedAt),
    arrivedAt: iso(wo.arrivedAt),
    startedAt: iso(wo.startedAt),
    completedAt: iso(wo.completedAt),
    cancelledAt: iso(wo.cancelledAt),
    pauses: wo.pauses,
    returnCount: wo.returnCount,
    transferCount: wo.transferCount,
    materials: wo.materials,
    photosBefore: wo.photosBefore,
    photosAfter: wo.photosAfter,
    signature: wo.signature,
    onSiteCheck: onSiteCheck(wo),
    result: wo.result,
    lastReason: wo.lastReason,
    allowedActions: permittedActions(
      workOrderActions(workOrderState(wo)),
      WORK_ORDER_ACTION_PERMISSIONS,
      held,
    ),
    sla: {
      dispatchDueAt: iso(wo.dispatchDueAt),
      arriveDueAt: iso(wo.arriveDueAt),
      resolveDueAt: iso(wo.resolveDueAt),
      clocks: clocks.filter((c) => c.workOrderId === wo.id).map((c) => presentClock(c, now)),
    },
    version: wo.version,
    createdAt: wo.createdAt.toISOString(),
  };
}

export function presentCallback(c: CallbackRow) {
  return {
    id: c.id,
    round: c.round,
    status: c.status,
    dueAt: c.dueAt.toISOString(),
    attempts: c.attempts,
    lastAttemptAt: iso(c.lastAttemptAt),
    reached: c.reached,
    satisfied: c.satisfied,
    scores: { overall: c.scoreOverall, speed: c.scoreSpeed, attitude: c.scoreAttitude },
    comment: c.comment,
    agentId: c.agentId,
    completedAt: iso(c.completedAt),
    complaintTicketId: c.complaintTicketId,
    version: c.version,
  };
}

/** Everything the detail view shows, as rows: from the database (ticketDetail) or from a write in hand. */
export interface DetailParts {
  ticket: TicketRow;
  workOrders: WorkOrderRow[];
  clocks: ClockRow[];
  callbacks: CallbackRow[];
  names: Lookups;
  technicianNames: Map<number, string>;
  sla: SlaContext;
  handling: HandlingDetail;
}

/** GET /api/tickets/:id: the ticket, its SLA block, work orders, callbacks and the actions possible now. */
export async function ticketDetail(database: Database, auth: AuthContext, id: number, now: Date) {
  const { db } = database;
  const [t] = await db.select().from(tickets).where(eq(tickets.id, id));
  if (!t) throw notFound('Ticket');
  assertInScope(auth, t.projectId, 'Ticket');
  const [wos, clocks, cbs, names, sla, handling] = await Promise.all([
    db.select().from(workOrders).where(eq(workOrders.ticketId, id)).orderBy(asc(workOrders.id)),
    db.select().from(slaClocks).where(eq(slaClocks.ticketId, id)).orderBy(asc(slaClocks.id)),
    db.select().from(callbacks).where(eq(callbacks.ticketId, id)).orderBy(asc(callbacks.round)),
    ticketLookups(database, [t]),
    slaContextFor(database, db, t.companyId, t.projectId),
    handlingDetail(db, t, now),
  ]);
  const techIds = [...new Set(wos.map((w) => w.technicianId).filter((x): x is number => x !== null))];
  const techs = techIds.length
    ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, techIds))
    : [];
  const technicianNames = new Map(techs.map((u) => [u.id, u.name]));
  return presentTicketDetail(
    auth,
    { ticket: t, workOrders: wos, clocks, callbacks: cbs, names, technicianNames, sla, handling },
    now,
  );
}

export function presentTicketDetail(auth: AuthContext, parts: DetailParts, now: Date) {
  const { ticket: t, workOrders: wos, clocks, callbacks: cbs, names, technicianNames, sla, handling } = parts;
  const policy = targetsFor(sla, {
    projectId: t.projectId,
    ticketType: t.type,
    priority: t.priority,
    categoryPath: [],
  }).callbackPolicy;
  const state = ticketState(t, wos, callbackPolicyOf(t, policy));
  const summary = presentTicketSummary(auth, t, names);
  return {
    ...summary,
    description: t.description,
    attachments: t.attachments,
    answer: t.answer,
    cancelReason: t.cancelReason,
    residentRating: t.residentRating,
    acceptedAt: iso(t.acceptedAt),
    resolvedAt: iso(t.resolvedAt),
    closedAt: iso(t.closedAt),
    cancelledAt: iso(t.cancelledAt),
    callbackRule: t.callbackRule,
    callbackPolicy: state.callbackPolicy,
    allowedActions: [
      ...permittedActions(ticketActions(state), TICKET_ACTION_PERMISSIONS, auth.permissions),
      // A handling result waiting for the 班长/主管 (W-09).
      ...(t.reviewState === 'pending' && auth.permissions.has('complaints.supervise')
        ? (['review'] as const)
        : []),
    ],
    sla: {
      ...summary.sla,
      clocks: clocks.filter((c) => c.workOrderId === null).map((c) => presentClock(c, now)),
    },
    workOrders: wos.map((w) => presentWorkOrder(w, clocks, technicianNames, now, auth.permissions)),
    callbacks: cbs.map(presentCallback),
    callback: cbs.length ? presentCallback(cbs[cbs.length - 1]!) : null,
    handling,
  };
}

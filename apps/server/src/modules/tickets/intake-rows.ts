import type { DispatchMode } from '@guanjia/shared';
import type { AuthContext } from '../../platform/auth/context';
import type { SlaContext } from '../sla/context';
import {
  planFor,
  type TicketBundle,
  type TicketRow,
  timerJob,
  type WorkOrderRow,
  workOrderDues,
} from '../sla/engine';
import { summarize, type TrackedClock } from '../sla/rules/aggregate';
import type { CategoryRow } from './category-tree';
import type { TicketInput } from './inputs';
import type { IntakeFacts } from './intake-read';

/** Channels where the agent is talking to the resident: accepted on the spot (首问负责制). */
const LIVE_CHANNELS = new Set(['phone', 'walk-in', 'patrol']);

export interface IntakePlan {
  bundle: TicketBundle;
  /** The clocks as planned; ids come back from the insert. */
  clocks: TrackedClock[];
  timer: ReturnType<typeof timerJob>;
  /** Search text without the number, which the insert puts in front. */
  searchRest: string;
}

export interface WorkOrderSpec {
  mode: DispatchMode;
  skill: string | null;
  description?: string | null;
  team?: string | null;
  vendorName?: string | null;
}

function titleOf(pathNames: string | undefined, description: string): string {
  if (pathNames) return pathNames.split('/').slice(-2).join('·');
  return description.length > 30 ? `${description.slice(0, 30)}…` : description;
}

/**
 * The rows of a new ticket (and its work order) exactly as the database will hold them, with the SLA
 * clocks, deadline columns and next timer computed before anything is written: the numbers are the
 * only values the insert itself decides. No I/O.
 */
export function planIntake(args: {
  auth: AuthContext;
  input: TicketInput;
  facts: IntakeFacts;
  category: CategoryRow | null;
  workOrder: WorkOrderSpec | null;
  idempotencyKey: string | null;
  sla: SlaContext;
  now: Date;
}): IntakePlan {
  const { auth, input, facts, category, now } = args;
  const accept = input.accept ?? LIVE_CHANNELS.has(input.channel);
  const title = input.title || titleOf(category?.pathNames, input.description);
  const contactName = input.contactName ?? facts.resident?.name ?? null;
  const contactPhone = input.contactPhone ?? null;
  const ticket: TicketRow = {
    id: facts.ticketId,
    companyId: auth.companyId,
    projectId: input.projectId,
    number: '',
    type: input.type,
    channel: input.channel,
    status: accept ? '处理中' : '待受理',
    priority: input.priority,
    appointmentAt: input.appointmentAt ? new Date(input.appointmentAt) : null,
    unitId: input.unitId ?? null,
    residentId: input.residentId ?? null,
    contactName,
    contactPhone,
    categoryId: category?.id ?? null,
    title,
    description: input.description,
    attachments: input.attachments,
    // userId 0 is no staff member (the resident portal, the IVR): nobody owns or created it on the staff side.
    ownerId: accept && auth.userId ? auth.userId : null,
    createdById: auth.userId || null,
    reopenCount: 0,
    callbackRule: category?.callbackRule ?? 'always',
    answer: null,
    cancelReason: null,
    sourceTicketId: null,
    idempotencyKey: args.idempotencyKey,
    residentRating: null,
    acceptedAt: accept ? now : null,
    resolvedAt: null,
    closedAt: null,
    cancelledAt: null,
    respondDueAt: null,
    replyDueAt: null,
    callbackDueAt: null,
    slaDueAt: null,
    slaNextAt: null,
    slaState: 'ok',
    searchText: '',
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const searchRest = [contactName, contactPhone, facts.unit?.label, title, input.description]
    .filter(Boolean)
    .join(' ');
  const workOrders =
    args.workOrder && facts.workOrderId ? [workOrderRow(ticket, facts.workOrderId, args.workOrder)] : [];
  const bundle: TicketBundle = {
    ticket,
    workOrders,
    callbacks: [],
    categoryPath: [...(category?.pathIds ?? [])],
  };
  const clocks = planFor(bundle, args.sla, now).map((plan) => ({
    id: 0,
    plan,
    warningsFired: 0,
    breachNotified: false,
  }));
  const summary = summarize(clocks, now);
  Object.assign(ticket, {
    slaDueAt: summary.slaDueAt,
    slaNextAt: summary.slaNextAt,
    slaState: summary.slaState,
    respondDueAt: summary.respondDueAt,
    replyDueAt: summary.replyDueAt,
    callbackDueAt: summary.callbackDueAt,
  });
  for (const wo of workOrders) Object.assign(wo, workOrderDues(clocks, wo.id));
  return { bundle, clocks, timer: timerJob(ticket.id, summary, now), searchRest };
}

function workOrderRow(t: TicketRow, id: number, spec: WorkOrderSpec): WorkOrderRow {
  return {
    id,
    companyId: t.companyId,
    projectId: t.projectId,
    ticketId: t.id,
    number: '',
    status: '待派单',
    categoryId: t.categoryId,
    skill: spec.skill,
    dispatchMode: spec.mode,
    priority: t.priority,
    appointmentAt: t.appointmentAt,
    description: spec.description?.trim() || t.description,
    team: spec.team ?? null,
    technicianId: null,
    vendorName: spec.vendorName ?? null,
    dispatchedAt: null,
    acceptedAt: null,
    arrivedAt: null,
    startedAt: null,
    completedAt: null,
    cancelledAt: null,
    pauses: [],
    returnCount: 0,
    transferCount: 0,
    materials: [],
    photosBefore: [],
    photosAfter: [],
    signature: null,
    result: null,
    lastReason: null,
    dispatchDueAt: null,
    arriveDueAt: null,
    resolveDueAt: null,
    escalatedAt: null,
    createdAt: t.createdAt,
    updatedAt: t.createdAt,
    version: 1,
  };
}

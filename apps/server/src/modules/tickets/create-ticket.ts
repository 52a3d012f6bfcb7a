import { and, asc, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope, can } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { isUniqueViolation } from '../../platform/db/errors';
import type { Actor } from '../../platform/events/record-event';
import { badRequest, forbidden } from '../../platform/http/errors';
import { applyHandlingIntake } from '../complaints/complaint-intake';
import { linkTicketToEmergencies } from '../emergencies/auto-link';
import { linkTicketsIn } from '../incidents/link-tickets';
import { units } from '../org/schema';
import { residentPhones, residents } from '../residents/schema';
import { linkCallTicketIn } from '../telephony/link-call-ticket';
import { attachUploads, staffReader } from '../uploads/attach-uploads';
import { addWorkOrder } from '../workorders/add-work-order';
import { applyAnswer } from './answer-ticket';
import { usableCategory } from './categories';
import type { CategoryRow } from './category-tree';
import type { TicketInput } from './create-ticket.types';
import { placeholderNumber } from './numbering';
import { tickets } from './schema';
import type { TicketRow } from './ticket-rows';
import { type Ctx, finishWrite, openWrite, publishAll } from './ticket-write';

/** Channels where the agent is talking to the resident: accepted on the spot (首问负责制). */
const LIVE_CHANNELS = new Set(['phone', 'walk-in', 'patrol']);

export async function findByIdempotencyKey(db: DbOrTx, companyId: number, key: string) {
  const [row] = await db
    .select({ id: tickets.id, projectId: tickets.projectId })
    .from(tickets)
    .where(and(eq(tickets.companyId, companyId), eq(tickets.idempotencyKey, key)));
  return row ?? null;
}

/**
 * Intake: one request, one transaction. Validate what the form names, then write the ticket, its
 * work order (dispatched by the same code as a stored order: addWorkOrder), the answer of a question
 * settled on the phone, the links to an outage and to the call, the SLA clocks and their timer, and
 * the numbers — all or nothing. With an Idempotency-Key a retried request returns the first ticket.
 */
export async function createTicket(
  ctx: Ctx,
  auth: AuthContext,
  input: TicketInput,
  idempotencyKey?: string,
  /** Who the timeline names; a channel (the resident portal, the IVR) acts without a staff member. */
  actor: Actor = userActor(auth),
): Promise<{ id: number; created: boolean }> {
  assertInScope(auth, input.projectId, 'Project');
  if (input.incidentId && !can(auth, 'incidents.write')) throw forbidden('incidents.write');
  if (input.callId && !can(auth, 'calls.handle')) throw forbidden('calls.handle');
  const { database } = ctx;
  const { db } = database;
  if (idempotencyKey) {
    const existing = await findByIdempotencyKey(db, auth.companyId, idempotencyKey);
    if (existing) return { id: existing.id, created: false };
  }
  const category = input.categoryId
    ? await usableCategory(database, db, auth.companyId, input.projectId, input.categoryId)
    : null;
  const { unitLabel, residentName, residentPhone } = await checkReferences(db, input);
  const now = ctx.clock.now();

  let written: { id: number; outbox: Awaited<ReturnType<typeof openWrite>>['outbox'] };
  try {
    written = await db.transaction(async (tx) => {
      await attachUploads(
        tx,
        staffReader(auth),
        input.projectId,
        input.attachments.map((a) => a.url),
      );
      const row = newTicketRow({
        auth,
        input,
        category: category?.row ?? null,
        unitLabel,
        residentName,
        residentPhone,
        now,
      });
      const [ticket] = await tx
        .insert(tickets)
        .values({ ...row, idempotencyKey: idempotencyKey ?? null })
        .returning();
      if (!ticket) throw new Error('insert returned nothing');
      const bundle = {
        ticket,
        workOrders: [],
        callbacks: [],
        categoryPath: [...(category?.row.pathIds ?? [])],
      };
      const w = await openWrite(tx, ctx, bundle, actor, auth, now);
      await w.event({
        action: 'ticket.created',
        entityType: 'ticket',
        entityId: ticket.id,
        after: {
          type: ticket.type,
          priority: ticket.priority,
          status: ticket.status,
          channel: ticket.channel,
        },
      });
      w.outbox.push({
        type: 'ticket.created',
        companyId: ticket.companyId,
        projectId: ticket.projectId,
        entityType: 'ticket',
        entityId: ticket.id,
        data: { status: ticket.status },
      });
      if (input.type === '报修' || input.workOrder)
        await addWorkOrder(w, input.workOrder ?? {}, input.workOrder?.skill ?? category?.skill ?? null);
      if (input.answer) await applyAnswer(w, input.answer);
      if (input.incidentId) await linkTicketsIn(tx, auth, input.incidentId, [ticket.id], now);
      if (input.callId) await linkCallTicketIn(tx, auth, input.callId, ticket.id, now);
      // A ticket from a building where an emergency runs joins its 特别事件报告 (issue 17).
      await linkTicketToEmergencies(tx, ticket, now);
      await finishWrite(w);
      // After the numbering: the 重大 notice and the assignee's message quote the ticket's number.
      await applyHandlingIntake(w, ticket, input);
      return { id: ticket.id, outbox: w.outbox };
    });
  } catch (error) {
    // Two requests with one key raced: the loser answers with the winner's ticket.
    if (idempotencyKey && isUniqueViolation(error)) {
      const existing = await findByIdempotencyKey(db, auth.companyId, idempotencyKey);
      if (existing) return { id: existing.id, created: false };
    }
    throw error;
  }
  await publishAll(ctx, written.outbox);
  return { id: written.id, created: true };
}

/**
 * The unit and resident named must be of the intake's project (400 otherwise). A caller picked from
 * the archive brings their first phone: the technician calls it before coming up.
 */
async function checkReferences(db: DbOrTx, input: TicketInput) {
  const [unit, resident, phone] = await Promise.all([
    input.unitId
      ? db
          .select({ projectId: units.projectId, label: units.label })
          .from(units)
          .where(eq(units.id, input.unitId))
      : [],
    input.residentId
      ? db
          .select({ projectId: residents.projectId, name: residents.name })
          .from(residents)
          .where(eq(residents.id, input.residentId))
      : [],
    input.residentId && !input.contactPhone
      ? db
          .select({ national: residentPhones.national })
          .from(residentPhones)
          .where(eq(residentPhones.residentId, input.residentId))
          .orderBy(asc(residentPhones.position), asc(residentPhones.id))
          .limit(1)
      : [],
  ]);
  if (input.unitId && unit[0]?.projectId !== input.projectId)
    throw badRequest('Unit not in this project', { unitId: input.unitId });
  if (input.residentId && resident[0]?.projectId !== input.projectId)
    throw badRequest('Resident not in this project', { residentId: input.residentId });
  return {
    unitLabel: unit[0]?.label ?? null,
    residentName: resident[0]?.name ?? null,
    residentPhone: phone[0]?.national ?? null,
  };
}

function titleOf(pathNames: string | undefined, description: string): string {
  if (pathNames) return pathNames.split('/').slice(-2).join('·');
  return description.length > 30 ? `${description.slice(0, 30)}…` : description;
}

/** The new ticket row (no I/O): numbered by finishWrite, SLA columns filled by its recompute. */
export function newTicketRow(args: {
  auth: AuthContext;
  input: TicketInput;
  category: CategoryRow | null;
  unitLabel: string | null;
  residentName: string | null;
  /** The archive's phone of the resident, when the form named no other. */
  residentPhone?: string | null;
  now: Date;
}): typeof tickets.$inferInsert & Pick<TicketRow, 'number' | 'searchText'> {
  const { auth, input, category, now } = args;
  const accept = input.accept ?? LIVE_CHANNELS.has(input.channel);
  const title = input.title || titleOf(category?.pathNames, input.description);
  const contactName = input.contactName ?? args.residentName;
  const contactPhone = input.contactPhone ?? args.residentPhone ?? null;
  const number = placeholderNumber();
  return {
    companyId: auth.companyId,
    projectId: input.projectId,
    number,
    type: input.type,
    channel: input.channel,
    status: accept ? '处理中' : '待受理',
    priority: input.priority,
    appointmentAt: input.appointmentAt ? new Date(input.appointmentAt) : null,
    appointmentUntil: input.appointmentUntil ? new Date(input.appointmentUntil) : null,
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
    callbackRule: category?.callbackRule ?? 'always',
    acceptedAt: accept ? now : null,
    // The placeholder is replaced by the number when the write finishes (numbering.ts).
    searchText: [number, contactName, contactPhone, args.unitLabel, title, input.description]
      .filter(Boolean)
      .join(' '),
    createdAt: now,
    updatedAt: now,
  };
}

import { and, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { badRequest } from '../../platform/http/errors';
import { units } from '../org/schema';
import { residents } from '../residents/schema';
import { addWorkOrder } from '../workorders/add-work-order';
import { usableCategory } from './categories';
import { placeholderNumber } from './deferred';
import type { TicketInput } from './inputs';
import { tickets } from './schema';
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
 * Intake: validate references, number the ticket, create the work order of a repair and dispatch it,
 * start the SLA clocks and arm their timers — one transaction. With an Idempotency-Key a retried
 * request returns the ticket the first one created.
 */
export async function createTicket(
  ctx: Ctx,
  auth: AuthContext,
  input: TicketInput,
  idempotencyKey?: string,
): Promise<{ id: number; created: boolean }> {
  assertInScope(auth, input.projectId, 'Project');
  if (idempotencyKey) {
    const existing = await findByIdempotencyKey(ctx.database.db, auth.companyId, idempotencyKey);
    if (existing) return { id: existing.id, created: false };
  }
  const now = ctx.clock.now();
  try {
    const { id, outbox } = await ctx.database.db.transaction(async (tx) => {
      const [unit, resident, category] = await Promise.all([
        input.unitId ? tx.select().from(units).where(eq(units.id, input.unitId)) : Promise.resolve([]),
        input.residentId
          ? tx.select().from(residents).where(eq(residents.id, input.residentId))
          : Promise.resolve([]),
        input.categoryId
          ? usableCategory(tx, auth.companyId, input.projectId, input.categoryId)
          : Promise.resolve(null),
      ]);
      if (input.unitId && unit[0]?.projectId !== input.projectId)
        throw badRequest('Unit not in this project', { unitId: input.unitId });
      if (input.residentId && resident[0]?.projectId !== input.projectId) {
        throw badRequest('Resident not in this project', { residentId: input.residentId });
      }
      const accept = input.accept ?? LIVE_CHANNELS.has(input.channel);
      const draft = {
        companyId: auth.companyId,
        projectId: input.projectId,
        number: placeholderNumber(),
        type: input.type,
        channel: input.channel,
        status: accept ? ('处理中' as const) : ('待受理' as const),
        priority: input.priority,
        appointmentAt: input.appointmentAt ? new Date(input.appointmentAt) : null,
        unitId: input.unitId ?? null,
        residentId: input.residentId ?? null,
        contactName: input.contactName ?? resident[0]?.name ?? null,
        contactPhone: input.contactPhone ?? null,
        categoryId: category?.row.id ?? null,
        title: input.title || titleOf(category?.row.pathNames, input.description),
        description: input.description,
        attachments: input.attachments,
        ownerId: accept ? auth.userId : null,
        createdById: auth.userId,
        callbackRule: category?.row.callbackRule ?? 'always',
        idempotencyKey: idempotencyKey ?? null,
        acceptedAt: accept ? now : null,
        createdAt: now,
        updatedAt: now,
      };
      const bundle = {
        ticket: { ...draft, id: 0 } as unknown as typeof tickets.$inferSelect,
        workOrders: [],
        callbacks: [],
        categoryPath: category?.row.pathIds ?? [],
      };
      const w = await openWrite(tx, ctx, bundle, userActor(auth), auth, now);
      const search = [
        draft.number,
        draft.contactName,
        draft.contactPhone,
        unit[0]?.label,
        draft.title,
        draft.description,
      ];
      const [row] = await tx
        .insert(tickets)
        .values({ ...draft, searchText: search.filter(Boolean).join(' ') })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      bundle.ticket = row;
      await w.event({
        action: 'ticket.created',
        entityType: 'ticket',
        entityId: row.id,
        // The human number is given at the end of the transaction (deferred.ts).
        after: {
          type: row.type,
          priority: row.priority,
          status: row.status,
          channel: row.channel,
        },
      });
      if (input.type === '报修' || input.workOrder)
        await addWorkOrder(w, input.workOrder ?? {}, category?.skill ?? null);
      await finishWrite(w);
      w.outbox[w.outbox.length - 1] = { ...w.outbox[w.outbox.length - 1]!, type: 'ticket.created' };
      return { id: row.id, outbox: w.outbox };
    });
    await publishAll(ctx, outbox);
    return { id, created: true };
  } catch (error) {
    // Two requests with one key raced: the loser answers with the winner's ticket.
    if (idempotencyKey && isUniqueViolation(error)) {
      const existing = await findByIdempotencyKey(ctx.database.db, auth.companyId, idempotencyKey);
      if (existing) return { id: existing.id, created: false };
    }
    throw error;
  }
}

function titleOf(pathNames: string | undefined, description: string): string {
  if (pathNames) return pathNames.split('/').slice(-2).join('·');
  return description.length > 30 ? `${description.slice(0, 30)}…` : description;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

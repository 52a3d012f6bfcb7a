import type { VisitResultInput } from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { conflict } from '../../platform/http/errors';
import { createTicket } from '../tickets/create-ticket';
import { ticketInput } from '../tickets/create-ticket.types';
import { visitInScope } from './queries';
import { addDays } from './rules/plan';
import { visits } from './schema';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus' | 'queue'>;
const OPEN = ['planned', 'confirmed', 'absent'];

/** Q08: the appointment agreed with the household (a day ahead for a home visit). */
export async function confirmVisit(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: { appointmentAt: string; version: number },
) {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const v = checkVersion(await visitInScope(tx, auth, id, true), body.version, 'Home visit');
    if (!OPEN.includes(v.status)) throw conflict('The visit is already done');
    const appointmentAt = new Date(body.appointmentAt);
    await tx
      .update(visits)
      .set({ status: 'confirmed', appointmentAt, version: v.version + 1, updatedAt: now })
      .where(eq(visits.id, v.id));
    await recordEvent(tx, userActor(auth), now, {
      action: 'visit.confirmed',
      entityType: 'visit',
      entityId: v.id,
      projectId: v.projectId,
      after: { appointmentAt: appointmentAt.toISOString() },
    });
  });
}

/**
 * The visit's result. Nobody home: a note is left and a retry is planned (retryOn, or the next day).
 * Refused: closed as such. An opinion that needs work opens a ticket linked to the visit — created after
 * the result commits, because a ticket's intake owns its transaction (numbering, SLA, dispatch).
 */
export async function recordVisitResult(ctx: Ctx, auth: AuthContext, id: number, body: VisitResultInput) {
  const now = ctx.clock.now();
  const v = await ctx.database.db.transaction(async (tx) => {
    const v = checkVersion(await visitInScope(tx, auth, id, true), body.version, 'Home visit');
    if (!OPEN.includes(v.status)) throw conflict('The visit is already done');
    const [row] = await tx
      .update(visits)
      .set({
        status: body.outcome,
        doneAt: now,
        doneBy: auth.userId,
        opinions: body.opinions ?? null,
        note: body.note ?? v.note,
        visitorIds: v.visitorIds.includes(auth.userId) ? v.visitorIds : [...v.visitorIds, auth.userId],
        version: v.version + 1,
        updatedAt: now,
      })
      .where(eq(visits.id, v.id))
      .returning();
    let retryId: number | null = null;
    if (body.outcome === 'absent') {
      const [retry] = await tx
        .insert(visits)
        .values({
          companyId: v.companyId,
          projectId: v.projectId,
          unitId: v.unitId,
          purpose: v.purpose,
          method: v.method,
          enterHome: v.enterHome,
          source: v.source,
          plannedOn: body.retryOn ?? addDays(now.toISOString().slice(0, 10), 1),
          dueOn: v.dueOn,
          visitorIds: v.visitorIds,
          careCampaignId: v.careCampaignId,
          retryOfId: v.id,
          attempt: v.attempt + 1,
          note: '上次无人在家，已留言',
          createdBy: auth.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: visits.id });
      retryId = retry?.id ?? null;
    }
    await recordEvent(tx, userActor(auth), now, {
      action: `visit.${body.outcome}`,
      entityType: 'visit',
      entityId: v.id,
      projectId: v.projectId,
      after: { opinions: body.opinions ?? null, retryId },
    });
    return row!;
  });
  if (body.followUp) {
    const ticket = await createTicket(
      ctx,
      auth,
      ticketInput.parse({
        projectId: v.projectId,
        type: body.followUp.type,
        channel: 'walk-in',
        unitId: v.unitId,
        description: `【走访】${body.followUp.description}`,
      }),
    );
    await ctx.database.db.transaction(async (tx) => {
      await tx.update(visits).set({ followUpTicketId: ticket.id }).where(eq(visits.id, v.id));
      await recordEvent(tx, userActor(auth), ctx.clock.now(), {
        action: 'visit.follow_up',
        entityType: 'visit',
        entityId: v.id,
        projectId: v.projectId,
        after: { ticketId: ticket.id },
      });
    });
  }
}

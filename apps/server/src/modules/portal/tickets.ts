import { and, count, desc, eq, gt, inArray } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import type { Actor } from '../../platform/events/record-event';
import { events } from '../../platform/events/schema';
import type { Services } from '../../platform/http/app-types';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { ROUTE_WEB_ITEMS_JOB } from '../telephony/route-web-items';
import { createTicket } from '../tickets/create-ticket';
import { reopenInWrite } from '../tickets/reopen-ticket';
import { tickets } from '../tickets/schema';
import { patchTicket } from '../tickets/ticket-ops';
import { writeTicket } from '../tickets/ticket-write';
import { classifyIntake } from '../triage/classify-intake';
import { recordTicketTriage } from '../triage/record-triage';
import { attachUploads } from '../uploads/attach-uploads';
import { bookPreferredWindow } from './appointment';
import type { PortalContext } from './context';
import type { PortalTicketInput } from './inputs';
import { intakeRefusal, reopenRefusal, urgeWaitSeconds } from './rules/guards';
import {
  PORTAL_DUPLICATE_HOURS,
  PORTAL_MAX_TICKETS_PER_DAY,
  PORTAL_REOPEN_DAYS,
  PORTAL_URGE_MINUTES,
} from './settings';

type Ctx = Pick<Services, 'database' | 'clock' | 'queue' | 'bus'>;

/** Resident actions appear on the timeline as the portal channel, never as a staff member. */
export const portalActor = (p: PortalContext): Actor => ({
  userId: null,
  companyId: p.companyId,
  source: 'channel',
});

const myResidentIds = (p: PortalContext) => p.residents.map((r) => r.id);

/** One of my tickets (reported by any of my archive records), or 404. */
export async function myTicket(ctx: Pick<Services, 'database'>, p: PortalContext, id: number) {
  const ids = myResidentIds(p);
  const [t] = await ctx.database.db
    .select()
    .from(tickets)
    .where(and(eq(tickets.id, id), inArray(tickets.residentId, ids.length ? ids : [-1])));
  if (!t) throw notFound('Ticket');
  return t;
}

/**
 * 报修/投诉/建议/表扬 from the portal: the same intake command as the service desk, channel `portal`,
 * behind the abuse guard (N a day, no identical report for the same unit within the window).
 */
export async function reportTicket(ctx: Ctx, p: PortalContext, input: PortalTicketInput) {
  const unit = p.units.find((u) => u.id === input.unitId);
  if (!unit) throw badRequest('Not one of your units', { unitId: input.unitId });
  const now = ctx.clock.now();
  const scope = { companyId: p.companyId, projectId: unit.projectId };
  const [maxPerDay, duplicateHours] = await Promise.all([
    getSetting(ctx.database.db, PORTAL_MAX_TICKETS_PER_DAY, scope),
    getSetting(ctx.database.db, PORTAL_DUPLICATE_HOURS, scope),
  ]);
  const since = new Date(now.getTime() - Math.max(24, duplicateHours) * 3_600_000);
  const recent = await ctx.database.db
    .select({ description: tickets.description, unitId: tickets.unitId, createdAt: tickets.createdAt })
    .from(tickets)
    .where(
      and(
        inArray(tickets.residentId, myResidentIds(p)),
        eq(tickets.channel, 'portal'),
        gt(tickets.createdAt, since),
      ),
    );
  const refusal = intakeRefusal(recent, { description: input.description, unitId: unit.id }, now, {
    maxPerDay,
    duplicateHours,
  });
  if (refusal === 'duplicate')
    throw new AppError(409, 'duplicate_report', 'You reported the same thing recently; it is being handled', {
      hours: duplicateHours,
    });
  if (refusal === 'daily_limit')
    throw new AppError(
      429,
      'daily_limit',
      `At most ${maxPerDay} reports a day; please call the service centre`,
      {
        maxPerDay,
      },
    );
  // The resident's own photos become the unit's project's, so the desk and the technician see them.
  await attachUploads(
    ctx.database.db,
    { kind: 'portal', companyId: p.companyId, phone: p.phone },
    unit.projectId,
    input.attachments.map((a) => a.url),
  );
  // The intake runs as the portal channel: no staff permissions, only the unit's project in scope.
  const auth: AuthContext = {
    userId: 0,
    companyId: p.companyId,
    username: 'portal',
    displayName: 'portal',
    locale: 'zh-CN',
    permissions: new Set(),
    projectIds: [unit.projectId],
    allProjects: false,
    sessionId: 0,
  };
  const window = input.appointment
    ? await bookPreferredWindow(ctx.database.db, scope, input.appointment, now)
    : { appointmentAt: input.appointmentAt ?? null, appointmentUntil: null };
  // 智能分类: a danger named in the text makes the ticket urgent before any agent reads it.
  const triage = await classifyIntake(ctx, p.companyId, unit.projectId, input.description);
  const urgent = input.urgent || triage?.priority === '急';
  const { id } = await createTicket(
    ctx,
    auth,
    {
      projectId: unit.projectId,
      type: input.type,
      channel: 'portal',
      // 急 wins over a window: the urgent clocks apply, and the window still tells when someone is home.
      priority: urgent ? '急' : window.appointmentAt ? '预约' : '一般',
      ...window,
      unitId: unit.id,
      residentId: unit.residentId,
      categoryId: input.categoryId ?? triage?.categoryId ?? null,
      description: input.description,
      attachments: input.attachments,
      contactPhone: null,
    },
    undefined,
    portalActor(p),
  );
  if (triage)
    await recordTicketTriage(ctx, {
      ticketId: id,
      source: 'portal',
      result: triage.result,
      autoUrgent: triage.autoUrgent && !input.urgent,
      actor: portalActor(p),
    });
  // An agent of the web-items queue is offered it (telephony/route-web-items.ts).
  await ctx.queue.enqueue(ROUTE_WEB_ITEMS_JOB, { companyId: p.companyId, projectId: unit.projectId });
  return id;
}

/** 催单: recorded on the timeline (the agent sees it live) and counted; once per interval. */
export async function urgeTicket(ctx: Ctx, p: PortalContext, id: number) {
  const t = await myTicket(ctx, p, id);
  if (t.status !== '待受理' && t.status !== '处理中')
    throw conflict('Only an open ticket can be urged', { status: t.status });
  const interval = await getSetting(ctx.database.db, PORTAL_URGE_MINUTES, {
    companyId: p.companyId,
    projectId: t.projectId,
  });
  const urges = () =>
    ctx.database.db
      .select({ at: events.occurredAt })
      .from(events)
      .where(
        and(
          eq(events.entityType, 'ticket'),
          eq(events.entityId, String(t.id)),
          eq(events.action, 'ticket.urged'),
        ),
      )
      .orderBy(desc(events.occurredAt));
  const [last] = await urges();
  const wait = urgeWaitSeconds(last?.at ?? null, ctx.clock.now(), interval);
  if (wait > 0)
    throw new AppError(429, 'urge_too_soon', 'You urged this ticket a moment ago', {
      retryAfterSeconds: wait,
    });
  await writeTicket(
    ctx,
    null,
    t.id,
    async (w) => {
      await w.event({
        action: 'ticket.urged',
        entityType: 'ticket',
        entityId: t.id,
        after: { status: t.status },
      });
    },
    portalActor(p),
  );
  const [n] = await ctx.database.db
    .select({ n: count() })
    .from(events)
    .where(
      and(
        eq(events.entityType, 'ticket'),
        eq(events.entityId, String(t.id)),
        eq(events.action, 'ticket.urged'),
      ),
    );
  return { urgeCount: n?.n ?? 0 };
}

/** The resident's own rating of finished work: stored once, never editable by staff or resident. */
export async function rateTicket(
  ctx: Ctx,
  p: PortalContext,
  id: number,
  r: { overall: number; speed: number; attitude: number; comment?: string | null },
) {
  const t = await myTicket(ctx, p, id);
  await writeTicket(
    ctx,
    null,
    t.id,
    async (w) => {
      const row = w.bundle.ticket;
      if (row.status !== '待回访' && row.status !== '已关闭')
        throw conflict('Only finished work can be rated', { status: row.status });
      if (row.residentRating) throw new AppError(409, 'already_rated', 'This ticket was already rated');
      const rating = { ...r, comment: r.comment ?? null, at: w.now.toISOString() };
      await patchTicket(w, { residentRating: rating });
      await w.event({ action: 'ticket.rated', entityType: 'ticket', entityId: row.id, after: rating });
    },
    portalActor(p),
  );
}

/** Not fixed after all: back to 处理中 within the reopen window (a repair gets a rework order). */
export async function reopenMyTicket(ctx: Ctx, p: PortalContext, id: number, reason: string) {
  const t = await myTicket(ctx, p, id);
  const days = await getSetting(ctx.database.db, PORTAL_REOPEN_DAYS, {
    companyId: p.companyId,
    projectId: t.projectId,
  });
  await writeTicket(
    ctx,
    null,
    t.id,
    async (w) => {
      const refusal = reopenRefusal(w.bundle.ticket, w.now, days);
      if (refusal) throw conflict(refusal, { days });
      await reopenInWrite(w, `住户重开：${reason}`, 'reopen');
    },
    portalActor(p),
  );
}

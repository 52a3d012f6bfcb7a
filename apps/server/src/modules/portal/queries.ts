import { formatHumanTime } from '@guanjia/shared';
import { and, asc, count, desc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { events } from '../../platform/events/schema';
import { offsetOf, type PageQuery } from '../../platform/http/pagination';
import { renderTemplate, TEMPLATE_FALLBACKS } from '../delivery/rules/template';
import { deliveries } from '../delivery/schema';
import { incidentMatches } from '../incidents/rules/coverage';
import { incidents } from '../incidents/schema';
import { noticeReads, notices } from '../notices/schema';
import { projects, units } from '../org/schema';
import { tickets } from '../tickets/schema';
import { workOrders } from '../workorders/schema';
import type { PortalContext } from './context';
import { myTicketProgress } from './progress';

type TicketRow = typeof tickets.$inferSelect;

const ids = (p: PortalContext) => (p.residents.length ? p.residents.map((r) => r.id) : [-1]);

function presentMyTicket(t: TicketRow, unitLabel: string | null) {
  return {
    id: t.id,
    number: t.number,
    type: t.type,
    status: t.status,
    title: t.title,
    description: t.description,
    unitId: t.unitId,
    unitLabel,
    attachments: t.attachments,
    priority: t.priority,
    appointmentAt: t.appointmentAt?.toISOString() ?? null,
    appointmentUntil: t.appointmentUntil?.toISOString() ?? null,
    rating: t.residentRating,
    createdAt: t.createdAt.toISOString(),
    resolvedAt: t.resolvedAt?.toISOString() ?? null,
    closedAt: t.closedAt?.toISOString() ?? null,
  };
}

export async function myTickets(db: DbOrTx, p: PortalContext, q: PageQuery) {
  const where = inArray(tickets.residentId, ids(p));
  const [rows, [total]] = await Promise.all([
    db
      .select({ t: tickets, label: units.label })
      .from(tickets)
      .leftJoin(units, eq(units.id, tickets.unitId))
      .where(where)
      .orderBy(desc(tickets.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(tickets).where(where),
  ]);
  return {
    items: rows.map((r) => presentMyTicket(r.t, r.label)),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * What a resident sees of the timeline: status steps of the ticket and its work orders, urges and
 * ratings — only the action and time. Internal notes, reasons and staff names stay in the console.
 */
const RESIDENT_VISIBLE = new Set([
  'ticket.created',
  'ticket.accepted',
  'ticket.answered',
  'ticket.resolved',
  'ticket.closed',
  'ticket.reopened',
  'ticket.cancelled',
  'ticket.urged',
  'ticket.rated',
  'workorder.created',
  'workorder.dispatch',
  // The dispatcher's and the automatic dispatch's own actions (dispatch/auto-dispatch.ts).
  'workorder.dispatched',
  'workorder.grab',
  'workorder.grabbed',
  'workorder.accept',
  'workorder.arrive',
  'workorder.start',
  'workorder.pause',
  'workorder.resume',
  'workorder.complete',
]);

export async function myTicketDetail(db: DbOrTx, t: TicketRow) {
  const [unit] = t.unitId
    ? await db.select({ label: units.label }).from(units).where(eq(units.id, t.unitId))
    : [];
  const wos = await db.select({ id: workOrders.id }).from(workOrders).where(eq(workOrders.ticketId, t.id));
  const rows = await db
    .select({ at: events.occurredAt, action: events.action, source: events.source, after: events.after })
    .from(events)
    .where(
      or(
        and(eq(events.entityType, 'ticket'), eq(events.entityId, String(t.id))),
        wos.length
          ? and(
              eq(events.entityType, 'work_order'),
              inArray(
                events.entityId,
                wos.map((w) => String(w.id)),
              ),
            )
          : undefined,
      ),
    )
    .orderBy(asc(events.id));
  const timeline = rows
    .filter((e) => RESIDENT_VISIBLE.has(e.action))
    .map((e) => ({
      at: e.at.toISOString(),
      action: e.action,
      status: (e.after as { status?: string } | null)?.status ?? null,
      byResident: e.source === 'channel',
    }));
  return {
    ...presentMyTicket(t, unit?.label ?? null),
    ...(await myTicketProgress(db, t)),
    urgeCount: timeline.filter((e) => e.action === 'ticket.urged').length,
    timeline,
  };
}

/** Published, unexpired notices addressed to me (the outbox rows say who was addressed), newest first. */
export async function myNotices(db: DbOrTx, p: PortalContext, q: PageQuery, now: Date) {
  const rows = await db
    .select({ n: notices, body: deliveries.body, readAt: noticeReads.readAt })
    .from(deliveries)
    .innerJoin(notices, eq(notices.id, deliveries.sourceId))
    .leftJoin(
      noticeReads,
      and(eq(noticeReads.noticeId, notices.id), eq(noticeReads.residentId, deliveries.residentId)),
    )
    .where(
      and(
        eq(deliveries.sourceType, 'notice'),
        inArray(deliveries.residentId, ids(p)),
        eq(notices.status, '已发布'),
        gt(notices.expiresAt, now),
        or(isNull(notices.publishAt), lte(notices.publishAt, now)),
      ),
    )
    .orderBy(desc(notices.id));
  const seen = new Map<number, { n: typeof notices.$inferSelect; body: string; read: boolean }>();
  for (const r of rows) {
    const had = seen.get(r.n.id);
    if (!had) seen.set(r.n.id, { n: r.n, body: r.body, read: !!r.readAt });
    else if (r.readAt) had.read = true;
  }
  const all = [...seen.values()];
  return {
    items: all.slice(offsetOf(q), offsetOf(q) + q.pageSize).map(({ n, body, read }) => ({
      id: n.id,
      type: n.type,
      title: n.title,
      body,
      urgent: n.urgent,
      publishedAt: n.publishedAt?.toISOString() ?? null,
      expiresAt: n.expiresAt.toISOString(),
      read,
    })),
    total: all.length,
    unread: all.filter((x) => !x.read).length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** A read receipt for each of my archive records the notice was addressed to. */
export async function readNotice(
  db: DbOrTx,
  p: PortalContext,
  noticeId: number,
  now: Date,
): Promise<boolean> {
  const addressed = await db
    .selectDistinct({ residentId: deliveries.residentId })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.sourceType, 'notice'),
        eq(deliveries.sourceId, noticeId),
        inArray(deliveries.residentId, ids(p)),
      ),
    );
  const residentIds = addressed.map((a) => a.residentId).filter((id): id is number => id !== null);
  if (!residentIds.length) return false;
  await db
    .insert(noticeReads)
    .values(residentIds.map((residentId) => ({ noticeId, residentId, readAt: now })))
    .onConflictDoNothing();
  return true;
}

/** Ongoing incidents affecting any of my units, with the text for residents filled in. */
export async function myIncidents(db: DbOrTx, p: PortalContext, now: Date) {
  const projectIds = [...new Set(p.units.map((u) => u.projectId))];
  if (!projectIds.length) return { items: [], total: 0, page: 1, pageSize: 0 };
  const rows = await db
    .select({ i: incidents, timezone: projects.timezone })
    .from(incidents)
    .innerJoin(projects, eq(projects.id, incidents.projectId))
    .where(and(inArray(incidents.projectId, projectIds), eq(incidents.status, '进行中')))
    .orderBy(desc(incidents.id))
    .limit(100);
  const items = rows.flatMap(({ i, timezone }) => {
    const unit = p.units.find(
      (u) =>
        u.projectId === i.projectId && incidentMatches(i, { unitId: u.id, buildingId: u.buildingId }, now),
    );
    if (!unit) return [];
    const name = p.residents.find((r) => r.id === unit.residentId)?.name ?? null;
    const until = i.expectedEndAt ? formatHumanTime(i.expectedEndAt, { timeZone: timezone, now }) : null;
    return [
      {
        id: i.id,
        kind: i.kind,
        title: i.title,
        emergency: i.emergency,
        unitLabel: unit.label,
        text: renderTemplate(
          i.residentText,
          {
            'resident.name': name,
            'unit.label': unit.label,
            'incident.kind': i.kind,
            'incident.until': until,
          },
          TEMPLATE_FALLBACKS,
        ),
        startsAt: i.startsAt.toISOString(),
        expectedEndAt: i.expectedEndAt?.toISOString() ?? null,
        // The portal shows times where the estate is, whatever the phone's own zone.
        timezone,
      },
    ];
  });
  return { items, total: items.length, page: 1, pageSize: items.length };
}

/**
 * The zone the portal shows times in: that of my first unit's project (or the company's first
 * project before any binding) — the estate's clock, not the phone's.
 */
export async function portalTimezone(db: DbOrTx, p: PortalContext): Promise<string> {
  const projectId = p.units[0]?.projectId ?? p.residents[0]?.projectId;
  const [row] = await db
    .select({ tz: projects.timezone })
    .from(projects)
    .where(projectId ? eq(projects.id, projectId) : eq(projects.companyId, p.companyId))
    .orderBy(asc(projects.id))
    .limit(1);
  return row?.tz ?? 'Asia/Shanghai';
}

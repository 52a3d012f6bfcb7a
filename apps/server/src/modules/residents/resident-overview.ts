import { OPEN_TICKET_STATUSES } from '@guanjia/shared';
import type { ResidentOverview } from '@guanjia/shared/api';
import { and, count, desc, eq, inArray, isNotNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { Database } from '../../platform/db/client';
import { events } from '../../platform/events/schema';
import { notFound } from '../../platform/http/errors';
import { callbacks } from '../callbacks/schema';
import { deliveries } from '../delivery/schema';
import { units } from '../org/schema';
import { portalBindingRequests } from '../portal/schema';
import { presentCall } from '../telephony/queries';
import { calls } from '../telephony/schema';
import { presentCallback } from '../tickets/detail';
import { presentTicketSummary, ticketLookups } from '../tickets/queries';
import { tickets } from '../tickets/schema';
import { assertResidentInZones, presentResident, withLinks } from './queries';
import { buildTimeline } from './rules/overview-timeline';
import { residents, residentUnits } from './schema';

/** Each section shows its latest items; the total says how many more the full list holds. */
export const OVERVIEW_SECTION_LIMIT = 20;

const open = sql`${tickets.status} = any(${sql.param([...OPEN_TICKET_STATUSES])}::text[])`;

async function section<T>(items: Promise<T[]>, total: Promise<{ n: number }[]>) {
  const [rows, [counted]] = await Promise.all([items, total]);
  return { items: rows, total: counted?.n ?? 0 };
}

/**
 * The resident 360: who they are, their household, and every contact with them or about their units —
 * tickets (open first: Q44, the agent sees what is already being handled before logging it again), calls
 * from or to their numbers, callbacks and scores, complaints, notices received, portal bindings and notes.
 * Out-of-scope residents answer 404 like missing ones.
 */
export async function residentOverview(
  database: Database,
  auth: AuthContext,
  id: number,
): Promise<ResidentOverview> {
  const { db } = database;
  const [row] = await db.select().from(residents).where(eq(residents.id, id));
  if (!row) throw notFound('Resident');
  assertInScope(auth, row.projectId, 'Resident');
  await assertResidentInZones(db, auth, id);
  const [full] = await withLinks(db, [row]);
  if (!full) throw notFound('Resident');
  const unitIds = full.units.map((u) => u.unitId);
  const e164s = full.phones.map((p) => p.e164).filter((n): n is string => Boolean(n));
  const limit = OVERVIEW_SECTION_LIMIT;

  // Tickets of the resident or of any of their units, in the resident's project.
  const theirs: SQL = and(
    eq(tickets.projectId, row.projectId),
    unitIds.length
      ? or(eq(tickets.residentId, id), inArray(tickets.unitId, unitIds))
      : eq(tickets.residentId, id),
  ) as SQL;
  const ticketIds = sql`array(select ${tickets.id} from ${tickets} where ${theirs})`;
  const complaintWhere = and(theirs, eq(tickets.type, '投诉'));
  const supervisedWhere = and(theirs, open, isNotNull(tickets.supervisionDueAt));
  const callWhere = e164s.length
    ? and(eq(calls.projectId, row.projectId), inArray(calls.partyE164, e164s))
    : sql`false`;
  const callbackWhere = and(
    eq(callbacks.projectId, row.projectId),
    sql`${callbacks.ticketId} = any(${ticketIds})`,
    ne(callbacks.status, '已取消'),
  );
  const noticeWhere = and(eq(deliveries.residentId, id), eq(deliveries.projectId, row.projectId));
  const bindingWhere = and(
    eq(portalBindingRequests.projectId, row.projectId),
    or(eq(portalBindingRequests.residentId, id), eq(portalBindingRequests.targetResidentId, id)),
  );
  const noteWhere = and(
    eq(events.entityType, 'resident'),
    eq(events.entityId, String(id)),
    eq(events.action, 'resident.noted'),
  );

  const [
    household,
    ticketPage,
    openCount,
    complaintPage,
    supervisedPage,
    callPage,
    callbackPage,
    noticePage,
    bindingPage,
    notePage,
  ] = await Promise.all([
    unitIds.length
      ? db
          .select({
            residentId: residents.id,
            name: residents.name,
            unitId: units.id,
            unitLabel: units.label,
            relation: residentUnits.relation,
            vip: residents.vip,
          })
          .from(residentUnits)
          .innerJoin(residents, eq(residents.id, residentUnits.residentId))
          .innerJoin(units, eq(units.id, residentUnits.unitId))
          .where(and(inArray(residentUnits.unitId, unitIds), ne(residents.id, id)))
          .orderBy(units.label, residents.id)
          .limit(50)
      : Promise.resolve([]),
    section(
      db.select().from(tickets).where(theirs).orderBy(sql`${open} desc`, desc(tickets.id)).limit(limit),
      db.select({ n: count() }).from(tickets).where(theirs),
    ),
    db.select({ n: count() }).from(tickets).where(and(theirs, open)),
    section(
      db.select().from(tickets).where(complaintWhere).orderBy(desc(tickets.id)).limit(limit),
      db.select({ n: count() }).from(tickets).where(complaintWhere),
    ),
    section(
      db.select().from(tickets).where(supervisedWhere).orderBy(tickets.supervisionDueAt).limit(limit),
      db.select({ n: count() }).from(tickets).where(supervisedWhere),
    ),
    section(
      db
        .select({ call: calls, agentName: users.displayName })
        .from(calls)
        .leftJoin(users, eq(users.id, calls.agentId))
        .where(callWhere)
        .orderBy(desc(calls.startedAt))
        .limit(limit),
      db.select({ n: count() }).from(calls).where(callWhere),
    ),
    section(
      db
        .select({ cb: callbacks, number: tickets.number, title: tickets.title })
        .from(callbacks)
        .innerJoin(tickets, eq(tickets.id, callbacks.ticketId))
        .where(callbackWhere)
        .orderBy(desc(callbacks.dueAt), desc(callbacks.id))
        .limit(limit),
      db.select({ n: count() }).from(callbacks).where(callbackWhere),
    ),
    section(
      db.select().from(deliveries).where(noticeWhere).orderBy(desc(deliveries.id)).limit(limit),
      db.select({ n: count() }).from(deliveries).where(noticeWhere),
    ),
    section(
      db
        .select({ b: portalBindingRequests, unitLabel: units.label })
        .from(portalBindingRequests)
        .leftJoin(units, eq(units.id, portalBindingRequests.unitId))
        .where(bindingWhere)
        .orderBy(desc(portalBindingRequests.id))
        .limit(limit),
      db.select({ n: count() }).from(portalBindingRequests).where(bindingWhere),
    ),
    section(
      db
        .select({ e: events, actorName: users.displayName })
        .from(events)
        .leftJoin(users, eq(users.id, events.actorId))
        .where(and(noteWhere, isNotNull(events.after)))
        .orderBy(desc(events.id))
        .limit(limit),
      db.select({ n: count() }).from(events).where(noteWhere),
    ),
  ]);

  const names = await ticketLookups(database, [
    ...ticketPage.items,
    ...complaintPage.items,
    ...supervisedPage.items,
  ]);
  const presentTickets = (rows: typeof ticketPage.items) =>
    rows.map((t) => presentTicketSummary(auth, t, names));
  const result: ResidentOverview = {
    resident: presentResident(auth, full),
    household,
    tickets: { items: presentTickets(ticketPage.items), total: ticketPage.total, open: openCount[0]?.n ?? 0 },
    complaints: { items: presentTickets(complaintPage.items), total: complaintPage.total },
    supervised: { items: presentTickets(supervisedPage.items), total: supervisedPage.total },
    calls: {
      items: callPage.items.map((r) => presentCall(auth, r.call, { agentName: r.agentName })),
      total: callPage.total,
    },
    callbacks: {
      items: callbackPage.items.map((r) => ({
        ...presentCallback(r.cb),
        ticketId: r.cb.ticketId,
        ticketNumber: r.number,
        ticketTitle: r.title,
      })),
      total: callbackPage.total,
    },
    notices: {
      items: noticePage.items.map((d) => ({
        id: d.id,
        sourceType: d.sourceType,
        sourceId: d.sourceId,
        channel: d.channel,
        subject: d.subject,
        status: d.status,
        sentAt: d.sentAt?.toISOString() ?? null,
        createdAt: d.createdAt.toISOString(),
      })),
      total: noticePage.total,
    },
    bindings: {
      items: bindingPage.items.map(({ b, unitLabel }) => ({
        id: b.id,
        kind: b.kind,
        status: b.status,
        unitId: b.unitId,
        unitLabel,
        relation: b.relation,
        createdAt: b.createdAt.toISOString(),
        decidedAt: b.decidedAt?.toISOString() ?? null,
      })),
      total: bindingPage.total,
    },
    notes: {
      items: notePage.items.map(({ e, actorName }) => ({
        id: e.id,
        at: e.occurredAt.toISOString(),
        actorName,
        note: noteOf(e.after),
      })),
      total: notePage.total,
    },
    timeline: [],
  };
  result.timeline = buildTimeline(result);
  return result;
}

function noteOf(after: unknown): string {
  if (after && typeof after === 'object' && 'note' in after && typeof after.note === 'string')
    return after.note;
  return '';
}

import { maskPhone, normalizePhone, OPEN_TICKET_STATUSES } from '@guanjia/shared';
import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type AuthContext, assertInScope, can } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { Db, DbOrTx } from '../../platform/db/client';
import { offsetOf } from '../../platform/http/pagination';
import { scopeIds } from '../org/queries';
import { projects } from '../org/schema';
import { qaFlags } from '../quality/schema';
import { attachLinks, linksOf, presentResident } from '../residents/queries';
import { residentPhones, residents, residentUnits } from '../residents/schema';
import { tickets } from '../tickets/schema';
import type { CallListQuery } from './inputs';
import { e164Of } from './project-link';
import { calls, callTickets } from './schema';

type CallRow = typeof calls.$inferSelect;

function scopeOf(auth: AuthContext, projectId: number | undefined): number[] {
  const scope = projectId ? scopeIds(auth).filter((p) => p === projectId) : scopeIds(auth);
  return scope.length ? scope : [-1];
}

/** The resident's side of a call is personal data: masked unless the caller's role holds pii.view. */
export function presentCall(
  auth: AuthContext,
  row: CallRow,
  extra: {
    agentName?: string | null;
    tickets?: { id: number; number: string }[];
    forbidden?: string[];
  } = {},
) {
  const pii = can(auth, 'pii.view');
  const mask = (n: string, isParty: boolean) => (pii || !isParty ? n : maskPhone(n));
  return {
    id: row.id,
    projectId: row.projectId,
    callId: row.externalId,
    direction: row.direction,
    state: row.state,
    from: mask(row.fromNumber, row.direction === 'in'),
    to: mask(row.toNumber, row.direction === 'out'),
    agentExtension: row.agentExtension,
    agentId: row.agentId,
    agentName: extra.agentName ?? null,
    queue: row.queue,
    startedAt: row.startedAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    waitSeconds: row.waitSeconds,
    talkSeconds: row.talkSeconds,
    recordingUrl: row.recordingUrl,
    transcript: row.transcript,
    /** Forbidden phrases flagged in the transcript (the call log's red 禁语 tag). */
    forbidden: extra.forbidden ?? [],
    cause: row.cause,
    callbackState: row.callbackState,
    callbackDueAt: row.callbackDueAt?.toISOString() ?? null,
    calledBackById: row.calledBackById,
    tickets: extra.tickets ?? [],
    version: row.version,
    piiMasked: !pii,
  };
}

export async function listCalls(db: DbOrTx, auth: AuthContext, q: CallListQuery) {
  const party = q.number ? e164Of(q.number, null) : null;
  const where = and(
    inArray(calls.projectId, scopeOf(auth, q.projectId)),
    q.direction ? eq(calls.direction, q.direction) : undefined,
    q.state ? eq(calls.state, q.state) : undefined,
    q.callback ? eq(calls.callbackState, q.callback) : undefined,
    q.agentId ? eq(calls.agentId, q.agentId) : undefined,
    q.number ? eq(calls.partyE164, party ?? '-') : undefined,
  );
  // The callback list is worked oldest first; the log reads newest first.
  const order: SQL[] =
    q.callback === 'pending'
      ? [asc(calls.startedAt), asc(calls.id)]
      : [desc(calls.startedAt), desc(calls.id)];
  const [rows, [total]] = await Promise.all([
    db
      .select({ call: calls, agentName: users.displayName })
      .from(calls)
      .leftJoin(users, eq(users.id, calls.agentId))
      .where(where)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(calls).where(where),
  ]);
  const ids = rows.map((r) => r.call.id);
  const [links, flags] = await Promise.all([ticketsOfCalls(db, ids), flagsOfCalls(db, ids)]);
  return {
    items: rows.map((r) =>
      presentCall(auth, r.call, {
        agentName: r.agentName,
        tickets: links.get(r.call.id) ?? [],
        forbidden: flags.get(r.call.id) ?? [],
      }),
    ),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

async function ticketsOfCalls(db: DbOrTx, callIds: number[]) {
  const map = new Map<number, { id: number; number: string }[]>();
  if (!callIds.length) return map;
  const rows = await db
    .select({ callId: callTickets.callId, id: tickets.id, number: tickets.number })
    .from(callTickets)
    .innerJoin(tickets, eq(tickets.id, callTickets.ticketId))
    .where(inArray(callTickets.callId, callIds))
    .orderBy(asc(tickets.id));
  for (const r of rows) map.set(r.callId, [...(map.get(r.callId) ?? []), { id: r.id, number: r.number }]);
  return map;
}

async function flagsOfCalls(db: DbOrTx, callIds: number[]) {
  const map = new Map<number, string[]>();
  if (!callIds.length) return map;
  const rows = await db
    .select({ callId: qaFlags.subjectId, phrases: qaFlags.phrases })
    .from(qaFlags)
    .where(and(eq(qaFlags.subjectType, 'call'), inArray(qaFlags.subjectId, callIds)));
  for (const r of rows) map.set(r.callId, [...new Set([...(map.get(r.callId) ?? []), ...r.phrases])]);
  return map;
}

/** One call in the caller's scope (404 otherwise), with agent and linked tickets. */
export async function callDetail(db: DbOrTx, auth: AuthContext, id: number) {
  const [row] = await db
    .select({ call: calls, agentName: users.displayName })
    .from(calls)
    .leftJoin(users, eq(users.id, calls.agentId))
    .where(and(eq(calls.id, id), inArray(calls.projectId, scopeOf(auth, undefined))));
  if (!row) return null;
  const [links, flags] = await Promise.all([ticketsOfCalls(db, [id]), flagsOfCalls(db, [id])]);
  return presentCall(auth, row.call, {
    agentName: row.agentName,
    tickets: links.get(id) ?? [],
    forbidden: flags.get(id) ?? [],
  });
}

/**
 * The screen pop's resident 360 for a caller number: every resident in scope with that number
 * (a family may share a landline), their units and VIP flag, open tickets, and the number's last ten
 * contacts (tickets of those residents and calls from or to the number), PII masked per role.
 * Served by resident_phones_e164_idx, tickets_resident_idx and calls_party_idx.
 */
export async function callerLookup(db: Db, auth: AuthContext, number: string, projectId?: number) {
  if (projectId) assertInScope(auth, projectId, 'Project');
  const scope = scopeOf(auth, projectId);
  // Full numbers (mobiles, +86…, 0-prefixed landlines) need no project lookup; only a local number
  // (7–8 digits, which never normalises without an area code) is completed with the project's.
  let n = normalizePhone(number);
  if (!n && projectId && scope.includes(projectId)) {
    const [p] = await db
      .select({ areaCode: projects.areaCode })
      .from(projects)
      .where(eq(projects.id, projectId));
    n = normalizePhone(number, { areaCode: p?.areaCode ?? undefined });
  }
  const pii = can(auth, 'pii.view');
  const head = {
    number: n ? (pii ? n.national : maskPhone(n.national)) : pii ? number : maskPhone(number),
    e164: n && pii ? n.e164 : null,
    kind: n?.kind ?? null,
    extension: n?.extension ?? null,
    piiMasked: !pii,
  };
  if (!n) return { ...head, known: false, residents: [], lastContacts: [] };
  // One round trip of parallel reads, each naming the number's residents (a family may share one, in
  // scope) by the same subquery, so none waits for another.
  const ids = sql`array(select distinct ${residentPhones.residentId} from ${residentPhones}
    where ${residentPhones.e164} = ${n.e164} and ${residentPhones.projectId} = any(${sql.param(scope)}::bigint[]) limit 20)`;
  const ofResidents = sql`${tickets.residentId} = any(${ids})`;
  // Q44: a household shares its unit's open tickets — the tenant's burst pipe shows on the owner's call.
  const ofTheirUnits = sql`${tickets.unitId} = any(array(select ${residentUnits.unitId} from ${residentUnits}
    where ${residentUnits.residentId} = any(${ids})))`;
  const ticketColumns = {
    id: tickets.id,
    residentId: tickets.residentId,
    projectId: tickets.projectId,
    number: tickets.number,
    type: tickets.type,
    status: tickets.status,
    title: tickets.title,
    slaState: tickets.slaState,
    createdAt: tickets.createdAt,
    unitId: tickets.unitId,
    urgeCount: tickets.urgeCount,
  };
  const [rows, links, open, recentTickets, recentCalls] = await Promise.all([
    db.select().from(residents).where(sql`${residents.id} = any(${ids})`).orderBy(asc(residents.id)),
    linksOf(db, ids),
    db
      .select(ticketColumns)
      .from(tickets)
      .where(
        and(
          or(ofResidents, ofTheirUnits),
          inArray(tickets.status, [...OPEN_TICKET_STATUSES]),
          inArray(tickets.projectId, scope),
        ),
      )
      .orderBy(desc(tickets.id))
      .limit(50),
    db.select(ticketColumns).from(tickets).where(ofResidents).orderBy(desc(tickets.id)).limit(10),
    db
      .select()
      .from(calls)
      .where(and(eq(calls.partyE164, n.e164), inArray(calls.projectId, scope)))
      .orderBy(desc(calls.startedAt))
      .limit(10),
  ]);
  const full = attachLinks(rows, links);
  const presentTicket = (t: (typeof open)[number]) => ({
    id: t.id,
    projectId: t.projectId,
    number: t.number,
    type: t.type,
    status: t.status,
    title: t.title,
    slaState: t.slaState,
    createdAt: t.createdAt.toISOString(),
    unitId: t.unitId,
    residentId: t.residentId,
    urgeCount: t.urgeCount,
  });
  const lastContacts = [
    ...recentTickets.map((t) => ({ kind: 'ticket' as const, at: t.createdAt, ticket: presentTicket(t) })),
    ...recentCalls.map((c) => ({ kind: 'call' as const, at: c.startedAt, call: presentCall(auth, c) })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, 10)
    .map(({ at, ...rest }) => ({ ...rest, at: at.toISOString() }));
  return {
    ...head,
    known: full.length > 0,
    residents: full.map((r) => ({
      ...presentResident(auth, r),
      // The resident's own first, then the rest of the household's on the same units.
      openTickets: open
        .filter((t) => t.residentId === r.id || r.units.some((u) => u.unitId === t.unitId))
        .sort((a, b) => Number(b.residentId === r.id) - Number(a.residentId === r.id))
        .map(presentTicket),
    })),
    lastContacts,
  };
}

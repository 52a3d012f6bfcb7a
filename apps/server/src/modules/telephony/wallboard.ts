import { OPEN_TICKET_STATUSES } from '@guanjia/shared';
import { and, asc, count, eq, gte, inArray, isNotNull, isNull, min, or, sql } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { userProjects, users } from '../../platform/auth/schema';
import type { Db } from '../../platform/db/client';
import { getSetting } from '../../platform/settings/get-setting';
import { PHONE_ANSWER_RINGS } from '../../platform/settings/registry';
import { projects } from '../org/schema';
import { localDayOf, startOfLocalDay } from '../reports/rules/days';
import { tickets } from '../tickets/schema';
import { waitingIn } from './route-call';
import { queueFigures, type SeatIn, stateCounts, teamSeats, withinTargetRate } from './rules/wallboard';
import { agentExtensions, agentPresence, callQueues, calls } from './schema';
import { RING_SECONDS } from './settings';

/**
 * The 班长席 wallboard of one project: waiting calls per queue and the longest wait, every seat of the
 * team (the never-signed-in as 离线), the ticket backlog, and today's (project time zone) answered / abandoned / answered within the
 * Q01 target (rings × ring length, both settings) with per-agent counts. Plain SQL aggregates.
 */
export async function wallboard(db: Db, auth: AuthContext, projectId: number, now: Date) {
  assertInScope(auth, projectId, 'Project');
  const scope = { companyId: auth.companyId, projectId };
  const [project] = await db
    .select({ timezone: projects.timezone })
    .from(projects)
    .where(eq(projects.id, projectId));
  const timezone = project?.timezone ?? 'Asia/Shanghai';
  const dayStart = startOfLocalDay(localDayOf(now, timezone), timezone);
  const rings = await getSetting(db, PHONE_ANSWER_RINGS, scope);
  const ringSeconds = await getSetting(db, RING_SECONDS, scope);
  const targetSeconds = rings * ringSeconds;

  const queueRows = await db
    .select({ name: callQueues.name })
    .from(callQueues)
    .where(eq(callQueues.projectId, projectId))
    .orderBy(asc(callQueues.id));
  const waitingRows = await db
    .select({ queue: calls.queue, n: count(), oldest: min(calls.startedAt) })
    .from(calls)
    .where(waitingIn(projectId))
    .groupBy(calls.queue);
  const waiting = queueFigures(
    queueRows.map((q) => q.name),
    waitingRows.map((w) => ({ queue: w.queue, waiting: w.n, oldest: w.oldest ? new Date(w.oldest) : null })),
    now,
  );
  const seats = teamSeats(await teamOf(db, auth.companyId, projectId), now);

  const today = and(
    eq(calls.projectId, projectId),
    eq(calls.direction, 'in'),
    gte(calls.startedAt, dayStart),
  );
  const [totals] = await db
    .select({
      answered: sql<number>`count(*) filter (where ${calls.answeredAt} is not null)`.mapWith(Number),
      abandoned:
        sql<number>`count(*) filter (where ${calls.endedAt} is not null and ${calls.answeredAt} is null and coalesce(${calls.cause}, '') <> 'blocked')`.mapWith(
          Number,
        ),
      withinTarget:
        sql<number>`count(*) filter (where ${calls.answeredAt} is not null and ${calls.waitSeconds} <= ${targetSeconds})`.mapWith(
          Number,
        ),
    })
    .from(calls)
    .where(today);
  const perAgent = await db
    .select({
      agentId: calls.agentId,
      name: users.displayName,
      answered: count(),
      talkSeconds: sql<number>`coalesce(sum(${calls.talkSeconds}), 0)`.mapWith(Number),
    })
    .from(calls)
    .innerJoin(users, eq(users.id, calls.agentId))
    .where(and(gte(calls.startedAt, dayStart), eq(calls.projectId, projectId), isNotNull(calls.answeredAt)))
    .groupBy(calls.agentId, users.displayName)
    .orderBy(asc(calls.agentId));
  const [callbacks] = await db
    .select({ n: count() })
    .from(calls)
    .where(
      and(eq(calls.projectId, projectId), eq(calls.callbackState, 'pending'), isNull(calls.calledBackById)),
    );

  const answered = totals?.answered ?? 0;
  return {
    projectId,
    at: now.toISOString(),
    queues: waiting.queues,
    waiting: waiting.waiting,
    longestWaitSeconds: waiting.longestWaitSeconds,
    agents: seats,
    agentCounts: stateCounts(seats),
    tickets: await ticketFigures(db, projectId),
    today: {
      answered,
      abandoned: totals?.abandoned ?? 0,
      answeredWithinTarget: totals?.withinTarget ?? 0,
      answeredWithinTargetRate: withinTargetRate(answered, totals?.withinTarget ?? 0),
      targetSeconds,
      targetRings: rings,
      callbacksPending: callbacks?.n ?? 0,
      perAgent: perAgent.map((p) => ({
        agentId: p.agentId,
        name: p.name,
        answered: p.answered,
        talkSeconds: p.talkSeconds,
      })),
    },
  };
}

/**
 * The team's seats: staff of the project (or of every project) who sit at a PBX extension or ever
 * signed in to the phone, with their presence when they have one (none: never signed in → 离线).
 */
async function teamOf(db: Db, companyId: number, projectId: number): Promise<SeatIn[]> {
  const rows = await db
    .select({
      id: users.id,
      name: users.displayName,
      state: agentPresence.state,
      reason: agentPresence.reason,
      since: agentPresence.since,
      currentCallId: agentPresence.currentCallId,
    })
    .from(users)
    .leftJoin(agentPresence, eq(agentPresence.userId, users.id))
    .leftJoin(agentExtensions, eq(agentExtensions.userId, users.id))
    .where(
      and(
        eq(users.companyId, companyId),
        eq(users.active, true),
        or(isNotNull(agentPresence.userId), isNotNull(agentExtensions.userId)),
        or(
          eq(users.allProjects, true),
          inArray(
            users.id,
            sql`(select ${userProjects.userId} from ${userProjects} where ${userProjects.projectId} = ${projectId})`,
          ),
        ),
      ),
    )
    .orderBy(asc(users.id));
  return rows;
}

/** The desk's backlog: open tickets, those nobody owns yet, and those whose SLA is near or past breach. */
async function ticketFigures(db: Db, projectId: number) {
  const [row] = await db
    .select({
      open: count(),
      unassigned: sql<number>`count(*) filter (where ${tickets.ownerId} is null)`.mapWith(Number),
      slaAtRisk: sql<number>`count(*) filter (where ${tickets.slaState} = 'warning')`.mapWith(Number),
      slaBreached: sql<number>`count(*) filter (where ${tickets.slaState} = 'breached')`.mapWith(Number),
    })
    .from(tickets)
    .where(and(eq(tickets.projectId, projectId), inArray(tickets.status, [...OPEN_TICKET_STATUSES])));
  return {
    open: row?.open ?? 0,
    unassigned: row?.unassigned ?? 0,
    slaAtRisk: row?.slaAtRisk ?? 0,
    slaBreached: row?.slaBreached ?? 0,
  };
}

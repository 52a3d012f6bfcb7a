import { and, asc, count, eq, gte, inArray, isNotNull, isNull, min, or, sql } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { userProjects, users } from '../../platform/auth/schema';
import type { Db } from '../../platform/db/client';
import { getSetting } from '../../platform/settings/get-setting';
import { PHONE_ANSWER_RINGS } from '../../platform/settings/registry';
import { projects } from '../org/schema';
import { localDayOf, startOfLocalDay } from '../reports/rules/days';
import { waitingIn } from './route-call';
import { agentPresence, callQueues, calls } from './schema';
import { RING_SECONDS } from './settings';

const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/**
 * The 班长席 wallboard of one project: waiting calls per queue and the longest wait, every agent's
 * state and current call, and today's (project time zone) answered / abandoned / answered within the
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
    .select({ name: callQueues.name, strategy: callQueues.strategy })
    .from(callQueues)
    .where(eq(callQueues.projectId, projectId))
    .orderBy(asc(callQueues.id));
  const waitingRows = await db
    .select({ queue: calls.queue, n: count(), oldest: min(calls.startedAt) })
    .from(calls)
    .where(waitingIn(projectId))
    .groupBy(calls.queue);
  const names = [...new Set([...queueRows.map((q) => q.name), ...waitingRows.map((w) => w.queue ?? '')])];
  const queues = names.map((name) => {
    const w = waitingRows.find((r) => (r.queue ?? '') === name);
    return {
      name: name || null,
      waiting: w?.n ?? 0,
      longestWaitSeconds: w?.oldest ? seconds(new Date(w.oldest), now) : 0,
    };
  });

  const agentRows = await db
    .select({
      id: users.id,
      name: users.displayName,
      state: agentPresence.state,
      reason: agentPresence.reason,
      since: agentPresence.since,
      currentCallId: agentPresence.currentCallId,
    })
    .from(agentPresence)
    .innerJoin(users, eq(users.id, agentPresence.userId))
    .where(
      and(
        eq(agentPresence.companyId, auth.companyId),
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
    queues,
    agents: agentRows.map((a) => ({
      id: a.id,
      name: a.name,
      state: a.state,
      reason: a.reason,
      sinceSeconds: seconds(a.since, now),
      currentCallId: a.currentCallId,
    })),
    today: {
      answered,
      abandoned: totals?.abandoned ?? 0,
      answeredWithinTarget: totals?.withinTarget ?? 0,
      answeredWithinTargetRate: answered ? (totals?.withinTarget ?? 0) / answered : null,
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

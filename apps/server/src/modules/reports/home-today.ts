import { OPEN_TICKET_STATUSES } from '@guanjia/shared';
import type { HomeToday } from '@guanjia/shared/api';
import { and, avg, count, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { Db } from '../../platform/db/client';
import { callbacks } from '../callbacks/schema';
import { projects } from '../org/schema';
import { calls } from '../telephony/schema';
import { tickets } from '../tickets/schema';
import { localDayOf, startOfLocalDay } from './rules/days';

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);
const n = (rows: { n: number }[]) => Number(rows[0]?.n ?? 0);

/**
 * Today's figures for the 主管/项目经理 and 班长 homes, from midnight in the project's time zone: intake by
 * channel, 接通率, on-time finishing, callbacks done on time, satisfaction, and the open backlog (complaints,
 * SLA warnings and breaches, chased tickets). Plain aggregates over indexed columns; no rollup needed.
 */
export async function homeToday(db: Db, auth: AuthContext, projectId: number, now: Date): Promise<HomeToday> {
  assertInScope(auth, projectId, 'Project');
  const [project] = await db
    .select({ timezone: projects.timezone })
    .from(projects)
    .where(eq(projects.id, projectId));
  const timezone = project?.timezone ?? 'Asia/Shanghai';
  const dayStart = startOfLocalDay(localDayOf(now, timezone), timezone);
  const ofProject = eq(tickets.projectId, projectId);
  const open = inArray(tickets.status, [...OPEN_TICKET_STATUSES]);
  const finishedAt = sql`coalesce(${tickets.resolvedAt}, ${tickets.closedAt})`;
  const [
    intake,
    inbound,
    answered,
    finished,
    finishedOnTime,
    due,
    dueDone,
    reached,
    satisfied,
    score,
    openRows,
  ] = await Promise.all([
    db
      .select({ channel: tickets.channel, count: count() })
      .from(tickets)
      .where(and(ofProject, gte(tickets.createdAt, dayStart)))
      .groupBy(tickets.channel),
    db
      .select({ n: count() })
      .from(calls)
      .where(and(eq(calls.projectId, projectId), eq(calls.direction, 'in'), gte(calls.startedAt, dayStart))),
    db
      .select({ n: count() })
      .from(calls)
      .where(
        and(
          eq(calls.projectId, projectId),
          eq(calls.direction, 'in'),
          gte(calls.startedAt, dayStart),
          isNotNull(calls.answeredAt),
        ),
      ),
    db
      .select({ n: count() })
      .from(tickets)
      .where(and(ofProject, sql`${finishedAt} >= ${dayStart}`)),
    db
      .select({ n: count() })
      .from(tickets)
      .where(and(ofProject, sql`${finishedAt} >= ${dayStart}`, sql`${tickets.slaState} <> 'breached'`)),
    db
      .select({ n: count() })
      .from(callbacks)
      .where(
        and(eq(callbacks.projectId, projectId), gte(callbacks.dueAt, dayStart), lte(callbacks.dueAt, now)),
      ),
    db
      .select({ n: count() })
      .from(callbacks)
      .where(
        and(
          eq(callbacks.projectId, projectId),
          gte(callbacks.dueAt, dayStart),
          lte(callbacks.dueAt, now),
          eq(callbacks.status, '已完成'),
          sql`${callbacks.completedAt} <= ${callbacks.dueAt}`,
        ),
      ),
    db
      .select({ n: count() })
      .from(callbacks)
      .where(
        and(
          eq(callbacks.projectId, projectId),
          gte(callbacks.completedAt, dayStart),
          eq(callbacks.reached, true),
        ),
      ),
    db
      .select({ n: count() })
      .from(callbacks)
      .where(
        and(
          eq(callbacks.projectId, projectId),
          gte(callbacks.completedAt, dayStart),
          eq(callbacks.satisfied, true),
        ),
      ),
    db
      .select({ avg: avg(callbacks.scoreOverall) })
      .from(callbacks)
      .where(and(eq(callbacks.projectId, projectId), gte(callbacks.completedAt, dayStart))),
    db
      .select({
        tickets: count(),
        complaints: sql<number>`count(*) filter (where ${tickets.type} = '投诉')`,
        warning: sql<number>`count(*) filter (where ${tickets.slaState} = 'warning')`,
        breached: sql<number>`count(*) filter (where ${tickets.slaState} = 'breached')`,
        urged: sql<number>`count(*) filter (where ${tickets.urgeCount} > 0)`,
      })
      .from(tickets)
      .where(and(ofProject, open)),
  ]);
  const o = openRows[0];
  const callsIn = n(inbound);
  const callsAnswered = n(answered);
  const averageScore = score[0]?.avg == null ? null : Math.round(Number(score[0].avg) * 10) / 10;
  return {
    projectId,
    dayStart: dayStart.toISOString(),
    at: now.toISOString(),
    intake: intake
      .map((r) => ({ channel: r.channel, count: Number(r.count) }))
      .sort((a, b) => b.count - a.count),
    calls: { inbound: callsIn, answered: callsAnswered, rate: rate(callsAnswered, callsIn) },
    onTime: { finished: n(finished), onTime: n(finishedOnTime), rate: rate(n(finishedOnTime), n(finished)) },
    callbacks: { due: n(due), doneOnTime: n(dueDone), rate: rate(n(dueDone), n(due)) },
    satisfaction: {
      reached: n(reached),
      satisfied: n(satisfied),
      rate: rate(n(satisfied), n(reached)),
      averageScore,
    },
    open: {
      tickets: Number(o?.tickets ?? 0),
      complaints: Number(o?.complaints ?? 0),
      warning: Number(o?.warning ?? 0),
      breached: Number(o?.breached ?? 0),
      urged: Number(o?.urged ?? 0),
    },
  };
}

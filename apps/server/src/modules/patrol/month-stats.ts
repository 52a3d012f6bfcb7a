import { wallClockInstant, zonedDay } from '@guanjia/shared';
import type { PatrolMonthStats } from '@guanjia/shared/api';
import { and, eq, gte, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { nextMonth } from './patrol-queries';
import { projectZone } from './route-queries';
import { countGrades, gradeOf } from './rules/grade';
import { patrolChecks, patrols } from './schema';

/**
 * R12's patrol figures for a month on the project's clock: points planned and how they were graded, per
 * route and per day. Points still open count as planned only. Called by GET /api/patrols/stats and by
 * the maintenance report (GET /api/reports/maintenance); the caller checks the project is in scope.
 */
export async function patrolMonthStats(
  db: DbOrTx,
  q: { projectId: number; month: string },
  now: Date = new Date(8.64e15),
): Promise<PatrolMonthStats> {
  const tz = await projectZone(db, q.projectId);
  const from = wallClockInstant(`${q.month}-01`, '00:00', tz);
  const to = wallClockInstant(nextMonth(q.month), '00:00', tz);
  const rows = await db
    .select({
      routeId: patrols.routeId,
      routeName: patrols.routeName,
      patrolId: patrols.id,
      startsAt: patrols.startsAt,
      closesAt: patrols.closesAt,
      windowFrom: patrolChecks.windowFrom,
      windowTo: patrolChecks.windowTo,
      scannedAt: patrolChecks.scannedAt,
      grade: patrolChecks.grade,
    })
    .from(patrolChecks)
    .innerJoin(patrols, eq(patrols.id, patrolChecks.patrolId))
    .where(and(eq(patrols.projectId, q.projectId), gte(patrols.startsAt, from), lt(patrols.startsAt, to)));
  const graded = rows.map((r) => ({ ...r, g: r.grade ?? gradeOf(r, r.closesAt, now) }));
  const all = countGrades(graded.map((r) => r.g));
  const byRoute = new Map<number, typeof graded>();
  const byDay = new Map<string, typeof graded>();
  for (const r of graded) {
    byRoute.set(r.routeId, [...(byRoute.get(r.routeId) ?? []), r]);
    const day = zonedDay(r.startsAt, tz);
    byDay.set(day, [...(byDay.get(day) ?? []), r]);
  }
  return {
    month: q.month,
    planned: all.planned,
    onTime: all.onTime,
    early: all.early,
    late: all.late,
    missed: all.missed,
    onTimeRate: all.planned ? Math.round((all.onTime / all.planned) * 1000) / 1000 : null,
    routes: [...byRoute.entries()]
      .map(([routeId, list]) => {
        const c = countGrades(list.map((r) => r.g));
        return {
          routeId,
          routeName: list[0]?.routeName ?? '',
          patrols: new Set(list.map((r) => r.patrolId)).size,
          planned: c.planned,
          onTime: c.onTime,
          early: c.early,
          late: c.late,
          missed: c.missed,
        };
      })
      .sort((a, b) => a.routeId - b.routeId),
    days: [...byDay.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, list]) => {
        const c = countGrades(list.map((r) => r.g));
        return { date, planned: c.planned, onTime: c.onTime, missed: c.missed };
      }),
  };
}

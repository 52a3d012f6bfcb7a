import type { MaintenanceReport } from '@guanjia/shared/api';
import { and, eq, gte, inArray, isNotNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { patrolMonthStats } from '../patrol/month-stats';
import { workOrders } from '../workorders/schema';
import { projectInfo } from './equipment-queries';
import { availabilityRate, downHours } from './rules/availability';
import { addMonthsClamped, startOfDayIn } from './rules/dates';
import { equipment, equipmentDefects, equipmentStatusChanges, inspectionTasks } from './schema';

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * R12 工程报表 of one project and month: tasks done vs planned per system (完成率), on-time rate,
 * missed, defects found by system, equipment availability from the timed status changes, and the
 * MTTR of the repairs raised by inspections, and the patrol points missed (巡更漏检, modules/patrol).
 */
export async function maintenanceReport(
  db: DbOrTx,
  projectId: number,
  month: string,
  now: Date,
): Promise<MaintenanceReport> {
  const project = await projectInfo(db, projectId);
  const first = `${month}-01`;
  const next = addMonthsClamped(first, 1);
  const from = startOfDayIn(first, project.timezone);
  const monthEnd = startOfDayIn(next, project.timezone);
  // The current month counts up to now: tasks not yet due are not "planned and not done", and a
  // piece down right now is not down for the rest of the month.
  const to = new Date(Math.max(from.getTime(), Math.min(monthEnd.getTime(), now.getTime())));
  const [tasks, defects, pieces, changes, repairs] = await Promise.all([
    db
      .select({
        system: inspectionTasks.system,
        planned: sql<number>`count(*)::int`,
        done: sql<number>`count(*) filter (where ${inspectionTasks.status} = 'done')::int`,
        onTime: sql<number>`count(*) filter (where ${inspectionTasks.onTime})::int`,
        missed: sql<number>`count(*) filter (where ${inspectionTasks.status} = 'missed')::int`,
      })
      .from(inspectionTasks)
      .where(
        and(
          eq(inspectionTasks.projectId, projectId),
          gte(inspectionTasks.dueDate, first),
          lt(inspectionTasks.dueDate, next),
          or(lte(inspectionTasks.dueAt, to), eq(inspectionTasks.status, 'done')),
        ),
      )
      .groupBy(inspectionTasks.system),
    db
      .select({ system: equipmentDefects.system, n: sql<number>`count(*)::int` })
      .from(equipmentDefects)
      .where(
        and(
          eq(equipmentDefects.projectId, projectId),
          gte(equipmentDefects.openedAt, from),
          lt(equipmentDefects.openedAt, to),
        ),
      )
      .groupBy(equipmentDefects.system),
    db
      .select({ id: equipment.id, system: equipment.system, createdAt: equipment.createdAt })
      .from(equipment)
      .where(and(eq(equipment.projectId, projectId), ne(equipment.status, '报废'))),
    db
      .select({
        equipmentId: equipmentStatusChanges.equipmentId,
        toStatus: equipmentStatusChanges.toStatus,
        at: equipmentStatusChanges.at,
      })
      .from(equipmentStatusChanges)
      .where(and(eq(equipmentStatusChanges.projectId, projectId), lt(equipmentStatusChanges.at, to))),
    db
      .select({
        hours: sql<
          number | null
        >`avg(extract(epoch from (${workOrders.completedAt} - ${workOrders.createdAt})) / 3600)::float8`,
        n: sql<number>`count(*)::int`,
      })
      .from(equipmentDefects)
      .innerJoin(workOrders, eq(workOrders.id, equipmentDefects.workOrderId))
      .where(
        and(
          eq(equipmentDefects.projectId, projectId),
          isNotNull(workOrders.completedAt),
          gte(workOrders.completedAt, from),
          lt(workOrders.completedAt, to),
          inArray(workOrders.status, ['已完成']),
        ),
      ),
  ]);
  const defectBy = new Map(defects.map((d) => [d.system, d.n]));
  const systems = [...new Set([...tasks.map((t) => t.system), ...defects.map((d) => d.system)])].sort();
  const bySystem = systems.map((system) => {
    const t = tasks.find((x) => x.system === system) ?? { planned: 0, done: 0, onTime: 0, missed: 0 };
    return {
      system,
      planned: t.planned,
      done: t.done,
      onTime: t.onTime,
      missed: t.missed,
      completionRate: rate(t.done, t.planned),
      onTimeRate: rate(t.onTime, t.done),
      defects: defectBy.get(system) ?? 0,
    };
  });
  const sum = (k: 'planned' | 'done' | 'onTime' | 'missed' | 'defects') =>
    bySystem.reduce((a, b) => a + b[k], 0);
  const hours = (to.getTime() - from.getTime()) / 3_600_000;
  const bySys = new Map<string, { pieces: number; down: number }>();
  for (const p of pieces) {
    const own = changes.filter((c) => c.equipmentId === p.id);
    const s = bySys.get(p.system) ?? { pieces: 0, down: 0 };
    s.pieces++;
    s.down += downHours(own, from, to);
    bySys.set(p.system, s);
  }
  return {
    projectId,
    month,
    bySystem,
    totals: {
      planned: sum('planned'),
      done: sum('done'),
      onTime: sum('onTime'),
      missed: sum('missed'),
      completionRate: rate(sum('done'), sum('planned')),
      onTimeRate: rate(sum('onTime'), sum('done')),
      defects: sum('defects'),
    },
    availability: [...bySys.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([system, s]) => ({
        system,
        pieces: s.pieces,
        downHours: Math.round(s.down * 10) / 10,
        rate: availabilityRate(s.pieces, hours, s.down),
      })),
    mttrHours: repairs[0]?.hours == null ? null : Math.round(repairs[0].hours * 10) / 10,
    repairs: repairs[0]?.n ?? 0,
    missedPatrolPoints: (await patrolMonthStats(db, { projectId, month }, now)).missed,
  };
}

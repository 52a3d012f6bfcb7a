import { DEFAULT_TIME_ZONE } from '@guanjia/shared';
import type { taskListQuery } from '@guanjia/shared/api';
import { and, asc, desc, eq, gte, inArray, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { workOrders } from '../workorders/schema';
import { presentTask } from './present';
import { dayIn } from './rules/dates';
import {
  checklistVersions,
  equipment,
  equipmentDefects,
  inspectionResults,
  inspectionTasks,
  maintenancePlans,
} from './schema';

type TaskQuery = Partial<z.infer<typeof taskListQuery>> & { page: number; pageSize: number };

const defects = sql<number>`(select count(*)::int from ${inspectionResults} r where r.task_id = ${inspectionTasks.id} and r.failed)`;

function taskFilters(auth: AuthContext, q: TaskQuery, now: Date, today: string): SQL {
  if (q.projectId) assertInScope(auth, q.projectId, 'Project');
  const parts: SQL[] = [
    inArray(inspectionTasks.projectId, q.projectId ? [q.projectId] : [...auth.projectIds]),
  ];
  if (q.due === 'today') parts.push(eq(inspectionTasks.dueDate, today));
  else if (q.due === 'overdue')
    parts.push(eq(inspectionTasks.status, 'pending'), lt(inspectionTasks.dueAt, now));
  else if (q.due) parts.push(eq(inspectionTasks.dueDate, q.due));
  if (q.from) parts.push(gte(inspectionTasks.dueDate, q.from));
  if (q.to) parts.push(lte(inspectionTasks.dueDate, q.to));
  if (q.status) parts.push(eq(inspectionTasks.status, q.status));
  if (q.equipmentId) parts.push(eq(inspectionTasks.equipmentId, q.equipmentId));
  if (q.planId) parts.push(eq(inspectionTasks.planId, q.planId));
  if (q.system) parts.push(eq(inspectionTasks.system, q.system));
  return and(...parts) as SQL;
}

function taskSelect(db: DbOrTx) {
  return db
    .select({
      task: inspectionTasks,
      planName: maintenancePlans.name,
      equipmentCode: equipment.code,
      equipmentName: equipment.name,
      location: equipment.location,
      checklistVersion: checklistVersions.number,
      defects,
    })
    .from(inspectionTasks)
    .innerJoin(maintenancePlans, eq(maintenancePlans.id, inspectionTasks.planId))
    .innerJoin(checklistVersions, eq(checklistVersions.id, inspectionTasks.checklistVersionId))
    .leftJoin(equipment, eq(equipment.id, inspectionTasks.equipmentId));
}

/** Tasks by due day, status, equipment or plan; `today` is the project's (Asia/Shanghai) day. */
export async function listTasks(
  db: DbOrTx,
  auth: AuthContext,
  q: TaskQuery,
  now: Date,
  order: 'asc' | 'desc' = 'asc',
  today = dayIn(now, DEFAULT_TIME_ZONE),
) {
  const where = taskFilters(auth, q, now, today);
  const by = order === 'asc' ? asc : desc;
  const [rows, [count]] = await Promise.all([
    taskSelect(db)
      .where(where)
      .orderBy(by(inspectionTasks.dueDate), by(inspectionTasks.slot), asc(inspectionTasks.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(inspectionTasks).where(where),
  ]);
  return { items: rows.map((r) => presentTask(r, now)), total: count?.n ?? 0 };
}

export async function taskInScope(db: DbOrTx, auth: AuthContext, id: number) {
  const [row] = await db.select().from(inspectionTasks).where(eq(inspectionTasks.id, id));
  if (!row || !auth.projectIds.includes(row.projectId)) throw notFound('Inspection task');
  return row;
}

/** A task with its checklist (the version it keeps) and its answers, each failure with its repair's status. */
export async function taskDetail(db: DbOrTx, auth: AuthContext, id: number, now: Date) {
  await taskInScope(db, auth, id);
  const [row] = await taskSelect(db).where(eq(inspectionTasks.id, id));
  if (!row) throw notFound('Inspection task');
  const [version] = await db
    .select({ items: checklistVersions.items })
    .from(checklistVersions)
    .where(eq(checklistVersions.id, row.task.checklistVersionId));
  const results = await db
    .select({
      r: inspectionResults,
      workOrderId: equipmentDefects.workOrderId,
      workOrderNumber: workOrders.number,
      workOrderStatus: workOrders.status,
    })
    .from(inspectionResults)
    .leftJoin(equipmentDefects, eq(equipmentDefects.id, inspectionResults.defectId))
    .leftJoin(workOrders, eq(workOrders.id, equipmentDefects.workOrderId))
    .where(eq(inspectionResults.taskId, id))
    .orderBy(asc(inspectionResults.id));
  return {
    ...presentTask(row, now),
    items: (version?.items ?? []).map((i) => ({ ...i, photo: i.photo ?? 'none' })),
    results: results.map(({ r, workOrderId, workOrderNumber, workOrderStatus }) => ({
      itemId: r.itemId,
      pass: r.pass,
      value: r.value,
      text: r.text,
      note: r.note,
      photoIds: r.photoIds,
      failed: r.failed,
      workOrderId: workOrderId ?? null,
      workOrderNumber: workOrderNumber ?? null,
      workOrderStatus: workOrderStatus ?? null,
      recordedAt: r.recordedAt.toISOString(),
    })),
  };
}

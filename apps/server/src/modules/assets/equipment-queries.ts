import { type equipmentListQuery, uploadUrl } from '@guanjia/shared/api';
import { and, asc, desc, eq, gte, ilike, inArray, lte, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { projects } from '../org/schema';
import { workOrders } from '../workorders/schema';
import { presentEquipment } from './present';
import { addDays, dayIn } from './rules/dates';
import { equipment, equipmentDefects, equipmentStatusChanges } from './schema';
import { WARRANTY_REMINDER_DAYS } from './settings';
import { listTasks } from './task-queries';

type ListQuery = z.infer<typeof equipmentListQuery>;

export async function projectInfo(db: DbOrTx, projectId: number) {
  const [p] = await db
    .select({ id: projects.id, companyId: projects.companyId, timezone: projects.timezone })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!p) throw notFound('Project');
  return p;
}

export async function reminderDays(db: DbOrTx, companyId: number, projectId: number) {
  return getSetting(db, WARRANTY_REMINDER_DAYS, { companyId, projectId });
}

export function equipmentFilters(auth: AuthContext, q: ListQuery, today: string, days: number): SQL {
  const parts: SQL[] = [inArray(equipment.projectId, q.projectId ? [q.projectId] : [...auth.projectIds])];
  if (q.projectId) assertInScope(auth, q.projectId, 'Project');
  if (q.system) parts.push(eq(equipment.system, q.system));
  if (q.status) parts.push(eq(equipment.status, q.status));
  if (q.importance) parts.push(eq(equipment.importance, q.importance));
  if (q.warrantyEnding === 'true')
    parts.push(gte(equipment.warrantyEnd, today), lte(equipment.warrantyEnd, addDays(today, days)));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(
      ilike(equipment.code, like),
      ilike(equipment.name, like),
      ilike(equipment.location, like),
      ilike(equipment.brand, like),
      ilike(equipment.model, like),
      ilike(equipment.type, like),
    );
    if (match) parts.push(match);
  }
  return and(...parts) as SQL;
}

/** One page of the ledger (or up to `limit` rows for the Excel export). */
export async function listEquipment(
  db: DbOrTx,
  auth: AuthContext,
  q: ListQuery,
  now: Date,
  limit = q.pageSize,
  offset = (q.page - 1) * q.pageSize,
) {
  const zone = q.projectId ? (await projectInfo(db, q.projectId)).timezone : 'Asia/Shanghai';
  const today = dayIn(now, zone);
  const days = q.projectId ? await reminderDays(db, auth.companyId, q.projectId) : 30;
  const where = equipmentFilters(auth, q, today, days);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(equipment)
      .where(where)
      .orderBy(asc(equipment.system), asc(equipment.code))
      .limit(limit)
      .offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(equipment).where(where),
  ]);
  return { items: rows.map((r) => presentEquipment(r, today, days)), total: count?.n ?? 0 };
}

export async function equipmentInScope(db: DbOrTx, auth: AuthContext, id: number) {
  const [row] = await db.select().from(equipment).where(eq(equipment.id, id));
  if (!row || !auth.projectIds.includes(row.projectId)) throw notFound('Equipment');
  return row;
}

/** The equipment page: status history (downtime), open repairs, next and recent tasks, documents. */
export async function equipmentDetail(db: DbOrTx, auth: AuthContext, id: number, now: Date) {
  const row = await equipmentInScope(db, auth, id);
  const project = await projectInfo(db, row.projectId);
  const today = dayIn(now, project.timezone);
  const days = await reminderDays(db, auth.companyId, row.projectId);
  const [changes, open, next, recent] = await Promise.all([
    db
      .select()
      .from(equipmentStatusChanges)
      .where(eq(equipmentStatusChanges.equipmentId, id))
      .orderBy(desc(equipmentStatusChanges.at))
      .limit(50),
    db
      .selectDistinct({
        id: workOrders.id,
        number: workOrders.number,
        status: workOrders.status,
        ticketId: workOrders.ticketId,
      })
      .from(equipmentDefects)
      .innerJoin(workOrders, eq(workOrders.id, equipmentDefects.workOrderId))
      .where(and(eq(equipmentDefects.equipmentId, id), notInArray(workOrders.status, ['已完成', '已取消']))),
    listTasks(
      db,
      auth,
      { equipmentId: id, status: 'pending', from: today, page: 1, pageSize: 5 },
      now,
      'asc',
    ),
    listTasks(db, auth, { equipmentId: id, to: today, page: 1, pageSize: 10 }, now, 'desc'),
  ]);
  const docIds = [...row.documentIds, ...row.photoIds];
  return {
    ...presentEquipment(row, today, days),
    statusChanges: changes.map((c) => ({
      id: c.id,
      fromStatus: c.fromStatus,
      toStatus: c.toStatus,
      at: c.at.toISOString(),
      reason: c.reason,
      workOrderId: c.workOrderId,
    })),
    openWorkOrders: open,
    nextTasks: next.items.filter((t) => t.status === 'pending'),
    recentTasks: recent.items,
    documents: docIds.map((d, i) => ({
      id: d,
      name: i < row.documentIds.length ? `文档${i + 1}` : `照片${i - row.documentIds.length + 1}`,
      url: uploadUrl(d),
    })),
  };
}

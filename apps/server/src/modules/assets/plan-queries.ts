import type { MaintenancePlan, planListQuery } from '@guanjia/shared/api';
import { and, asc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { checklists, checklistVersions, maintenancePlans, type PlanRow } from './schema';

function presentPlan(p: PlanRow, version: number, items: MaintenancePlan['items']): MaintenancePlan {
  return {
    id: p.id,
    projectId: p.projectId,
    name: p.name,
    system: p.system,
    target: p.target,
    equipmentId: p.equipmentId,
    equipmentType: p.equipmentType,
    templateKey: p.templateKey,
    frequency: p.frequency,
    basis: p.basis,
    skipHolidays: p.skipHolidays,
    startDate: p.startDate,
    active: p.active,
    generatedUntil: p.generatedUntil,
    missedWarningAt: p.missedWarningAt?.toISOString() ?? null,
    checklistId: p.checklistId,
    checklistVersion: version,
    items: items.map((i) => ({ ...i, photo: i.photo ?? 'none' })),
    version: p.version,
  };
}

const select = (db: DbOrTx) =>
  db
    .select({ plan: maintenancePlans, version: checklists.currentVersion, items: checklistVersions.items })
    .from(maintenancePlans)
    .innerJoin(checklists, eq(checklists.id, maintenancePlans.checklistId))
    .innerJoin(
      checklistVersions,
      and(
        eq(checklistVersions.checklistId, checklists.id),
        eq(checklistVersions.number, checklists.currentVersion),
      ),
    );

export async function listPlans(db: DbOrTx, auth: AuthContext, q: z.infer<typeof planListQuery>) {
  if (q.projectId) assertInScope(auth, q.projectId, 'Project');
  const parts: SQL[] = [
    inArray(maintenancePlans.projectId, q.projectId ? [q.projectId] : [...auth.projectIds]),
  ];
  if (q.system) parts.push(eq(maintenancePlans.system, q.system));
  if (q.warned === 'true') parts.push(isNotNull(maintenancePlans.missedWarningAt));
  const where = and(...parts);
  const [rows, [count]] = await Promise.all([
    select(db)
      .where(where)
      .orderBy(asc(maintenancePlans.system), asc(maintenancePlans.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(maintenancePlans).where(where),
  ]);
  return {
    items: rows.map((r) => presentPlan(r.plan, r.version, r.items)),
    total: count?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function planDetail(db: DbOrTx, auth: AuthContext, id: number) {
  const [row] = await select(db).where(eq(maintenancePlans.id, id));
  if (!row || !auth.projectIds.includes(row.plan.projectId)) throw notFound('Maintenance plan');
  return presentPlan(row.plan, row.version, row.items);
}

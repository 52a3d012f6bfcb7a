import { wallClockInstant } from '@guanjia/shared';
import type { InspectionPlan, inspectionPlanInput } from '@guanjia/shared/api';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import { zonedParts } from '../../platform/clock/zoned';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, notFound } from '../../platform/http/errors';
import { projects } from '../org/schema';
import { assertOfProject, sampleMonths } from './create-inspection';
import { isPlanDue } from './rules/plan-days';
import { type InspectionPlanRow, inspectionPlans, inspections, scoreSheets } from './schema';

export const planView = (p: InspectionPlanRow, inspectorName: string): InspectionPlan => ({
  id: p.id,
  projectId: p.projectId,
  title: p.title,
  sheetCode: p.sheetCode,
  inspectorId: p.inspectorId,
  inspectorName,
  departmentId: p.departmentId,
  zoneId: p.zoneId,
  area: p.area,
  recurrence: p.recurrence,
  weekday: p.weekday,
  time: p.time,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  active: p.active,
  version: p.version,
});

export async function listPlans(
  db: DbOrTx,
  auth: AuthContext,
  projectId?: number,
): Promise<InspectionPlan[]> {
  const ids = projectId ? [projectId] : [...auth.projectIds];
  if (projectId) assertInScope(auth, projectId, 'Project');
  const rows = await db
    .select({ p: inspectionPlans, name: users.displayName })
    .from(inspectionPlans)
    .innerJoin(users, eq(users.id, inspectionPlans.inspectorId))
    .where(
      and(
        eq(inspectionPlans.companyId, auth.companyId),
        inArray(inspectionPlans.projectId, ids.length ? ids : [-1]),
      ),
    )
    .orderBy(asc(inspectionPlans.id));
  return rows.map((r) => planView(r.p, r.name));
}

export async function planInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false) {
  const q = db.select().from(inspectionPlans).where(eq(inspectionPlans.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || row.companyId !== auth.companyId) throw notFound('Inspection plan');
  assertInScope(auth, row.projectId, 'Inspection plan');
  return row;
}

export async function createPlan(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  input: z.infer<typeof inspectionPlanInput>,
): Promise<InspectionPlanRow> {
  assertInScope(auth, input.projectId, 'Project');
  if (input.recurrence === 'weekly' && !input.weekday)
    throw badRequest('A weekly plan needs its weekday', { weekday: 'required for a weekly plan' });
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    await assertOfProject(tx, input.projectId, input);
    const [sheet] = await tx
      .select({ id: scoreSheets.id })
      .from(scoreSheets)
      .where(and(eq(scoreSheets.companyId, auth.companyId), eq(scoreSheets.code, input.sheetCode)));
    if (!sheet) throw badRequest('No such score sheet', { sheetCode: input.sheetCode });
    const [inspector] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.inspectorId), eq(users.companyId, auth.companyId)));
    if (!inspector) throw badRequest('No such inspector', { inspectorId: input.inspectorId });
    const [row] = await tx
      .insert(inspectionPlans)
      .values({
        companyId: auth.companyId,
        projectId: input.projectId,
        title: input.title,
        sheetCode: input.sheetCode,
        inspectorId: input.inspectorId,
        departmentId: input.departmentId ?? null,
        zoneId: input.zoneId ?? null,
        area: input.area,
        recurrence: input.recurrence,
        weekday: input.recurrence === 'weekly' ? (input.weekday ?? null) : null,
        time: input.time,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
        createdBy: auth.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('plan insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'inspection_plan.created',
      entityType: 'inspection_plan',
      entityId: row.id,
      projectId: row.projectId,
      after: { title: row.title, sheetCode: row.sheetCode, recurrence: row.recurrence, time: row.time },
    });
    return row;
  });
}

export async function setPlanActive(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  id: number,
  input: { version: number; active: boolean },
): Promise<InspectionPlanRow> {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const p = checkVersion(await planInScope(tx, auth, id, true), input.version, 'Inspection plan');
    const [u] = await tx
      .update(inspectionPlans)
      .set({ active: input.active, updatedAt: now, version: p.version + 1 })
      .where(eq(inspectionPlans.id, id))
      .returning();
    if (!u) throw new Error('update returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'inspection_plan.updated',
      entityType: 'inspection_plan',
      entityId: id,
      projectId: p.projectId,
      before: { active: p.active },
      after: { active: input.active },
    });
    return u;
  });
}

export const PLAN_JOB = 'qualityInspections.plans';

/**
 * Today's planned inspections: one per active plan due today in its project's zone (the 9S check every
 * working day, the notice-board walk on Fridays), on the sheet version current for the project. The
 * (plan, day) unique index makes a rerun or a second node a no-op.
 */
export async function materializePlans(services: Pick<Services, 'database' | 'clock'>): Promise<number> {
  const now = services.clock.now();
  const { db } = services.database;
  const plans = await db
    .select({ p: inspectionPlans, tz: projects.timezone })
    .from(inspectionPlans)
    .innerJoin(projects, eq(projects.id, inspectionPlans.projectId))
    .where(eq(inspectionPlans.active, true));
  let created = 0;
  for (const { p, tz } of plans) {
    const z = zonedParts(now, tz);
    const today = `${z.year}-${String(z.month).padStart(2, '0')}-${String(z.day).padStart(2, '0')}`;
    if (!isPlanDue(p, today, z.weekday)) continue;
    const sheets = await db
      .select()
      .from(scoreSheets)
      .where(
        and(
          eq(scoreSheets.companyId, p.companyId),
          eq(scoreSheets.code, p.sheetCode),
          eq(scoreSheets.current, true),
        ),
      );
    const rank = (s: (typeof sheets)[number]) =>
      s.scope === 'project' ? (s.projectId === p.projectId ? 0 : 9) : s.scope === 'company' ? 1 : 2;
    const sheet = sheets.filter((s) => rank(s) < 9).sort((a, b) => rank(a) - rank(b))[0];
    if (!sheet) continue;
    const inserted = await db.transaction(async (tx) => {
      const sampled = await sampleMonths(tx, p.companyId, p.projectId, now);
      const rows = await tx
        .insert(inspections)
        .values({
          companyId: p.companyId,
          projectId: p.projectId,
          sheetId: sheet.id,
          planId: p.id,
          plannedDate: today,
          mode: 'planned',
          state: 'planned',
          title: p.title,
          inspectorId: p.inspectorId,
          departmentId: p.departmentId,
          zoneId: p.zoneId,
          area: p.area,
          scheduledAt: wallClockInstant(today, p.time, tz),
          sampledMonths: sampled,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: inspections.id });
      for (const r of rows)
        await recordEvent(tx, { userId: null, companyId: p.companyId, source: 'system' }, now, {
          action: 'inspection.planned',
          entityType: 'inspection',
          entityId: r.id,
          projectId: p.projectId,
          after: { planId: p.id, plannedDate: today },
        });
      return rows.length;
    });
    created += inserted;
  }
  return created;
}

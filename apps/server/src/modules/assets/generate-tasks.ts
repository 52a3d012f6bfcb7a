import { and, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { getSetting } from '../../platform/settings/get-setting';
import { projectInfo } from './equipment-queries';
import { addDays, dayIn, startOfDayIn } from './rules/dates';
import { generateOccurrences } from './rules/schedule';
import {
  checklists,
  checklistVersions,
  equipment,
  inspectionTasks,
  maintenancePlans,
  type PlanRow,
} from './schema';
import { PLAN_HORIZON_DAYS } from './settings';

const HOUR = 3_600_000;
// One statement per 5,000 tasks: column arrays unnested by the server instead of 65,000 bound values.
const CHUNK = 5000;

interface NewTask {
  companyId: number;
  projectId: number;
  planId: number;
  equipmentKey: number;
  equipmentId: number | null;
  system: string;
  title: string;
  dueDate: string;
  slot: number;
  dueAt: Date;
  expiresAt: Date;
  checklistVersionId: number;
  createdAt: Date;
}

/**
 * Tasks of a project's active plans (or of the given ones) due from today to the horizon (Q: 30 days
 * by default). Generation is idempotent: the occurrence key (plan × equipment × day × round) is
 * unique, so a re-run or a second node adds nothing twice. Returns how many tasks were added.
 */
export async function generateTasks(
  db: DbOrTx,
  projectId: number,
  now: Date,
  planIds?: number[],
  holidays: ReadonlySet<string> = new Set(),
): Promise<number> {
  const project = await projectInfo(db, projectId);
  const horizon = await getSetting(db, PLAN_HORIZON_DAYS, { companyId: project.companyId, projectId });
  const today = dayIn(now, project.timezone);
  const to = addDays(today, horizon - 1);
  const plans = await db
    .select({ plan: maintenancePlans, versionId: checklistVersions.id })
    .from(maintenancePlans)
    .innerJoin(checklists, eq(checklists.id, maintenancePlans.checklistId))
    .innerJoin(
      checklistVersions,
      and(
        eq(checklistVersions.checklistId, checklists.id),
        eq(checklistVersions.number, checklists.currentVersion),
      ),
    )
    .where(
      and(
        eq(maintenancePlans.projectId, projectId),
        eq(maintenancePlans.active, true),
        planIds ? inArray(maintenancePlans.id, planIds) : undefined,
      ),
    );
  if (!plans.length) return 0;
  const pieces = await db
    .select({ id: equipment.id, system: equipment.system, type: equipment.type })
    .from(equipment)
    .where(and(eq(equipment.projectId, projectId), ne(equipment.status, '报废')));
  const completion = await completionState(
    db,
    plans.map((p) => p.plan).filter((p) => p.basis === 'completion'),
    project.timezone,
  );
  const zoneStart = memo((day: string) => startOfDayIn(day, project.timezone));
  const rows: NewTask[] = [];
  for (const { plan, versionId } of plans) {
    const slots = Math.max(1, plan.frequency.timesPerDay ?? 1);
    for (const target of targetsOf(plan, pieces)) {
      const state = completion.get(`${plan.id}:${target ?? 0}`);
      const occurrences = generateOccurrences({
        freq: plan.frequency,
        basis: plan.basis,
        start: plan.startDate,
        from: today,
        to,
        lastCompleted: state?.lastCompleted ?? null,
        hasOpen: state?.hasOpen ?? false,
        skipHolidays: plan.skipHolidays,
        holidays,
      });
      for (const o of occurrences) {
        const dayStart = zoneStart(o.dueDate).getTime();
        const dueAt = new Date(dayStart + (24 * HOUR * o.slot) / slots);
        const expires = zoneStart(o.expiresDate);
        rows.push({
          companyId: plan.companyId,
          projectId,
          planId: plan.id,
          equipmentKey: target ?? 0,
          equipmentId: target,
          system: plan.system,
          title: plan.name,
          dueDate: o.dueDate,
          slot: o.slot,
          dueAt,
          expiresAt: expires.getTime() > dueAt.getTime() ? expires : dueAt,
          checklistVersionId: versionId,
          createdAt: now,
        });
      }
    }
  }
  let added = 0;
  for (let i = 0; i < rows.length; i += CHUNK) added += await insertTasks(db, rows.slice(i, i + CHUNK));
  await db
    .update(maintenancePlans)
    .set({ generatedUntil: to })
    .where(
      inArray(
        maintenancePlans.id,
        plans.map((p) => p.plan.id),
      ),
    );
  return added;
}

/** Which equipment a plan's tasks are for: one piece, every piece of a type, or none (the system). */
function targetsOf(plan: PlanRow, pieces: { id: number; system: string; type: string }[]): (number | null)[] {
  if (plan.target === 'equipment') return plan.equipmentId ? [plan.equipmentId] : [];
  if (plan.target === 'type')
    return pieces.filter((p) => p.system === plan.system && p.type === plan.equipmentType).map((p) => p.id);
  return [null];
}

/** Completion-based plans: the last completion day and whether a task is still open, per target. */
async function completionState(db: DbOrTx, plans: PlanRow[], timeZone: string) {
  const out = new Map<string, { lastCompleted: string | null; hasOpen: boolean }>();
  if (!plans.length) return out;
  const rows = await db
    .select({
      planId: inspectionTasks.planId,
      key: inspectionTasks.equipmentKey,
      lastDone: sql<
        string | null
      >`max((${inspectionTasks.completedAt} at time zone ${timeZone})::date)::text`,
      open: sql<number>`count(*) filter (where ${inspectionTasks.status} = 'pending')::int`,
    })
    .from(inspectionTasks)
    .where(
      inArray(
        inspectionTasks.planId,
        plans.map((p) => p.id),
      ),
    )
    .groupBy(inspectionTasks.planId, inspectionTasks.equipmentKey);
  for (const r of rows) {
    out.set(`${r.planId}:${r.key}`, { lastCompleted: r.lastDone, hasOpen: r.open > 0 });
  }
  return out;
}

/**
 * Insert a batch of occurrences, skipping those that exist (the occurrence key is unique): one plain
 * INSERT … SELECT FROM unnest(arrays), the same SQL on PGlite and PostgreSQL. Returns how many were new.
 */
async function insertTasks(db: DbOrTx, rows: NewTask[]): Promise<number> {
  const col = <T>(f: (r: NewTask) => T) => sql.param(rows.map(f));
  const result = (await db.execute(sql`
    insert into ${inspectionTasks} (company_id, project_id, plan_id, equipment_key, equipment_id, system, title,
      due_date, slot, due_at, expires_at, checklist_version_id, created_at)
    select * from unnest(
      ${col((r) => r.companyId)}::bigint[], ${col((r) => r.projectId)}::bigint[], ${col((r) => r.planId)}::bigint[],
      ${col((r) => r.equipmentKey)}::bigint[], ${col((r) => r.equipmentId)}::bigint[], ${col((r) => r.system)}::text[],
      ${col((r) => r.title)}::text[], ${col((r) => r.dueDate)}::date[], ${col((r) => r.slot)}::int[],
      ${col((r) => r.dueAt.toISOString())}::timestamptz[], ${col((r) => r.expiresAt.toISOString())}::timestamptz[],
      ${col((r) => r.checklistVersionId)}::bigint[], ${col((r) => r.createdAt.toISOString())}::timestamptz[])
    on conflict do nothing`)) as { rowCount?: number | null; affectedRows?: number };
  return result.rowCount ?? result.affectedRows ?? 0;
}

function memo<T>(f: (day: string) => T): (day: string) => T {
  const cache = new Map<string, T>();
  return (day) => {
    let v = cache.get(day);
    if (v === undefined) {
      v = f(day);
      cache.set(day, v);
    }
    return v;
  };
}

/** Projects that have active plans: the nightly generation walks these. */
export async function projectsWithPlans(db: DbOrTx): Promise<number[]> {
  const rows = await db
    .selectDistinct({ projectId: maintenancePlans.projectId })
    .from(maintenancePlans)
    .where(and(eq(maintenancePlans.active, true), isNotNull(maintenancePlans.projectId)));
  return rows.map((r) => r.projectId);
}

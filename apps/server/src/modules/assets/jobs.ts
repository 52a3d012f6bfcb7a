import { and, desc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { BusMessage } from '../../platform/bus/bus';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { roleHolders, tell } from '../complaints/tell';
import { projectZones } from '../org/queries';
import { publishAll } from '../tickets/ticket-write';
import { generateTasks, projectsWithPlans } from './generate-tasks';
import { addDays, dayIn } from './rules/dates';
import { shouldWarnMissed } from './rules/missed';
import { equipment, inspectionTasks, maintenancePlans } from './schema';
import { ASSETS_WARNING_ROLES, MISSED_WARNING_COUNT, WARRANTY_REMINDER_DAYS } from './settings';

export const GENERATE_JOB = 'assets.generate';
export const SWEEP_JOB = 'assets.sweep';
const jobActor = (companyId: number) => ({ userId: null, companyId, source: 'job' as const });

/**
 * Pending tasks past their expiry become 漏检; then each plan that just had a miss is checked against
 * the 5-missed rule and, when its last N tasks were all missed, the 工程主管 is told once.
 */
export async function sweepMissed(services: Pick<Services, 'database' | 'bus'>, now: Date): Promise<number> {
  const outbox: BusMessage[] = [];
  const warned = await services.database.db.transaction(async (tx) => {
    const missed = await tx
      .update(inspectionTasks)
      .set({ status: 'missed', version: sql`${inspectionTasks.version} + 1` })
      .where(and(eq(inspectionTasks.status, 'pending'), lte(inspectionTasks.expiresAt, now)))
      .returning({ planId: inspectionTasks.planId });
    const planIds = [...new Set(missed.map((m) => m.planId))];
    if (!planIds.length) return 0;
    const plans = await tx.select().from(maintenancePlans).where(inArray(maintenancePlans.id, planIds));
    let count = 0;
    for (const plan of plans) {
      const scope = { companyId: plan.companyId, projectId: plan.projectId };
      const threshold = await getSetting(tx, MISSED_WARNING_COUNT, scope);
      const recent = await tx
        .select({ status: inspectionTasks.status, dueAt: inspectionTasks.dueAt })
        .from(inspectionTasks)
        .where(and(eq(inspectionTasks.planId, plan.id), lte(inspectionTasks.dueAt, now)))
        .orderBy(desc(inspectionTasks.dueAt))
        .limit(threshold + 10);
      if (!shouldWarnMissed(recent, threshold, plan.missedWarningAt)) continue;
      await tx.update(maintenancePlans).set({ missedWarningAt: now }).where(eq(maintenancePlans.id, plan.id));
      const people = await roleHolders(
        tx,
        plan.companyId,
        plan.projectId,
        await getSetting(tx, ASSETS_WARNING_ROLES, scope),
      );
      await tell({ tx, now, outbox }, people, {
        companyId: plan.companyId,
        projectId: plan.projectId,
        ticketId: null,
        kind: 'assets.missed',
        level: 2,
        title: '【巡检漏检预警】',
        body: `计划「${plan.name}」最近${threshold}次任务均未执行，请安排人员并检查计划是否合理。`,
        dedupeKey: `assets-missed:${plan.id}:${now.toISOString().slice(0, 10)}`,
      });
      await recordEvent(tx, jobActor(plan.companyId), now, {
        action: 'plan.missed_warning',
        entityType: 'maintenance_plan',
        entityId: plan.id,
        projectId: plan.projectId,
        after: { missed: threshold },
      });
      count++;
    }
    return count;
  });
  await publishAll(services, outbox);
  return warned;
}

/** Q72: warranties ending within the reminder window, told once per piece to the engineering roles. */
export async function remindWarranties(db: DbOrTx, services: Pick<Services, 'bus'>, now: Date) {
  const outbox: BusMessage[] = [];
  const told = await db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(equipment)
      .where(and(isNotNull(equipment.warrantyEnd), sql`${equipment.status} <> '报废'`));
    // Equipment of every project: "today" is each piece's own project's day.
    const zoneOf = await projectZones(
      tx,
      rows.map((r) => r.projectId),
    );
    let n = 0;
    for (const row of rows) {
      const scope = { companyId: row.companyId, projectId: row.projectId };
      const days = await getSetting(tx, WARRANTY_REMINDER_DAYS, scope);
      const today = dayIn(now, zoneOf(row.projectId));
      if (!row.warrantyEnd || row.warrantyEnd < today || row.warrantyEnd > addDays(today, days)) continue;
      const people = await roleHolders(
        tx,
        row.companyId,
        row.projectId,
        await getSetting(tx, ASSETS_WARNING_ROLES, scope),
      );
      await tell({ tx, now, outbox }, people, {
        companyId: row.companyId,
        projectId: row.projectId,
        ticketId: null,
        kind: 'assets.warranty',
        level: 1,
        title: '【保修到期提醒】',
        body: `设备 ${row.code} ${row.name} 的保修期将于 ${row.warrantyEnd} 到期，请联系供应商确认续保或维保安排。`,
        dedupeKey: `assets-warranty:${row.id}:${row.warrantyEnd}`,
      });
      n++;
    }
    return n;
  });
  await publishAll(services, outbox);
  return told;
}

export function registerAssetJobs(services: Pick<Services, 'database' | 'clock' | 'queue' | 'bus'>): void {
  services.queue.register<{ projectId?: number }>(GENERATE_JOB, async ({ payload }) => {
    const now = services.clock.now();
    const ids = payload.projectId ? [payload.projectId] : await projectsWithPlans(services.database.db);
    let added = 0;
    for (const id of ids) added += await services.database.db.transaction((tx) => generateTasks(tx, id, now));
    const reminded = await remindWarranties(services.database.db, services, now);
    return { added, reminded };
  });
  // Nightly, after midnight Asia/Shanghai: the horizon moves one day ahead.
  services.queue.schedule(GENERATE_JOB, '20 0 * * *', {});
  services.queue.register(SWEEP_JOB, async () => ({
    warned: await sweepMissed(services, services.clock.now()),
  }));
  services.queue.schedule(SWEEP_JOB, '5 * * * *', {});
}

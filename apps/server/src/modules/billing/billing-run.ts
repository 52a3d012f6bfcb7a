import { and, eq, sql } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { zonedParts } from '../../platform/clock/zoned';
import type { Actor } from '../../platform/events/record-event';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError, notFound } from '../../platform/http/errors';
import { projects } from '../org/schema';
import { applyPrepaidInTx } from './apply-prepaid';
import { periodIndex } from './rules/periods';
import { planLines, type SkipReason } from './rules/run-plan';
import {
  apportionedShares,
  attachmentsOf,
  itemsBillingIn,
  readingsOf,
  runDueDate,
  toPlanItem,
  unitIdsToBill,
} from './run-data';
import { type BillingRunRow, billingRuns } from './schema';
import { writeChunk } from './write-chunk';

export const BILLING_RUN_JOB = 'billing.run';
/** Units per transaction: small enough to report progress often, large enough to stay set-based. */
export const RUN_CHUNK_UNITS = 5_000;

type RunServices = Pick<Services, 'database' | 'clock' | 'queue'>;

/**
 * POST /api/billing-runs: record the run and queue its job in one transaction. A period more than
 * a year ahead is refused (a typo, not a plan); running a period again is allowed and adds only
 * what is missing.
 */
export async function startBillingRun(
  services: RunServices,
  auth: AuthContext,
  body: { projectId: number; period: string },
): Promise<BillingRunRow> {
  assertInScope(auth, body.projectId, 'Project');
  const now = services.clock.now();
  const [project] = await services.database.db.select().from(projects).where(eq(projects.id, body.projectId));
  if (!project || project.companyId !== auth.companyId) throw notFound('Project');
  const here = zonedParts(now, project.timezone);
  const thisMonth = `${here.year}-${String(here.month).padStart(2, '0')}`;
  if (periodIndex(body.period) > periodIndex(thisMonth) + 12)
    throw new AppError(422, 'period_too_far', 'A billing period may be at most twelve months ahead');
  return services.database.db.transaction(async (tx) => {
    const [active] = await tx
      .select({ id: billingRuns.id })
      .from(billingRuns)
      .where(
        and(
          eq(billingRuns.projectId, body.projectId),
          eq(billingRuns.period, body.period),
          sql`${billingRuns.status} in ('queued', 'running')`,
        ),
      )
      .for('update');
    if (active)
      throw new AppError(409, 'run_in_progress', 'A billing run of this period is already in progress', {
        runId: active.id,
      });
    const [run] = await tx
      .insert(billingRuns)
      .values({
        companyId: auth.companyId,
        projectId: body.projectId,
        period: body.period,
        startedById: auth.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!run) throw new Error('insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'billing_run.started',
      entityType: 'billing_run',
      entityId: run.id,
      projectId: run.projectId,
      after: { period: run.period },
    });
    await services.queue.enqueue(
      BILLING_RUN_JOB,
      { runId: run.id },
      { tx, dedupeKey: `billing-run:${run.id}` },
    );
    return run;
  });
}

const patchRun = (services: RunServices, id: number, values: Partial<BillingRunRow>) =>
  services.database.db
    .update(billingRuns)
    .set({ ...values, updatedAt: services.clock.now() })
    .where(eq(billingRuns.id, id));

/**
 * The job: work through the units that have an item billing this period in chunks, each chunk one
 * transaction that plans its lines with the pure rules and writes them set-based. A retried job
 * starts over; the unique keys make it add only what the failed attempt did not.
 */
export async function runBilling(
  services: RunServices,
  runId: number,
  onProgress?: (r: BillingRunRow) => Promise<void>,
) {
  const { db } = services.database;
  const [run] = await db.select().from(billingRuns).where(eq(billingRuns.id, runId));
  if (!run || run.status === 'done') return run;
  try {
    const items = await itemsBillingIn(db, run.projectId, run.period);
    const itemIds = items.map((i) => i.id);
    const unitIds = await unitIdsToBill(db, itemIds, run.period);
    await patchRun(services, runId, {
      status: 'running',
      unitsTotal: unitIds.length,
      unitsDone: 0,
      startedAt: services.clock.now(),
      error: null,
    });
    const planItems = new Map(items.map((i) => [i.id, toPlanItem(i)]));
    const metered = items.filter((i) => i.formula === 'meter' || i.formula === 'tiered').map((i) => i.id);
    const shares = await apportionedShares(db, items, run.period);
    const dueDate = runDueDate(items, run.period);
    const totals = {
      billsCreated: run.billsCreated,
      linesCreated: run.linesCreated,
      amountCreated: run.amountCreated,
    };
    const skipped: Record<SkipReason, number> = { no_area: 0, no_reading: 0, no_price: 0 };
    for (let k = 0; k < unitIds.length; k += RUN_CHUNK_UNITS) {
      const chunk = unitIds.slice(k, k + RUN_CHUNK_UNITS);
      const attachments = await attachmentsOf(db, itemIds, chunk, run.period);
      const readings = await readingsOf(db, metered, chunk, run.period);
      const plan = planLines(run.period, planItems, attachments, readings, shares);
      for (const [reason, n] of Object.entries(plan.skipped)) skipped[reason as SkipReason] += n;
      const billed = new Set(plan.lines.map((l) => l.unitId));
      const bills = [
        ...new Map(attachments.filter((a) => billed.has(a.unitId)).map((a) => [a.unitId, a])).values(),
      ];
      const done = await db.transaction(async (tx) => {
        const r = await writeChunk(tx, { ...run, dueDate }, bills, plan.lines, services.clock.now());
        totals.billsCreated += r.billsCreated;
        totals.linesCreated += r.linesCreated;
        totals.amountCreated += r.amountCreated;
        const [row] = await tx
          .update(billingRuns)
          .set({ ...totals, unitsDone: k + chunk.length, updatedAt: services.clock.now() })
          .where(eq(billingRuns.id, runId))
          .returning();
        return row;
      });
      if (done && onProgress) await onProgress(done);
    }
    const now = services.clock.now();
    const [finished] = await db.transaction(async (tx) => {
      // 预存抵扣: the new bills take what the units hold in prepaid, in the run's own last transaction,
      // so a run reads 完成 only once every prepaid balance has been spent on them.
      const { applied } = await applyPrepaidInTx(tx, { projectId: run.projectId, now });
      const rows = await tx
        .update(billingRuns)
        .set({ status: 'done', finishedAt: now, updatedAt: now, version: sql`${billingRuns.version} + 1` })
        .where(eq(billingRuns.id, runId))
        .returning();
      const actor: Actor = { userId: run.startedById, companyId: run.companyId, source: 'job' };
      await recordEvent(tx, actor, now, {
        action: 'billing_run.finished',
        entityType: 'billing_run',
        entityId: runId,
        projectId: run.projectId,
        after: { period: run.period, ...totals, units: unitIds.length, skipped, prepaidApplied: applied },
      });
      return rows;
    });
    return finished;
  } catch (error) {
    await patchRun(services, runId, {
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
}

export function registerBillingRunJob(services: RunServices): void {
  services.queue.register<{ runId: number }>(BILLING_RUN_JOB, async ({ payload, progress }) => {
    const run = await runBilling(services, payload.runId, (r) =>
      progress({ unitsDone: r.unitsDone, unitsTotal: r.unitsTotal }),
    );
    return { status: run?.status ?? 'missing' };
  });
}

import type { AuthContext } from '../../platform/auth/context';
import type { BusMessage } from '../../platform/bus/bus';
import type { DbOrTx } from '../../platform/db/client';
import { batchOrEach, type Outcome } from '../../platform/db/coalescer';
import { rawQuery } from '../../platform/db/raw-query';
import type { Actor } from '../../platform/events/record-event';
import { badRequest } from '../../platform/http/errors';
import type { AssignedTechnician } from '../dispatch/auto-dispatch';
import { lockOnDutyTechnicians, type TechnicianRow, technicianCandidates } from '../dispatch/candidates';
import { slaContextFor } from '../sla/cached-context';
import type { SlaContext } from '../sla/context';
import type { TicketBundle } from '../sla/engine';
import type { TrackedClock } from '../sla/rules/aggregate';
import type { CategoryRow } from './category-tree';
import type { TicketInput } from './inputs';
import { dispatchPlanned } from './intake-dispatch-planned';
import { type Exec, type IntakeNumbers, type IntakeWrite, insertIntakes } from './intake-insert';
import { type IntakeFacts, readIntakeFacts } from './intake-read';
import { type IntakePlan, planIntake, type WorkOrderSpec } from './intake-rows';
import { chooseTechnician, isAutoMode } from './rules/dispatch-choice';
import type { Ctx } from './ticket-write';

/** One intake, validated and with every cached lookup done (create-ticket.ts). */
export interface IntakeRequest {
  auth: AuthContext;
  input: TicketInput;
  idempotencyKey: string | null;
  actor: Actor;
  sla: SlaContext;
  category: CategoryRow | null;
  workOrder: WorkOrderSpec | null;
  /** Hand the work order to a technician in the same transaction (round-robin / least-load). */
  autoDispatch: boolean;
  now: Date;
}

export type IntakeOutcome =
  | { kind: 'existing'; id: number }
  | {
      kind: 'created';
      bundle: TicketBundle;
      clocks: TrackedClock[];
      unitLabel: string | null;
      technician: AssignedTechnician | null;
      /** To publish once the batch committed. */
      outbox: BusMessage[];
    };

interface Admitted {
  request: IntakeRequest;
  facts: IntakeFacts;
}

/**
 * A batch of concurrent intakes (one coalesced batch, intake-batchers.ts): one read for what they
 * must know (ids, earlier tickets with their Idempotency-Key, unit and resident), then every new
 * ticket written by ONE statement. Work orders the system dispatches itself are handed out before
 * that statement, in memory, under the locks of the project's on-duty technicians (one short
 * transaction), so each ticket is written once, already dispatched: no second round of updates.
 * A reference to another project's unit or resident is that intake's own 400.
 */
export async function intakeTogether(
  ctx: Ctx,
  requests: readonly IntakeRequest[],
): Promise<Outcome<IntakeOutcome>[]> {
  const facts = await readIntakeFacts(
    ctx.database,
    requests.map((r) => ({
      companyId: r.auth.companyId,
      idempotencyKey: r.idempotencyKey,
      unitId: r.input.unitId ?? null,
      residentId: r.input.residentId ?? null,
      withWorkOrder: r.workOrder !== null,
    })),
  );
  const outcomes: Outcome<IntakeOutcome>[] = [];
  const admitted: { at: number; item: Admitted }[] = [];
  requests.forEach((request, at) => {
    const f = facts[at] as IntakeFacts;
    const problem = referenceProblem(request, f);
    if (f.existingId !== null) outcomes[at] = { ok: true, value: { kind: 'existing', id: f.existingId } };
    else if (problem) outcomes[at] = { ok: false, error: problem };
    else admitted.push({ at, item: { request, facts: f } });
  });
  const written = await batchOrEach(
    admitted.map((a) => a.item),
    (some) => writeIntakes(ctx, some),
  );
  written.forEach((outcome, i) => {
    outcomes[(admitted[i] as { at: number }).at] = outcome;
  });
  return outcomes;
}

function referenceProblem({ input }: IntakeRequest, facts: IntakeFacts) {
  if (input.unitId && facts.unit?.projectId !== input.projectId)
    return badRequest('Unit not in this project', { unitId: input.unitId });
  if (input.residentId && facts.resident?.projectId !== input.projectId)
    return badRequest('Resident not in this project', { residentId: input.residentId });
  return null;
}

/** Plan, dispatch in memory where the system dispatches, and write: all of `items` or none. */
async function writeIntakes(ctx: Ctx, items: readonly Admitted[]): Promise<IntakeOutcome[]> {
  // Planned afresh on every attempt: a dispatch changes the planned rows in memory.
  const plans = items.map(({ request: r, facts }) =>
    planIntake({
      auth: r.auth,
      input: r.input,
      facts,
      category: r.category,
      workOrder: r.workOrder,
      idempotencyKey: r.idempotencyKey,
      sla: r.sla,
      now: r.now,
    }),
  );
  const dispatching = items.some((item, i) => wantsDispatch(item.request, plans[i] as IntakePlan));
  if (!dispatching) {
    const exec: Exec = (text, params) => ctx.database.query(text, params);
    const { numbers } = await insertIntakes(exec, ctx.queue, writesOf(items, plans, []));
    return outcomesOf(items, plans, numbers, [], []);
  }
  const { results, numbers, notices } = await ctx.database.db.transaction(async (tx) => {
    const pools = await lockPools(ctx, tx, items);
    const results: (Awaited<ReturnType<typeof dispatchPlanned>> | null)[] = [];
    let stampedUntil = 0;
    for (const [i, { request: r }] of items.entries()) {
      const plan = plans[i] as IntakePlan;
      const wo = plan.bundle.workOrders[0];
      const pool = pools.get(poolKey(plan.bundle.ticket)) ?? [];
      const chosenId =
        wo && wantsDispatch(r, plan)
          ? chooseTechnician({ candidates: pool, requiredSkill: wo.skill, mode: wo.dispatchMode })
          : null;
      const chosen = pool.find((c) => c.id === chosenId);
      if (!chosen || !wo) {
        results.push(null);
        continue;
      }
      results.push(await dispatchPlanned(tx, ctx, plan, wo, chosen, r.actor, r.now));
      // The next choice in this batch sees this order: one more held, and last in the rotation.
      chosen.openCount += 1;
      stampedUntil = Math.max(r.now.getTime(), stampedUntil + 1);
      chosen.lastAssignedAt = new Date(stampedUntil);
    }
    const exec: Exec = (text, params) => rawQuery(tx, text, params);
    const written = await insertIntakes(exec, ctx.queue, writesOf(items, plans, results), tx);
    return { results, ...written };
  });
  return outcomesOf(items, plans, numbers, results, notices);
}

const wantsDispatch = (r: IntakeRequest, plan: IntakePlan) => {
  const wo = plan.bundle.workOrders[0];
  return r.autoDispatch && wo !== undefined && wo.status === '待派单' && isAutoMode(wo.dispatchMode);
};

function writesOf(
  items: readonly Admitted[],
  plans: readonly IntakePlan[],
  dispatched: readonly (Awaited<ReturnType<typeof dispatchPlanned>> | null)[],
): IntakeWrite[] {
  return items.map(({ request: r }, i) => ({
    plan: plans[i] as IntakePlan,
    actor: r.actor,
    timeZone: r.sla.timezone,
    dispatched: dispatched[i]?.rows,
  }));
}

function outcomesOf(
  items: readonly Admitted[],
  plans: readonly IntakePlan[],
  numbers: readonly IntakeNumbers[],
  dispatched: readonly (Awaited<ReturnType<typeof dispatchPlanned>> | null)[],
  notices: readonly BusMessage[],
): IntakeOutcome[] {
  return items.map(({ facts }, i) => {
    const plan = plans[i] as IntakePlan;
    const d = dispatched[i];
    const t = plan.bundle.ticket;
    const n = numbers[i] as IntakeNumbers;
    t.number = n.ticketNumber;
    t.searchText = `${n.ticketNumber} ${plan.searchRest}`;
    const wo = plan.bundle.workOrders[0];
    if (wo && n.workOrderNumber) wo.number = n.workOrderNumber;
    const clocks = d?.clocks ?? plan.clocks;
    for (const c of clocks) if (!c.id) c.id = n.clockIds.get(`${c.plan.subject}/${c.plan.kind}`) ?? 0;
    const created: BusMessage = {
      type: 'ticket.created',
      companyId: t.companyId,
      projectId: t.projectId,
      entityType: 'ticket',
      entityId: t.id,
      data: { status: t.status, slaState: t.slaState },
    };
    // Each notification message goes out once: with the first intake of the batch.
    return {
      kind: 'created',
      bundle: plan.bundle,
      clocks,
      unitLabel: facts.unit?.label ?? null,
      technician: d?.technician ?? null,
      outbox: [created, ...(d?.outbox ?? []), ...(i === 0 ? notices : [])],
    };
  });
}

const poolKey = (t: { companyId: number; projectId: number }) => `${t.companyId}:${t.projectId}`;

/**
 * The on-duty technicians of every project in the batch, locked (in project order, so two batches
 * never wait on each other crosswise) and then read with their loads: the read comes after the lock,
 * so it sees every order a concurrent dispatch gave them. A technician who came on duty after the lock
 * was taken waits for the next batch.
 */
async function lockPools(ctx: Ctx, tx: DbOrTx, items: readonly Admitted[]) {
  const projects = new Map<string, { companyId: number; projectId: number }>();
  for (const { request: r } of items) {
    const project = { companyId: r.auth.companyId, projectId: r.input.projectId };
    if (r.autoDispatch) projects.set(poolKey(project), project);
  }
  const pools = new Map<string, TechnicianRow[]>();
  for (const p of [...projects.values()].sort((a, b) => a.projectId - b.projectId)) {
    const locked = await lockOnDutyTechnicians(tx, p.companyId, p.projectId);
    if (!locked.length) continue;
    const sla = await slaContextFor(ctx.database, tx, p.companyId, p.projectId);
    pools.set(
      poolKey(p),
      await technicianCandidates(tx, p.companyId, p.projectId, sla.settings.dispatchOpenCap, {
        onlyIds: locked,
      }),
    );
  }
  return pools;
}

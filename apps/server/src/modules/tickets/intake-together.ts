import type { AuthContext } from '../../platform/auth/context';
import type { BusMessage } from '../../platform/bus/bus';
import { isUniqueViolation } from '../../platform/db/errors';
import type { Actor } from '../../platform/events/record-event';
import { badRequest } from '../../platform/http/errors';
import type { AssignedTechnician } from '../dispatch/auto-dispatch';
import {
  onDutyPoolScript,
  type RawTechnicianRow,
  type TechnicianRow,
  toTechnicianRow,
} from '../dispatch/candidates';
import type { SlaContext } from '../sla/context';
import type { TicketBundle } from '../sla/engine';
import type { TrackedClock } from '../sla/rules/aggregate';
import type { CategoryRow } from './category-tree';
import type { TicketInput } from './inputs';
import { dispatchPlanned } from './intake-dispatch-planned';
import {
  type Exec,
  INSERT_INTAKE_NAME,
  type IntakeNumbers,
  type IntakeWrite,
  insertIntakes,
} from './intake-insert';
import type { IntakeFacts } from './intake-read';
import { type IntakePlan, planIntake, type WorkOrderSpec } from './intake-rows';
import { chooseTechnician, isAutoMode } from './rules/dispatch-choice';
import type { Ctx } from './ticket-write';

const DISPATCH_LOCK_TIMEOUT_MS = 2000;

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

export interface IntakeOutcome {
  bundle: TicketBundle;
  clocks: TrackedClock[];
  unitLabel: string | null;
  technician: AssignedTechnician | null;
  /** To publish once the batch committed. */
  outbox: BusMessage[];
}

/** An intake whose references were checked (intake-read.ts): what the write batch takes. */
export interface Admitted {
  request: IntakeRequest;
  facts: IntakeFacts;
}

/** A reference to another project's unit or resident: that intake's own 400. */
export function referenceProblem({ input }: IntakeRequest, facts: IntakeFacts) {
  if (input.unitId && facts.unit?.projectId !== input.projectId)
    return badRequest('Unit not in this project', { unitId: input.unitId });
  if (input.residentId && facts.resident?.projectId !== input.projectId)
    return badRequest('Resident not in this project', { residentId: input.residentId });
  return null;
}

/**
 * A batch of concurrent intakes (intake-batchers.ts), all of `items` or none: every new ticket written
 * by ONE statement. Work orders the system dispatches itself are handed out before that statement, in
 * memory, under the locks of the project's on-duty technicians (one short transaction), so each
 * ticket is written once, already dispatched: no second round of updates.
 */
export async function writeIntakes(
  ctx: Ctx,
  items: readonly Admitted[],
  dispatch = true,
): Promise<IntakeOutcome[]> {
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
  const projects = dispatch ? projectsOf(items, plans) : [];
  if (projects.length) {
    try {
      return await writeDispatched(ctx, items, plans, projects);
    } catch (error) {
      if (isUniqueViolation(error)) throw error;
      // The dispatch could not be done (a deadlock on a technician's row, say): the tickets are written
      // anyway, their orders wait in the pool, and the minute sweep dispatches them.
      return writeIntakes(ctx, items, false);
    }
  }
  const exec: Exec = (text, params) => ctx.database.query(text, params);
  const { numbers } = await insertIntakes(exec, ctx.queue, writesOf(items, plans, []));
  return outcomesOf(items, plans, numbers, [], []);
}

async function writeDispatched(
  ctx: Ctx,
  items: readonly Admitted[],
  plans: readonly IntakePlan[],
  projects: ReturnType<typeof projectsOf>,
): Promise<IntakeOutcome[]> {
  const { results, numbers, notices } = await ctx.database.rawTransaction(
    [
      // An intake never waits long on a technician's row: past this it is written undispatched.
      `set local lock_timeout = '${DISPATCH_LOCK_TIMEOUT_MS}ms'`,
      ...projects.map((p) => onDutyPoolScript(p.companyId, p.projectId)),
    ].join(';\n'),
    async (connection, opened) => {
      const pools = new Map<string, TechnicianRow[]>();
      projects.forEach((p, i) => {
        const rows = (opened[2 * i + 2] ?? []) as unknown as RawTechnicianRow[];
        pools.set(
          poolKey(p),
          rows.map((r) => toTechnicianRow(r, p.sla.settings.dispatchOpenCap)),
        );
      });
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
        results.push(await dispatchPlanned(ctx, r.sla, plan, wo, chosen, r.actor, r.now));
        // The next choice in this batch sees this order: one more held, and last in the rotation.
        chosen.openCount += 1;
        stampedUntil = Math.max(r.now.getTime(), stampedUntil + 1);
        chosen.lastAssignedAt = new Date(stampedUntil);
      }
      const exec: Exec = (text, params) => connection.query(text, params, INSERT_INTAKE_NAME);
      const written = await insertIntakes(exec, ctx.queue, writesOf(items, plans, results));
      return { results, ...written };
    },
  );
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
 * The projects whose on-duty technicians the batch locks (in project order, so two batches never wait
 * on each other crosswise), with their SLA context, read before the transaction so that nothing in it
 * waits on another connection.
 */
function projectsOf(items: readonly Admitted[], plans: readonly IntakePlan[]) {
  const projects = new Map<string, { companyId: number; projectId: number; sla: SlaContext }>();
  items.forEach(({ request: r }, i) => {
    const project = { companyId: r.auth.companyId, projectId: r.input.projectId, sla: r.sla };
    if (wantsDispatch(r, plans[i] as IntakePlan)) projects.set(poolKey(project), project);
  });
  return [...projects.values()].sort((a, b) => a.projectId - b.projectId);
}

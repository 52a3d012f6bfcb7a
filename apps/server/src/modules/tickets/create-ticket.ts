import { and, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { isUniqueViolation } from '../../platform/db/errors';
import type { Actor } from '../../platform/events/record-event';
import { badRequest } from '../../platform/http/errors';
import { technicianCandidates } from '../dispatch/candidates';
import { dispatchModeFor } from '../dispatch/mode';
import { slaContextFor } from '../sla/cached-context';
import { usableCategory } from './categories';
import type { DetailParts } from './detail';
import type { TicketInput } from './inputs';
import { batchersOf } from './intake-batchers';
import { dispatchAfterIntake } from './intake-dispatch';
import type { WorkOrderSpec } from './intake-rows';
import { type IntakeOutcome, type IntakeRequest, referenceProblem } from './intake-together';
import { intakeDetailParts } from './intake-view';
import { isEligible } from './rules/dispatch-choice';
import { tickets } from './schema';
import { type Ctx, publishAll } from './ticket-write';

export async function findByIdempotencyKey(db: DbOrTx, companyId: number, key: string) {
  const [row] = await db
    .select({ id: tickets.id, projectId: tickets.projectId })
    .from(tickets)
    .where(and(eq(tickets.companyId, companyId), eq(tickets.idempotencyKey, key)));
  return row ?? null;
}

/**
 * Intake: validate references, number the ticket, create the work order of a repair and dispatch it
 * where the system dispatches, start the SLA clocks and arm their timer — the ticket written once, by
 * one statement (intake-together.ts, intake-insert.ts), which concurrent intakes share
 * (intake-batchers.ts). A technician named on the form is dispatched after the intake with the
 * dispatcher's checks (intake-dispatch.ts). With an Idempotency-Key a retried request returns the
 * ticket the first one created. A created ticket comes with its detail view (`parts`), built from the
 * rows in hand.
 */
export async function createTicket(
  ctx: Ctx,
  auth: AuthContext,
  input: TicketInput,
  idempotencyKey?: string,
  /** Who the timeline names; a channel (the resident portal, the IVR) acts without a staff member. */
  actor: Actor = userActor(auth),
): Promise<{ id: number; created: boolean; parts?: DetailParts }> {
  assertInScope(auth, input.projectId, 'Project');
  const { database } = ctx;
  const { db } = database;
  const now = ctx.clock.now();
  // Both come from the process cache; in turn, so a miss never takes two pool connections at once.
  const sla = await slaContextFor(database, db, auth.companyId, input.projectId);
  const category = input.categoryId
    ? await usableCategory(database, db, auth.companyId, input.projectId, input.categoryId)
    : null;
  const wantsWorkOrder = input.type === '报修' || Boolean(input.workOrder);
  const spec: WorkOrderSpec | null = wantsWorkOrder
    ? {
        mode: await dispatchModeFor(
          database,
          db,
          auth.companyId,
          input.projectId,
          category?.row.pathIds ?? [],
          sla.settings.dispatchDefaultMode,
        ),
        skill: input.workOrder?.skill ?? category?.skill ?? null,
        description: input.workOrder?.description,
        team: input.workOrder?.team,
        vendorName: input.workOrder?.vendorName,
      }
    : null;
  const named = input.workOrder?.technicianId ?? null;
  if (named && spec)
    await assertNamedEligible(ctx, auth, input.projectId, named, spec.skill, sla.settings.dispatchOpenCap);

  const batchers = batchersOf(ctx);
  const facts = await batchers.facts.submit({
    companyId: auth.companyId,
    idempotencyKey: idempotencyKey ?? null,
    unitId: input.unitId ?? null,
    residentId: input.residentId ?? null,
    withWorkOrder: spec !== null,
  });
  if (facts.existingId !== null) return { id: facts.existingId, created: false };
  const request: IntakeRequest = {
    auth,
    input,
    idempotencyKey: idempotencyKey ?? null,
    actor,
    sla,
    category: category?.row ?? null,
    workOrder: spec,
    autoDispatch: named === null && input.workOrder?.autoDispatch !== false,
    now,
  };
  const problem = referenceProblem(request, facts);
  if (problem) throw problem;
  let done: IntakeOutcome;
  try {
    done = await batchers.write.submit({ request, facts });
  } catch (error) {
    // Two requests with one key raced: the loser answers with the winner's ticket.
    if (idempotencyKey && isUniqueViolation(error)) {
      const existing = await findByIdempotencyKey(db, auth.companyId, idempotencyKey);
      if (existing) return { id: existing.id, created: false };
    }
    throw error;
  }
  const { bundle } = done;
  const { ticket } = bundle;
  const wo = bundle.workOrders[0];
  await publishAll(ctx, done.outbox);

  const dispatched =
    wo && named ? await dispatchAfterIntake(ctx, bundle, done.clocks, wo.id, named, actor, now) : null;
  if (dispatched === 'stale') return { id: ticket.id, created: true };
  return {
    id: ticket.id,
    created: true,
    parts: intakeDetailParts({
      auth,
      bundle: dispatched?.bundle ?? bundle,
      clocks: dispatched?.clocks ?? done.clocks,
      unitLabel: done.unitLabel,
      categoryPath: category?.row.pathNames ?? null,
      technician: dispatched?.technician ?? done.technician,
      sla,
      now,
    }),
  };
}

/** The intake form named a technician: same eligibility rules as a dispatcher's assign (400 otherwise). */
async function assertNamedEligible(
  ctx: Ctx,
  auth: AuthContext,
  projectId: number,
  technicianId: number,
  skill: string | null,
  cap: number,
): Promise<void> {
  const [candidate] = await technicianCandidates(ctx.database.db, auth.companyId, projectId, cap, {
    onlyIds: [technicianId],
  });
  if (!candidate) throw badRequest('Not a technician of this project', { technicianId });
  if (!isEligible(candidate, skill)) {
    throw badRequest('The technician cannot take this order now (off duty, at cap or missing the skill)', {
      technicianId,
    });
  }
}

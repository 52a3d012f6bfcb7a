import type { BusMessage } from '../../platform/bus/bus';
import type { Actor } from '../../platform/events/record-event';
import { type AssignedTechnician, assignTechnician } from '../dispatch/auto-dispatch';
import type { TechnicianRow } from '../dispatch/candidates';
import type { SlaContext } from '../sla/context';
import type { WorkOrderRow } from '../sla/engine';
import type { TrackedClock } from '../sla/rules/aggregate';
import type { IntakePlan } from './intake-rows';
import { type Ctx, openWrite, settleWrite } from './ticket-write';
import type { DrainedRows } from './write-batch';

/**
 * Dispatch the work order of a planned, not yet written intake to `chosen`, in memory: the same
 * transition, hand-offs, notification, event and SLA recomputation as a dispatch of a stored order
 * (assignTechnician, settleWrite), but the rows they produce are drained for the intake's insert
 * instead of flushed as updates. The plan's ticket and work order are changed in place.
 */
export async function dispatchPlanned(
  ctx: Ctx,
  sla: SlaContext,
  plan: IntakePlan,
  wo: WorkOrderRow,
  chosen: TechnicianRow,
  actor: Actor,
  now: Date,
): Promise<{
  rows: DrainedRows;
  clocks: TrackedClock[];
  outbox: BusMessage[];
  technician: AssignedTechnician;
}> {
  // Markers with id 0: every clock is recomputed into the batch (none is stored yet).
  const bundle = {
    ...plan.bundle,
    clockMarkers: new Map(
      plan.clocks.map((c) => [
        `${c.plan.subject}/${c.plan.kind}`,
        { id: 0, warningsFired: 0, breachNotified: false },
      ]),
    ),
  };
  // Nothing here reads or writes the database (the SLA context is in hand, the clocks are recomputed
  // into the batch, the numbers are the insert's): the handle is only there to satisfy the type.
  const w = await openWrite(ctx.database.db, ctx, bundle, actor, null, now, undefined, sla);
  await assignTechnician(w, wo, chosen.id, 'dispatched');
  const clocks = await settleWrite(w);
  return {
    rows: w.batch.drain(),
    clocks,
    outbox: w.outbox,
    technician: { id: chosen.id, displayName: chosen.displayName },
  };
}

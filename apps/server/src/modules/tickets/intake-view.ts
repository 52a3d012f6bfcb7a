import type { AuthContext } from '../../platform/auth/context';
import type { SlaContext } from '../sla/context';
import { clockValues, type TicketBundle } from '../sla/engine';
import type { ClockRow } from '../sla/present';
import type { TrackedClock } from '../sla/rules/aggregate';
import type { DetailParts } from './detail';

/** A stored clock row rebuilt from what the write knows, for the answer (no re-read). */
function clockRow(bundle: TicketBundle, c: TrackedClock, now: Date): ClockRow {
  const v = clockValues(bundle.ticket, c.plan, now);
  return {
    ...v,
    id: c.id,
    workOrderId: v.workOrderId ?? null,
    byAppointment: v.byAppointment ?? false,
    stoppedAt: v.stoppedAt ?? null,
    pauses: v.pauses ?? [],
    pausedMinutes: v.pausedMinutes ?? 0,
    elapsedMinutes: v.elapsedMinutes ?? null,
    warnAt: v.warnAt ?? [],
    warningsFired: c.warningsFired,
    breachNotifiedAt: c.breachNotified ? now : null,
    updatedAt: now,
  };
}

/**
 * The detail view of a ticket the intake just wrote, from the rows in hand: the same answer a GET would
 * give (the intake tests compare the two), without the six reads it would cost.
 */
export function intakeDetailParts(args: {
  auth: AuthContext;
  bundle: TicketBundle;
  clocks: TrackedClock[];
  unitLabel: string | null;
  categoryPath: string | null;
  technician: { id: number; displayName: string } | null;
  sla: SlaContext;
  now: Date;
}): DetailParts {
  const { bundle: b, auth } = args;
  const t = b.ticket;
  return {
    ticket: t,
    workOrders: b.workOrders,
    clocks: args.clocks.map((c) => clockRow(b, c, args.now)).sort((x, y) => x.id - y.id),
    callbacks: b.callbacks,
    names: {
      unit: new Map(t.unitId && args.unitLabel !== null ? [[t.unitId, args.unitLabel]] : []),
      category: new Map(
        t.categoryId && args.categoryPath !== null ? [[t.categoryId, args.categoryPath]] : [],
      ),
      user: new Map(t.ownerId === auth.userId ? [[auth.userId, auth.displayName]] : []),
    },
    technicianNames: new Map(args.technician ? [[args.technician.id, args.technician.displayName]] : []),
    sla: args.sla,
  };
}

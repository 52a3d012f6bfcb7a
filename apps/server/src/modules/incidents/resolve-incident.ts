import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError, conflict } from '../../platform/http/errors';
import { closeHandoff, patchWorkOrder } from '../dispatch/assign';
import { resolveInWrite } from '../tickets/resolve-ticket';
import { isWorkOrderOpen } from '../tickets/rules/work-order-status';
import { patchTicket, stateOf, statusEvent } from '../tickets/ticket-ops';
import { writeTicket } from '../tickets/ticket-write';
import { runTicketAction } from '../tickets/transitions';
import { linkedTicketIds, queueRestoredNotice } from './notify';
import { incidentInScope } from './queries';
import { incidents } from './schema';

type Ctx = Pick<Services, 'database' | 'clock' | 'queue' | 'bus'>;

export interface TicketOutcome {
  ticketId: number;
  outcome: 'resolved' | 'unchanged' | 'error';
  status?: string;
  error?: string;
}

/**
 * 已恢复: the restored notice is queued with the status change; then every attached ticket still
 * open moves toward its callback (accepted if new, open work orders withdrawn, resolved). Each
 * ticket is its own aggregate write, so one that fails (a concurrent edit) does not undo the rest;
 * its outcome says so and an agent finishes it by hand.
 */
export async function resolveIncident(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  version: number,
  note?: string | null,
) {
  const now = ctx.clock.now();
  const { row, notified } = await ctx.database.db.transaction(async (tx) => {
    const i = checkVersion(await incidentInScope(tx, auth, id, true), version, 'Incident');
    if (i.status !== '进行中') throw conflict('The incident is already restored', { status: i.status });
    const [row] = await tx
      .update(incidents)
      .set({
        status: '已恢复',
        resolvedAt: now,
        resolutionNote: note ?? null,
        version: i.version + 1,
        updatedAt: now,
      })
      .where(eq(incidents.id, i.id))
      .returning();
    if (!row) throw new Error('incident vanished inside its transaction');
    const notified = await queueRestoredNotice(tx, ctx, row);
    await recordEvent(tx, userActor(auth), now, {
      action: 'incident.resolved',
      entityType: 'incident',
      entityId: i.id,
      projectId: i.projectId,
      before: { status: i.status },
      after: { status: row.status, note: note ?? null, notified },
    });
    return { row, notified };
  });

  const reason = `${row.kind}已恢复(事件 #${row.id})`;
  const outcomes: TicketOutcome[] = [];
  for (const ticketId of await linkedTicketIds(ctx.database.db, row.id)) {
    try {
      const status = await writeTicket(ctx, auth, ticketId, async (w) => {
        const t = w.bundle.ticket;
        if (t.status !== '待受理' && t.status !== '处理中') return null;
        if (t.status === '待受理') {
          const from = t.status;
          const next = runTicketAction(stateOf(w), { type: 'accept' });
          await patchTicket(w, { status: next.status, acceptedAt: w.now, ownerId: t.ownerId ?? auth.userId });
          await statusEvent(w, 'ticket.accepted', from, { ownerId: auth.userId, incidentId: row.id });
        }
        for (const wo of w.bundle.workOrders) {
          if (!isWorkOrderOpen(wo.status)) continue;
          await closeHandoff(w, wo, 'cancelled', reason);
          await patchWorkOrder(w, wo, { status: '已取消', cancelledAt: w.now, lastReason: reason });
          await w.event({
            action: 'workorder.cancel',
            entityType: 'work_order',
            entityId: wo.id,
            after: { status: '已取消', reason, ticketId: t.id, incidentId: row.id },
          });
        }
        await resolveInWrite(w);
        return w.bundle.ticket.status;
      });
      outcomes.push(status ? { ticketId, outcome: 'resolved', status } : { ticketId, outcome: 'unchanged' });
    } catch (error) {
      const message = error instanceof AppError || error instanceof Error ? error.message : String(error);
      outcomes.push({ ticketId, outcome: 'error', error: message });
    }
  }
  return { incident: row, notified, tickets: outcomes };
}

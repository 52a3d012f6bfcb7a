import { and, eq } from 'drizzle-orm';
import type { TicketWrite } from '../tickets/ticket-write';
import { callbacks } from './schema';

/** A callback round for the ticket that just reached 待回访, due per the callback target (Q37). */
export async function openCallbackRound(w: TicketWrite): Promise<void> {
  const t = w.bundle.ticket;
  const dueAt = new Date(w.now.getTime() + w.sla.settings.callbackHours * 3_600_000);
  const [row] = await w.tx
    .insert(callbacks)
    .values({
      companyId: t.companyId,
      projectId: t.projectId,
      ticketId: t.id,
      ticketCreatedAt: t.createdAt,
      round: w.bundle.callbacks.length + 1,
      dueAt,
      createdAt: w.now,
      updatedAt: w.now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  w.bundle.callbacks.push(row);
  await w.event({
    action: 'callback.due',
    entityType: 'callback',
    entityId: row.id,
    after: { ticketId: t.id, round: row.round, dueAt: dueAt.toISOString() },
  });
  w.outbox.push({
    type: 'callback.due',
    companyId: t.companyId,
    projectId: t.projectId,
    entityType: 'ticket',
    entityId: t.id,
  });
}

/** Reopen, close or cancel: an open round is no longer needed. */
export async function cancelOpenCallbacks(w: TicketWrite): Promise<void> {
  for (const cb of w.bundle.callbacks) {
    if (cb.status !== '待回访') continue;
    const [row] = await w.tx
      .update(callbacks)
      .set({ status: '已取消', updatedAt: w.now, version: cb.version + 1 })
      .where(and(eq(callbacks.id, cb.id), eq(callbacks.status, '待回访')))
      .returning();
    if (row) Object.assign(cb, row);
  }
}

import { eq } from 'drizzle-orm';
import { targetsFor } from '../sla/context';
import type { TicketState } from './rules/ticket-status';
import { tickets } from './schema';
import type { TicketRow } from './ticket-rows';
import type { TicketWrite } from './ticket-write';
import { callbackPolicyOf, ticketState } from './transitions';

/** The state machine's view of the write's ticket (callback rule resolved from category, policy, Q39). */
export function stateOf(w: TicketWrite): TicketState {
  const t = w.bundle.ticket;
  const { callbackPolicy } = targetsFor(w.sla, {
    projectId: t.projectId,
    ticketType: t.type,
    priority: t.priority,
    categoryPath: w.bundle.categoryPath,
  });
  return ticketState(t, w.bundle.workOrders, callbackPolicyOf(t, callbackPolicy));
}

/** Update the ticket row and the bundle, bumping the version the console must send next. */
export async function patchTicket(
  w: TicketWrite,
  patch: Partial<typeof tickets.$inferInsert>,
): Promise<TicketRow> {
  const t = w.bundle.ticket;
  const [row] = await w.tx
    .update(tickets)
    .set({ ...patch, version: t.version + 1, updatedAt: w.now })
    .where(eq(tickets.id, t.id))
    .returning();
  if (!row) throw new Error('ticket vanished inside its transaction');
  Object.assign(t, row);
  return t;
}

export async function statusEvent(
  w: TicketWrite,
  action: string,
  from: string,
  extra: Record<string, unknown> = {},
) {
  const t = w.bundle.ticket;
  await w.event({
    action,
    entityType: 'ticket',
    entityId: t.id,
    before: { status: from },
    after: { status: t.status, ...extra },
  });
}

import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import type { TicketBundle } from '../tickets/ticket-rows';
import type { SlaContext } from './context';
import { planFor } from './engine';
import { slaClocks } from './schema';

/**
 * Remove the stored clocks the ticket no longer has under its current classification (a 投诉 corrected
 * to 报修 has no reply clock; a policy without a respond target has no respond clock). The recompute
 * that ends every write upserts the planned clocks but never deletes: without this the detail view and
 * the SLA report would keep a clock the ticket is not held to.
 */
export async function dropUnplannedClocks(
  w: { tx: DbOrTx; sla: SlaContext; now: Date },
  bundle: TicketBundle,
): Promise<number> {
  const planned = new Set(planFor(bundle, w.sla, w.now).map((p) => `${p.subject}/${p.kind}`));
  const stored = await w.tx
    .select({ id: slaClocks.id, subject: slaClocks.subject, kind: slaClocks.kind })
    .from(slaClocks)
    .where(eq(slaClocks.ticketId, bundle.ticket.id));
  const gone = stored.filter((c) => !planned.has(`${c.subject}/${c.kind}`)).map((c) => c.id);
  if (gone.length) await w.tx.delete(slaClocks).where(inArray(slaClocks.id, gone));
  return gone.length;
}

import { eq } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { createTicket } from '../tickets/create-ticket';
import type { TicketInput } from '../tickets/create-ticket.types';
import type { Ctx } from '../tickets/ticket-write';
import { workOrders } from '../workorders/schema';
import { equipment, equipmentDefects } from './schema';

export interface NewDefect {
  defectId: number;
  projectId: number;
  equipmentId: number | null;
  system: string;
  what: string;
}

/**
 * The repair of each new defect goes through the normal intake (a 报修 ticket, channel 巡检, whose
 * work order is dispatched like any other). The ticket's idempotency key is the defect's, so a retry
 * after a crash between the two transactions finds the same ticket instead of making a second.
 */
export async function raiseDefectTickets(ctx: Ctx, auth: AuthContext, defects: readonly NewDefect[]) {
  const { db } = ctx.database;
  for (const d of defects) {
    const piece = d.equipmentId ? await equipmentLabel(db, d.equipmentId) : null;
    const input: TicketInput = {
      projectId: d.projectId,
      type: '报修',
      channel: 'inspection',
      priority: '一般',
      title: `巡检发现：${piece?.name ?? d.system}`.slice(0, 100),
      description: [
        piece ? `${piece.code} ${piece.name}（${piece.location || '位置未填'}）` : d.system,
        d.what,
      ]
        .join('：')
        .slice(0, 4000),
      contactName: auth.displayName,
      attachments: [],
      accept: true,
      workOrder: { description: d.what.slice(0, 2000) },
    };
    const { id: ticketId } = await createTicket(ctx, auth, input, `inspection-defect:${d.defectId}`);
    const [wo] = await db
      .select({ id: workOrders.id })
      .from(workOrders)
      .where(eq(workOrders.ticketId, ticketId))
      .orderBy(workOrders.id)
      .limit(1);
    await db
      .update(equipmentDefects)
      .set({ ticketId, workOrderId: wo?.id ?? null })
      .where(eq(equipmentDefects.id, d.defectId));
  }
}

async function equipmentLabel(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ code: equipment.code, name: equipment.name, location: equipment.location })
    .from(equipment)
    .where(eq(equipment.id, id));
  return row ?? null;
}

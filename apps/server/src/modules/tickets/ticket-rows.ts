import type { callbacks } from '../callbacks/schema';
import type { workOrders } from '../workorders/schema';
import type { tickets } from './schema';

export type TicketRow = typeof tickets.$inferSelect;
export type WorkOrderRow = typeof workOrders.$inferSelect;
export type CallbackRow = typeof callbacks.$inferSelect;

/** A ticket aggregate as a write holds it: the ticket, its work orders and callback rounds. */
export interface TicketBundle {
  ticket: TicketRow;
  workOrders: WorkOrderRow[];
  callbacks: CallbackRow[];
  /** Category ids from the root to the ticket's category (policies match on any of them). */
  categoryPath: number[];
}

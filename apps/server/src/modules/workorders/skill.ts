import { categoryTreeFor, skillOf } from '../tickets/category-tree';
import type { TicketWrite } from '../tickets/ticket-write';

/** The skill of the ticket's category, inherited from the nearest ancestor that names one. */
export async function usableSkill(w: TicketWrite): Promise<string | null> {
  const t = w.bundle.ticket;
  if (!t.categoryId) return null;
  const tree = await categoryTreeFor(w.ctx.database, w.tx, t.companyId, t.categoryId);
  const row = tree.byId.get(t.categoryId);
  return row ? skillOf(tree, row) : null;
}

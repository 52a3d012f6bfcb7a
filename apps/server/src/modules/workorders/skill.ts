import { inArray } from 'drizzle-orm';
import { ticketCategories } from '../tickets/schema';
import type { TicketWrite } from '../tickets/ticket-write';

/** The skill of the ticket's category, inherited from the nearest ancestor that names one. */
export async function usableSkill(w: TicketWrite): Promise<string | null> {
  const path = w.bundle.categoryPath;
  if (!path.length) return null;
  const rows = await w.tx
    .select({ id: ticketCategories.id, skill: ticketCategories.skill })
    .from(ticketCategories)
    .where(inArray(ticketCategories.id, path));
  const byId = new Map(rows.map((r) => [r.id, r.skill]));
  return (
    [...path]
      .reverse()
      .map((id) => byId.get(id))
      .find((s) => s) ?? null
  );
}

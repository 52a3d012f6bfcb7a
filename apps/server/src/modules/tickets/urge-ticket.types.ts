import { z } from 'zod';

/**
 * POST /api/tickets/:id/urge — 催单: the resident called (or wrote) again about a ticket still open.
 * No version: chasing changes no field the agent edits, so it never conflicts with a colleague's edit.
 */
export const urgeTicketBody = z.object({
  /** What the resident said this time ("师傅还没到，水还在漏"). */
  note: z.string().trim().max(500).nullish(),
  /** The call the resident chased on, linked to the ticket like any call about it. */
  callId: z.number().int().positive().nullish(),
});
export type UrgeTicketBody = z.infer<typeof urgeTicketBody>;

import type { Actor } from '../../platform/events/record-event';
import { getSetting } from '../../platform/settings/get-setting';
import { notify, usersWithRoles } from '../notifications/notify';
import { type Ctx, writeTicket } from '../tickets/ticket-write';
import { ticketTriage } from './schema';
import { TRIAGE_ALERT_ROLES } from './settings';
import type { TriageResult } from './types';

export type TriageSource = 'console' | 'portal' | 'email' | 'ivr';

/**
 * Keep the suggestion a ticket was classified with, on its timeline. When the suggestion itself made
 * the ticket urgent (portal/e-mail, a danger phrase), the timeline says so ("auto") and the 班长 is
 * alerted in the same transaction. `corrected` is set when the ticket as written already differs
 * from the suggestion (the agent picked another category or type at intake).
 */
export async function recordTicketTriage(
  ctx: Ctx,
  props: { ticketId: number; source: TriageSource; result: TriageResult; autoUrgent: boolean; actor?: Actor },
): Promise<void> {
  const { ticketId, source, result, autoUrgent } = props;
  await writeTicket(
    ctx,
    null,
    ticketId,
    async (w) => {
      const t = w.bundle.ticket;
      const top = result.categories[0] ?? null;
      const corrected = (top?.id ?? null) !== t.categoryId || result.type !== t.type;
      const inserted = await w.tx
        .insert(ticketTriage)
        .values({
          ticketId,
          companyId: t.companyId,
          projectId: t.projectId,
          modelId: result.modelId,
          source,
          suggestion: result,
          suggestedType: result.type,
          suggestedUrgency: result.urgency,
          suggestedCategoryId: top?.id ?? null,
          autoUrgent,
          corrected,
          correctedAt: corrected ? w.now : null,
          createdAt: w.now,
        })
        .onConflictDoNothing()
        .returning({ ticketId: ticketTriage.ticketId });
      // A retried intake records once.
      if (!inserted.length) return;
      await w.event({
        action: autoUrgent ? 'ticket.triage_auto_urgent' : 'ticket.triaged',
        entityType: 'ticket',
        entityId: ticketId,
        after: {
          auto: autoUrgent,
          source,
          type: result.type,
          urgency: result.urgency,
          category: top?.path ?? null,
          confidence: top?.confidence ?? null,
          reasons: result.reasons,
          modelVersion: result.modelVersion,
          corrected,
        },
      });
      if (!autoUrgent) return;
      const roles = await getSetting(w.tx, TRIAGE_ALERT_ROLES, {
        companyId: t.companyId,
        projectId: t.projectId,
      });
      const holders = await usersWithRoles(w.tx, t.companyId, t.projectId, roles);
      await notify(
        w,
        [...new Set(holders.map((h) => h.userId))].map((userId) => ({
          companyId: t.companyId,
          userId,
          projectId: t.projectId,
          kind: 'triage.urgent' as const,
          level: 2,
          title: `自动紧急:${t.number}`,
          body: `${result.reasons.slice(0, 2).join(';')} — ${[...t.description].slice(0, 60).join('')}`,
          ticketId,
          dedupeKey: `triage.urgent:${ticketId}`,
        })),
      );
    },
    props.actor,
  );
}

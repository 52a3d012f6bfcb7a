import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import { units } from '../org/schema';
import { emergencies, emergencyTickets } from './schema';

const ACTIVE = ['已上报', '已确认', '已到场', '已控制'] as const;

/**
 * A ticket logged while an emergency runs in its building (or project-wide, when the emergency names no
 * building) is linked to it: the report lists what residents said, the board counts them. Called by
 * ticket intake in its own transaction.
 */
export async function linkTicketToEmergencies(
  tx: DbOrTx,
  ticket: { id: number; companyId: number; projectId: number; unitId: number | null },
  now: Date,
): Promise<number[]> {
  let buildingId: number | null = null;
  if (ticket.unitId) {
    const [u] = await tx.select({ b: units.buildingId }).from(units).where(eq(units.id, ticket.unitId));
    buildingId = u?.b ?? null;
  }
  if (buildingId === null) return [];
  const running = await tx
    .select({ id: emergencies.id })
    .from(emergencies)
    .where(
      and(
        eq(emergencies.projectId, ticket.projectId),
        eq(emergencies.drill, false),
        inArray(emergencies.status, [...ACTIVE]),
        or(eq(emergencies.buildingId, buildingId), isNull(emergencies.buildingId)),
      ),
    );
  if (!running.length) return [];
  const rows = await tx
    .insert(emergencyTickets)
    .values(
      running.map((r) => ({
        emergencyId: r.id,
        ticketId: ticket.id,
        projectId: ticket.projectId,
        linkedAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ emergencyId: emergencyTickets.emergencyId });
  for (const r of rows)
    await recordEvent(tx, { userId: null, companyId: ticket.companyId, source: 'rule' }, now, {
      action: 'emergency.ticket_linked',
      entityType: 'emergency',
      entityId: r.emergencyId,
      projectId: ticket.projectId,
      after: { ticketId: ticket.id },
    });
  return rows.map((r) => r.emergencyId);
}

import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import type { BusMessage } from '../../platform/bus/bus';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { escalationTargets, notifyAbout } from './recipients';
import { rectifications } from './schema';

export const RECTIFICATION_OVERDUE_JOB = 'rectifications.overdue';

/**
 * Every open item past its deadline is escalated once per round: the department head and the project's
 * managers hear of it. escalated_at marks the round (a failed re-check clears it), and the row is locked
 * and re-read in its own transaction, so two nodes or a rerun never escalate the same round twice.
 */
export async function escalateOverdue(
  services: Pick<Services, 'database' | 'clock' | 'bus'>,
): Promise<number> {
  const now = services.clock.now();
  const { db } = services.database;
  const due = await db
    .select({ id: rectifications.id })
    .from(rectifications)
    .where(
      and(
        eq(rectifications.state, 'open'),
        isNull(rectifications.escalatedAt),
        lt(rectifications.deadline, now),
      ),
    )
    .orderBy(asc(rectifications.deadline))
    .limit(500);
  let escalated = 0;
  for (const { id } of due) {
    const outbox: BusMessage[] = [];
    const done = await db.transaction(async (tx) => {
      const [r] = await tx.select().from(rectifications).where(eq(rectifications.id, id)).for('update');
      if (r?.state !== 'open' || r.escalatedAt || r.deadline.getTime() >= now.getTime()) return false;
      await tx
        .update(rectifications)
        .set({ escalatedAt: now, updatedAt: now })
        .where(eq(rectifications.id, id));
      const to = await escalationTargets(tx, r);
      await notifyAbout(
        { tx, now, outbox },
        r,
        to,
        'rectification.overdue',
        `整改超期:${r.title}`,
        `第${r.round}轮整改已超过期限,请督促责任人`,
      );
      await recordEvent(tx, { userId: null, companyId: r.companyId, source: 'system' }, now, {
        action: 'rectification.escalated',
        entityType: 'rectification',
        entityId: r.id,
        projectId: r.projectId,
        after: { round: r.round, deadline: r.deadline.toISOString(), notified: to },
      });
      return true;
    });
    if (done) {
      escalated += 1;
      for (const m of outbox) await services.bus.publish(m);
    }
  }
  return escalated;
}

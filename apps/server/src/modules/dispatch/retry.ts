import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Services } from '../../platform/http/app-types';
import { writeTicket } from '../tickets/ticket-write';
import { workOrders } from '../workorders/schema';
import { tryAutoDispatch } from './auto-dispatch';

type RetryServices = Pick<Services, 'database' | 'clock' | 'bus' | 'queue'>;

/**
 * Orders in 待派单 under an automatic mode wait for someone to come on duty or drop under the cap;
 * the minute sweep (and a technician going on duty) offers them again, oldest first.
 */
export async function retryPendingDispatch(
  services: RetryServices,
  projectIds?: number[],
  limit = 100,
): Promise<number> {
  const pending = await services.database.db
    .select({ id: workOrders.id, ticketId: workOrders.ticketId, companyId: workOrders.companyId })
    .from(workOrders)
    .where(
      and(
        eq(workOrders.status, '待派单'),
        inArray(workOrders.dispatchMode, ['round-robin', 'least-load']),
        projectIds ? inArray(workOrders.projectId, projectIds.length ? projectIds : [-1]) : undefined,
      ),
    )
    .orderBy(asc(workOrders.id))
    .limit(limit);
  let dispatched = 0;
  for (const p of pending) {
    const actor = { userId: null, companyId: p.companyId, source: 'rule' as const };
    const chosen = await writeTicket(
      services,
      null,
      p.ticketId,
      async (w) => {
        const wo = w.bundle.workOrders.find((o) => o.id === p.id);
        return wo ? tryAutoDispatch(w, wo) : null;
      },
      actor,
    );
    if (chosen !== null) dispatched += 1;
  }
  return dispatched;
}

import { and, asc, eq, exists, inArray } from 'drizzle-orm';
import { userProjects } from '../../platform/auth/schema';
import type { Services } from '../../platform/http/app-types';
import { yieldToEventLoop } from '../../platform/jobs/yield-to-event-loop';
import { writeTicket } from '../tickets/ticket-write';
import { workOrders } from '../workorders/schema';
import { tryAutoDispatch } from './auto-dispatch';
import { technicianStatus } from './schema';

type RetryServices = Pick<Services, 'database' | 'clock' | 'bus' | 'queue'>;

/**
 * Orders in 待派单 under an automatic mode wait for someone to come on duty or drop under the cap;
 * the minute sweep (and a technician going on duty) offers them again, oldest first. Only orders of a
 * project with someone on duty: automatic dispatch only ever picks a technician on duty, so when a
 * burst of calls has left hundreds of orders waiting with nobody there, the sweep skips them in its one
 * query instead of opening a write per order to find that out again every minute.
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
        exists(
          services.database.db
            .select({ one: technicianStatus.userId })
            .from(technicianStatus)
            .innerJoin(userProjects, eq(userProjects.userId, technicianStatus.userId))
            .where(and(eq(technicianStatus.onDuty, true), eq(userProjects.projectId, workOrders.projectId))),
        ),
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
    // One write per order: let requests in between (the embedded engine would not, see the helper).
    await yieldToEventLoop();
  }
  return dispatched;
}

import { OPEN_TICKET_STATUSES } from '@guanjia/shared';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { invalidate } from '../../platform/cache/caches';
import type { DbOrTx } from '../../platform/db/client';
import type { Services } from '../../platform/http/app-types';
import { yieldToEventLoop } from '../../platform/jobs/yield-to-event-loop';
import { tickets } from '../tickets/schema';
import { SLA_REAPPLY_JOB } from './reapply-job';
import { runSlaTimers } from './timers';

export interface ReapplyPayload {
  companyId: number;
  /** null: a company-wide policy, calendar or setting changed, so every project of the company. */
  projectId: number | null;
  /** Resume after this ticket id (each job runs one page, then enqueues the next). */
  afterId?: number;
}

export const REAPPLY_PAGE = 200;

type ReapplyServices = Pick<Services, 'database' | 'clock' | 'bus' | 'queue'>;

/**
 * A policy, calendar or SLA setting changed: the running clocks of the affected tickets are planned
 * again under the new rules (deadlines moved, warnings re-armed, a deadline now past announced), one
 * page of tickets per job so a large estate never holds a long job or a long transaction.
 */
export function enqueueReapply(
  services: Pick<Services, 'queue'>,
  tx: DbOrTx,
  companyId: number,
  projectId: number | null,
) {
  return services.queue.enqueue<ReapplyPayload>(SLA_REAPPLY_JOB, { companyId, projectId }, { tx });
}

export async function reapplyPage(services: ReapplyServices, payload: ReapplyPayload) {
  // The job can start before the changing request cleared the cached rules (it is enqueued in the
  // change's transaction, the cache is cleared after the commit): read them afresh.
  if (!payload.afterId) await invalidate(services, 'sla');
  const page = await services.database.db
    .select({ id: tickets.id })
    .from(tickets)
    .where(
      and(
        eq(tickets.companyId, payload.companyId),
        payload.projectId === null ? undefined : eq(tickets.projectId, payload.projectId),
        // Closed and cancelled tickets keep the targets they were held to.
        inArray(tickets.status, [...OPEN_TICKET_STATUSES]),
        gt(tickets.id, payload.afterId ?? 0),
      ),
    )
    .orderBy(asc(tickets.id))
    .limit(REAPPLY_PAGE);
  let announced = 0;
  for (const { id } of page) {
    announced += await runSlaTimers(services, id);
    // A page is hundreds of writes: requests go in between (the embedded engine would not let them).
    await yieldToEventLoop();
  }
  const last = page[page.length - 1];
  if (page.length === REAPPLY_PAGE && last)
    await services.queue.enqueue<ReapplyPayload>(SLA_REAPPLY_JOB, { ...payload, afterId: last.id });
  return { tickets: page.length, announced, more: page.length === REAPPLY_PAGE };
}

export function registerReapplyJob(services: ReapplyServices): void {
  services.queue.register<ReapplyPayload>(SLA_REAPPLY_JOB, ({ payload }) => reapplyPage(services, payload));
}

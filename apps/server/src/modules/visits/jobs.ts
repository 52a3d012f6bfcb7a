import { zonedDay } from '@guanjia/shared';
import type { BusMessage } from '../../platform/bus/bus';
import type { Services } from '../../platform/http/app-types';
import { tell } from '../complaints/tell';
import { projects } from '../org/schema';
import { publishAll } from '../tickets/ticket-write';
import { moveInSweep } from './move-in';
import { visitReport } from './plan-queries';

export const MOVE_IN_JOB = 'visits.moveIn';
export const QUOTA_JOB = 'visits.quota';

/**
 * Q85: before month end, each project head short of the month's visits is warned (once a day at most:
 * the key names the day). The report's own rule decides, so the warning and R08 never disagree.
 */
export async function warnQuota(services: Pick<Services, 'database' | 'clock' | 'bus'>): Promise<number> {
  const now = services.clock.now();
  const outbox: BusMessage[] = [];
  const all = await services.database.db.select().from(projects);
  let warned = 0;
  await services.database.db.transaction(async (tx) => {
    for (const p of all) {
      const today = zonedDay(now, p.timezone);
      const system = {
        userId: 0,
        companyId: p.companyId,
        username: 'system',
        displayName: 'system',
        locale: 'zh-CN',
        permissions: new Set<never>(),
        projectIds: [p.id],
        allProjects: false,
        sessionId: 0,
      };
      const r = await visitReport(tx, system, p.id, today.slice(0, 7), today);
      for (const h of r.quota.heads.filter((x) => x.warning)) {
        await tell({ tx, now, outbox }, [h.userId], {
          companyId: p.companyId,
          projectId: p.id,
          ticketId: null,
          kind: 'visit.quota',
          level: 1,
          title: '【走访指标提醒】',
          body: `${p.name} 本月您已走访 ${h.done} 户，月度要求 ${h.required} 户（Q85），请在月底前完成。`,
          dedupeKey: `visit-quota:${p.id}:${h.userId}:${today}`,
        });
        warned++;
      }
    }
  });
  await publishAll(services, outbox);
  return warned;
}

export function registerVisitJobs(services: Pick<Services, 'database' | 'clock' | 'queue' | 'bus'>): void {
  services.queue.register(MOVE_IN_JOB, async () => moveInSweep(services));
  services.queue.register(QUOTA_JOB, async () => ({ warned: await warnQuota(services) }));
  services.queue.schedule(MOVE_IN_JOB, '0 7 * * *');
  services.queue.schedule(QUOTA_JOB, '0 9 * * *');
}

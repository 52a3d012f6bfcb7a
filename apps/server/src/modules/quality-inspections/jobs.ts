import type { Services } from '../../platform/http/app-types';
import { materializePlans, PLAN_JOB } from './plans';

/** Recurring plans become today's inspections (every 15 minutes, so a plan made today still counts). */
export function registerQualityInspectionJobs(
  services: Pick<Services, 'database' | 'clock' | 'queue'>,
): void {
  services.queue.register(PLAN_JOB, async () => ({ created: await materializePlans(services) }));
  services.queue.schedule(PLAN_JOB, '*/15 * * * *');
}

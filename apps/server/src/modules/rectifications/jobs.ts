import type { Services } from '../../platform/http/app-types';
import { escalateOverdue, RECTIFICATION_OVERDUE_JOB } from './escalate-overdue';

/** The overdue sweep, every 5 minutes: an item escalates within minutes of its deadline. */
export function registerRectificationJobs(
  services: Pick<Services, 'database' | 'clock' | 'queue' | 'bus'>,
): void {
  services.queue.register(RECTIFICATION_OVERDUE_JOB, async () => ({
    escalated: await escalateOverdue(services),
  }));
  services.queue.schedule(RECTIFICATION_OVERDUE_JOB, '*/5 * * * *');
}

import type { Services } from '../../platform/http/app-types';
import { generateInspections } from './inspections';

export const DECORATION_INSPECTION_JOB = 'decoration.dailyInspections';

/** Hourly, so a site that becomes active during the day gets its task the same day; one row a day. */
export function registerDecorationJobs(services: Pick<Services, 'database' | 'clock' | 'queue'>): void {
  services.queue.register(DECORATION_INSPECTION_JOB, async () => ({
    made: await generateInspections(services),
  }));
  services.queue.schedule(DECORATION_INSPECTION_JOB, '5 * * * *', {});
}

import { readTimeZone } from '../../platform/clock/time-zone';
import type { Services } from '../../platform/http/app-types';
import { sendDigests } from './digest';
import { refreshAnalyticsRollup } from './rollup';

export const ROLLUP_JOB = 'analytics.rollup';
export const DIGEST_JOB = 'analytics.digest';

/** Nightly rollup of the daily counts (after the SLA report's at 03:20); the hourly digest sweep. */
export function registerAnalyticsJobs(
  services: Pick<Services, 'database' | 'queue' | 'clock' | 'bus'>,
): void {
  services.queue.register(ROLLUP_JOB, async ({ now }) => ({ days: await refreshAllRollups(services, now) }));
  services.queue.schedule(ROLLUP_JOB, '40 3 * * *');
  // Hourly, because "08:00 in the project's zone" is a different instant per zone.
  services.queue.register(DIGEST_JOB, async ({ now }) => ({ sent: await sendDigests(services, now) }));
  services.queue.schedule(DIGEST_JOB, '0 * * * *');
}

export async function refreshAllRollups(services: Pick<Services, 'database'>, now: Date): Promise<number> {
  const projects = await services.database.query<{ id: string | number; timezone: string }>(
    'select id, timezone from projects order by id',
  );
  let days = 0;
  for (const p of projects)
    days += await refreshAnalyticsRollup(
      services.database,
      Number(p.id),
      readTimeZone(p.timezone, 'projects.timezone'),
      now,
    );
  return days;
}

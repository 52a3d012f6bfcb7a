import { readTimeZone } from '../../platform/clock/time-zone';
import type { Services } from '../../platform/http/app-types';
import { refreshProjectRollups } from './rollup';

/** Nightly: roll up the days that settled since, and any a late write touched, for every project. */
export function registerReportJobs(services: Pick<Services, 'database' | 'queue' | 'clock'>): void {
  services.queue.register('reports.rollup', async ({ now }) => {
    const projects = await services.database.query<{ id: string | number; timezone: string }>(
      'select id, timezone from projects order by id',
    );
    let days = 0;
    // Raw SQL skips the column's reader: a bad zone must not stop every other project's rollup.
    for (const p of projects)
      days += await refreshProjectRollups(
        services.database,
        Number(p.id),
        readTimeZone(p.timezone, 'projects.timezone'),
        now,
      );
    return { days };
  });
  services.queue.schedule('reports.rollup', '20 3 * * *');
}

import { eq } from 'drizzle-orm';
import { refreshAllRollups } from '../modules/analytics/jobs';
import { PROJECT_REGION } from '../modules/analytics/settings';
import { projects } from '../modules/org/schema';
import type { Services } from '../platform/http/app-types';
import { settings } from '../platform/settings/schema';
import type { Bootstrap } from './bootstrap';

/** Demo regions for the health league (alternating 华东/华南), and every settled day rolled up at once. */
export async function seedDemoAnalytics(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  const all = await db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.companyId, boot.companyId))
    .orderBy(projects.id);
  if (all.length)
    await db
      .insert(settings)
      .values(
        all.map((p, i) => ({
          scope: 'project' as const,
          scopeId: p.id,
          key: PROJECT_REGION.key,
          value: i % 2 ? '华南区域' : '华东区域',
        })),
      )
      .onConflictDoNothing();
  const days = await refreshAllRollups(services, services.clock.now());
  return `${all.length} project regions, ${days} days rolled up`;
}

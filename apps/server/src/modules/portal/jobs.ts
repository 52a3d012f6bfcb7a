import { lt } from 'drizzle-orm';
import type { Services } from '../../platform/http/app-types';
import { portalCodes, portalSessions } from './schema';

/** Expired portal sessions and day-old login codes are worthless; sweep them nightly (03:20 Asia/Shanghai). */
export function registerPortalJobs(services: Pick<Services, 'database' | 'queue'>): void {
  services.queue.register('portal.cleanup', async ({ now }) => {
    const { db } = services.database;
    await db.delete(portalSessions).where(lt(portalSessions.expiresAt, now));
    await db.delete(portalCodes).where(lt(portalCodes.createdAt, new Date(now.getTime() - 86_400_000)));
    return { ok: true };
  });
  services.queue.schedule('portal.cleanup', '20 3 * * *');
}

import { cacheOf } from '../../platform/cache/caches';
import type { Database, DbOrTx } from '../../platform/db/client';
import { loadSlaContext, type SlaContext } from './context';

/**
 * The project's SLA context (settings, policies, calendars) from the process cache: five queries that
 * every ticket write and detail read would repeat. Settings, policy, calendar and project writes clear
 * it (invalidate 'sla'). `db` is the caller's handle, used on a miss: inside a transaction it must be
 * that transaction (the embedded engine has one connection). Treat the result as read-only.
 */
export function slaContextFor(
  database: Database,
  db: DbOrTx,
  companyId: number,
  projectId: number,
): Promise<SlaContext> {
  return cacheOf<SlaContext>(database, 'sla').get(`${companyId}:${projectId}`, () =>
    loadSlaContext(db, companyId, projectId),
  );
}

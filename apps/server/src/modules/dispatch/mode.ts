import type { DispatchMode } from '@guanjia/shared';
import { eq } from 'drizzle-orm';
import { cacheOf } from '../../platform/cache/caches';
import type { Database, DbOrTx } from '../../platform/db/client';
import { dispatchRules } from './schema';

type RuleRow = typeof dispatchRules.$inferSelect;

/** The company's dispatch rules from the process cache; PUT /api/dispatch-rules clears it. */
function rulesOf(database: Database, db: DbOrTx, companyId: number): Promise<RuleRow[]> {
  return cacheOf<RuleRow[]>(database, 'dispatch-rules').get(String(companyId), () =>
    db.select().from(dispatchRules).where(eq(dispatchRules.companyId, companyId)),
  );
}

/**
 * The dispatch mode for a job: the most specific rule by (project given, deepest category on the
 * path), else the project's dispatch.defaultMode setting.
 */
export async function dispatchModeFor(
  database: Database,
  db: DbOrTx,
  companyId: number,
  projectId: number,
  categoryPath: readonly number[],
  fallback: DispatchMode,
): Promise<DispatchMode> {
  const rules = await rulesOf(database, db, companyId);
  let best: { score: number; mode: DispatchMode } | null = null;
  for (const r of rules) {
    if (r.projectId !== null && r.projectId !== projectId) continue;
    const depth = r.categoryId === null ? 0 : categoryPath.indexOf(r.categoryId) + 1;
    if (r.categoryId !== null && depth === 0) continue;
    const score = (r.projectId === null ? 0 : 10) + depth;
    if (!best || score > best.score) best = { score, mode: r.mode };
  }
  return best?.mode ?? fallback;
}

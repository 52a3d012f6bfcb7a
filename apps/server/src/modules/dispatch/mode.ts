import type { DispatchMode } from '@guanjia/shared';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { dispatchRules } from './schema';

/**
 * The dispatch mode for a job: the most specific rule by (project given, deepest category on the
 * path), else the project's dispatch.defaultMode setting.
 */
export async function dispatchModeFor(
  db: DbOrTx,
  companyId: number,
  projectId: number,
  categoryPath: readonly number[],
  fallback: DispatchMode,
): Promise<DispatchMode> {
  const rules = await db
    .select()
    .from(dispatchRules)
    .where(and(eq(dispatchRules.companyId, companyId)));
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

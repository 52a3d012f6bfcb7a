import { eq } from 'drizzle-orm';
import { cacheOf } from '../../platform/cache/caches';
import type { Database, DbOrTx } from '../../platform/db/client';
import { ticketCategories } from './schema';

export type CategoryRow = typeof ticketCategories.$inferSelect;

/** A company's whole category tree (a few hundred rows), by id. Read-only: it is shared. */
export interface CategoryTree {
  byId: ReadonlyMap<number, CategoryRow>;
}

async function loadTree(db: DbOrTx, companyId: number): Promise<CategoryTree> {
  const rows = await db.select().from(ticketCategories).where(eq(ticketCategories.companyId, companyId));
  return { byId: new Map(rows.map((r) => [r.id, r])) };
}

/**
 * The tree from the process cache, which category writes clear (invalidate 'categories'). An id the
 * cached tree does not know forces one fresh read, so a category created on another node (or by the
 * first-use seeding) is usable at once. `db` is used on a miss: inside a transaction, pass it.
 */
export async function categoryTreeFor(
  database: Database,
  db: DbOrTx,
  companyId: number,
  needId?: number | null,
): Promise<CategoryTree> {
  const cache = cacheOf<CategoryTree>(database, 'categories');
  const key = String(companyId);
  const tree = await cache.get(key, () => loadTree(db, companyId));
  if (!needId || tree.byId.has(needId)) return tree;
  cache.clear();
  return cache.get(key, () => loadTree(db, companyId));
}

/** The skill of a category, inherited from the nearest ancestor that names one. */
export function skillOf(tree: CategoryTree, row: CategoryRow): string | null {
  for (const id of [...row.pathIds].reverse()) {
    const skill = tree.byId.get(id)?.skill;
    if (skill) return skill;
  }
  return row.skill ?? null;
}

export const pathOf = (tree: CategoryTree, categoryId: number | null): number[] =>
  categoryId ? [...(tree.byId.get(categoryId)?.pathIds ?? [])] : [];

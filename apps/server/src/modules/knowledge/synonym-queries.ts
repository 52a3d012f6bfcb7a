import { asc, eq } from 'drizzle-orm';
import { cacheOf } from '../../platform/cache/caches';
import type { Database, DbOrTx } from '../../platform/db/client';
import { kbSynonymGroups } from './schema';

type Row = typeof kbSynonymGroups.$inferSelect;

export const presentSynonymGroup = (r: Row) => ({
  id: r.id,
  terms: r.terms,
  updatedAt: r.updatedAt.toISOString(),
  version: r.version,
});

export async function listSynonymGroups(db: DbOrTx, companyId: number) {
  const rows = await db
    .select()
    .from(kbSynonymGroups)
    .where(eq(kbSynonymGroups.companyId, companyId))
    .orderBy(asc(kbSynonymGroups.id));
  return { items: rows.map(presentSynonymGroup) };
}

/**
 * The company's groups as search reads them on every query: cached (topic kb-synonyms, cleared by the
 * synonym commands), since they change a few times a year and a search should not pay a read for them.
 */
export async function synonymGroupsOf(database: Database, companyId: number): Promise<string[][]> {
  return cacheOf<string[][]>(database, 'kb-synonyms').get(String(companyId), async () => {
    const rows = await database.db
      .select({ terms: kbSynonymGroups.terms })
      .from(kbSynonymGroups)
      .where(eq(kbSynonymGroups.companyId, companyId))
      .orderBy(asc(kbSynonymGroups.id));
    return rows.map((r) => r.terms);
  });
}

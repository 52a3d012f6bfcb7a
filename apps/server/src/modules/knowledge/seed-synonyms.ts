import { count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { normalizeTerms, STANDARD_SYNONYMS } from './rules/synonyms';
import { kbSynonymGroups } from './schema';

/** The standard synonym groups, once per company (a company with groups is left alone). */
export async function seedStandardSynonyms(db: DbOrTx, companyId: number, now: Date): Promise<number> {
  const [existing] = await db
    .select({ n: count() })
    .from(kbSynonymGroups)
    .where(eq(kbSynonymGroups.companyId, companyId));
  if ((existing?.n ?? 0) > 0) return 0;
  const rows = await db
    .insert(kbSynonymGroups)
    .values(
      STANDARD_SYNONYMS.map((terms) => ({
        companyId,
        terms: normalizeTerms(terms),
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning({ id: kbSynonymGroups.id });
  return rows.length;
}

import { and, asc, count, eq, isNull, or, sql } from 'drizzle-orm';
import type { Database, Db, DbOrTx } from '../../platform/db/client';
import { badRequest } from '../../platform/http/errors';
import { CATEGORY_SEED } from './category-seed';
import { type CategoryRow, categoryTreeFor, skillOf } from './category-tree';
import { ticketCategories } from './schema';

export type { CategoryRow };

/**
 * Seed the company's tree on first use (companies created before this module, or by bootstrap).
 * Idempotent: the unique index makes a concurrent second seeding insert nothing.
 */
export async function ensureCategoryTree(db: Db, companyId: number): Promise<void> {
  const [row] = await db
    .select({ n: count() })
    .from(ticketCategories)
    .where(eq(ticketCategories.companyId, companyId));
  if ((row?.n ?? 0) > 0) return;
  await db.transaction(async (tx) => {
    let order = 0;
    for (const [place, categories] of CATEGORY_SEED) {
      const root = await insertNode(tx, companyId, null, place, null, null, order++);
      for (const [name, skill, problems] of categories) {
        const mid = await insertNode(tx, companyId, root, name, skill, null, order++);
        if (!mid) continue;
        await tx
          .insert(ticketCategories)
          .values(
            problems.map((p, i) => {
              const [problem, priority] = Array.isArray(p) ? p : [p, null];
              return {
                companyId,
                parentId: mid.id,
                level: 3,
                name: problem,
                pathIds: mid.pathIds,
                pathNames: `${mid.pathNames}/${problem}`,
                defaultPriority: priority,
                sortOrder: i,
              };
            }),
          )
          .onConflictDoNothing();
      }
    }
    // path_ids of leaves need their own id appended; one statement instead of one per row.
    await tx.execute(
      sql`update ticket_categories set path_ids = path_ids || id where company_id = ${companyId} and level = 3 and not (id = any(path_ids))`,
    );
  });
}

async function insertNode(
  tx: DbOrTx,
  companyId: number,
  parent: CategoryRow | null,
  name: string,
  skill: string | null,
  projectId: number | null,
  sortOrder: number,
): Promise<CategoryRow | null> {
  const [row] = await tx
    .insert(ticketCategories)
    .values({
      companyId,
      projectId,
      parentId: parent?.id ?? null,
      level: parent ? parent.level + 1 : 1,
      name,
      pathIds: parent?.pathIds ?? [],
      pathNames: parent ? `${parent.pathNames}/${name}` : name,
      skill,
      sortOrder,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  const pathIds = [...row.pathIds, row.id];
  await tx.update(ticketCategories).set({ pathIds }).where(eq(ticketCategories.id, row.id));
  return { ...row, pathIds };
}

/** Company rows plus the project's own rows (when a project is given), tree order. */
export async function listCategories(db: DbOrTx, companyId: number, projectIds: readonly number[]) {
  return db
    .select()
    .from(ticketCategories)
    .where(
      and(
        eq(ticketCategories.companyId, companyId),
        or(isNull(ticketCategories.projectId), ...projectIds.map((p) => eq(ticketCategories.projectId, p))),
      ),
    )
    .orderBy(asc(ticketCategories.level), asc(ticketCategories.sortOrder), asc(ticketCategories.id));
}

/** The category a ticket of this project may use, with the skill inherited from its ancestors. */
export async function usableCategory(
  database: Database,
  db: DbOrTx,
  companyId: number,
  projectId: number,
  id: number,
) {
  const tree = await categoryTreeFor(database, db, companyId, id);
  const row = tree.byId.get(id);
  if (!row || (row.projectId !== null && row.projectId !== projectId) || !row.active) {
    throw badRequest('Unknown or inactive category for this project', { categoryId: id });
  }
  return { row, skill: skillOf(tree, row) };
}

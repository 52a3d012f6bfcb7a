import type { Database, DbOrTx } from '../../platform/db/client';
import { getSetting } from '../../platform/settings/get-setting';
import { ensureCategoryTree } from '../tickets/categories';
import { categoryTreeFor } from '../tickets/category-tree';
import { activeModel, companyPhrases } from './model-store';
import { suggest } from './rules/classifier';
import { segmenter } from './segmenter';
import { TRIAGE_URGENT_CATEGORY_PERCENT } from './settings';
import type { TriageResult } from './types';

/**
 * Classify a resident's text for one project: the company's active model, its urgent phrases and
 * the project's tree (a path the project's tree lacks keeps its name with a null id, so the agent
 * still reads the suggestion). Read-only; a few milliseconds.
 */
export async function suggestForProject(
  database: Database,
  db: DbOrTx,
  companyId: number,
  projectId: number,
  text: string,
): Promise<TriageResult> {
  let tree = await categoryTreeFor(database, db, companyId);
  if (!tree.byId.size) {
    await ensureCategoryTree(database.db, companyId);
    tree = await categoryTreeFor(database, db, companyId, -1);
  }
  const [{ id, version, model }, phrases, percent] = await Promise.all([
    activeModel(db, companyId),
    companyPhrases(db, companyId),
    getSetting(db, TRIAGE_URGENT_CATEGORY_PERCENT, { companyId, projectId }),
  ]);
  const byPath = new Map<string, number>();
  const urgentPaths = new Set<string>();
  for (const row of tree.byId.values()) {
    if (row.level !== 3 || !row.active || (row.projectId !== null && row.projectId !== projectId)) continue;
    // A project's own row of the same path wins over the company's.
    if (!byPath.has(row.pathNames) || row.projectId !== null) byPath.set(row.pathNames, row.id);
    if (row.defaultPriority === '急') urgentPaths.add(row.pathNames);
  }
  const { segment, engine } = segmenter();
  const s = suggest(model, text, segment, { phrases, urgentPaths, urgentCategoryConfidence: percent / 100 });
  return {
    type: s.type,
    urgency: s.urgency,
    confidentUrgent: s.confidentUrgent,
    categories: s.categories.map((c) => ({ id: byPath.get(c.path) ?? null, ...c })),
    reasons: s.reasons,
    highlights: s.highlights,
    modelId: id,
    modelVersion: version,
    engine,
  };
}

import { eq } from 'drizzle-orm';
import { badRequest } from '../../platform/http/errors';
import { units } from '../org/schema';
import { residents } from '../residents/schema';
import { usableCategory } from './categories';
import { categoryTreeFor } from './category-tree';
import type { EditableValues, EditRequest } from './rules/ticket-edit';
import type { TicketWrite } from './ticket-write';

/**
 * What an edited ticket points at, checked like the intake checks it (intake-together.ts
 * referenceProblem, categories.ts usableCategory): a new unit or resident must belong to the ticket's
 * project, a new category must be usable there (400 otherwise). Also the names the edit needs: the
 * unit's label for the search text, the resident's name as the contact, the category paths for the
 * timeline.
 */
export async function editReferences(w: TicketWrite, changes: EditRequest, next: EditableValues) {
  const t = w.bundle.ticket;
  const { database } = w.ctx;
  const [unit] = next.unitId
    ? await w.tx
        .select({ projectId: units.projectId, label: units.label })
        .from(units)
        .where(eq(units.id, next.unitId))
    : [];
  if (changes.unitId && unit?.projectId !== t.projectId)
    throw badRequest('Unit not in this project', { unitId: changes.unitId });
  const [resident] = changes.residentId
    ? await w.tx
        .select({ projectId: residents.projectId, name: residents.name })
        .from(residents)
        .where(eq(residents.id, changes.residentId))
    : [];
  if (changes.residentId && resident?.projectId !== t.projectId)
    throw badRequest('Resident not in this project', { residentId: changes.residentId });
  const category = changes.categoryId
    ? await usableCategory(database, w.tx, t.companyId, t.projectId, changes.categoryId)
    : null;
  const tree = t.categoryId ? await categoryTreeFor(database, w.tx, t.companyId, t.categoryId) : null;
  return {
    unitLabel: unit?.label ?? null,
    residentName: resident?.name ?? null,
    /** The new category (null when cleared or unchanged). */
    category: category?.row ?? null,
    categoryPathBefore: t.categoryId ? (tree?.byId.get(t.categoryId)?.pathNames ?? null) : null,
  };
}

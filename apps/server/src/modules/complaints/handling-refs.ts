import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { badRequest } from '../../platform/http/errors';
import { staffOfProject } from './department-queries';
import { departments } from './schema';

/** The department (active, of the ticket's project) and the person (staff of it) named; 400 otherwise. */
export async function checkHandlingRefs(
  tx: DbOrTx,
  companyId: number,
  projectId: number,
  refs: { departmentId?: number | null; assigneeId?: number | null },
): Promise<{ departmentName: string | null }> {
  let departmentName: string | null = null;
  if (refs.departmentId) {
    const [d] = await tx
      .select({ name: departments.name })
      .from(departments)
      .where(
        and(
          eq(departments.id, refs.departmentId),
          eq(departments.projectId, projectId),
          eq(departments.active, true),
        ),
      );
    if (!d) throw badRequest('Department not in this project', { field: 'departmentId' });
    departmentName = d.name;
  }
  if (refs.assigneeId) {
    const ok = await staffOfProject(tx, companyId, projectId, [refs.assigneeId]);
    if (!ok.has(refs.assigneeId)) throw badRequest('Not staff of this project', { field: 'assigneeId' });
  }
  return { departmentName };
}

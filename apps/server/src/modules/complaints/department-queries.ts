import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { badRequest, notFound } from '../../platform/http/errors';
import { scopeIds } from '../org/queries';
import { type DepartmentRow, departmentMembers, departments } from './schema';

const iso = (d: Date) => d.toISOString();

/** Departments with their members' ids and names, in the order the settings page keeps. */
export async function listDepartments(
  db: DbOrTx,
  auth: AuthContext,
  q: { projectId?: number; all?: 'true' | 'false' },
) {
  const scope = q.projectId ? scopeIds(auth).filter((id) => id === q.projectId) : scopeIds(auth);
  const rows = await db
    .select()
    .from(departments)
    .where(
      and(
        inArray(departments.projectId, scope.length ? scope : [-1]),
        q.all === 'true' ? undefined : eq(departments.active, true),
      ),
    )
    .orderBy(asc(departments.projectId), asc(departments.sortOrder), asc(departments.id));
  return withMembers(db, rows);
}

export async function withMembers(db: DbOrTx, rows: DepartmentRow[]) {
  const ids = rows.map((r) => r.id);
  const members = ids.length
    ? await db
        .select({ departmentId: departmentMembers.departmentId, id: users.id, name: users.displayName })
        .from(departmentMembers)
        .innerJoin(users, eq(users.id, departmentMembers.userId))
        .where(inArray(departmentMembers.departmentId, ids))
        .orderBy(asc(users.id))
    : [];
  return rows.map((r) => {
    const mine = members.filter((m) => m.departmentId === r.id).map((m) => ({ id: m.id, name: m.name }));
    return {
      id: r.id,
      projectId: r.projectId,
      name: r.name,
      active: r.active,
      sortOrder: r.sortOrder,
      leaderId: r.leaderId,
      memberIds: mine.map((m) => m.id),
      members: mine,
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
      version: r.version,
    };
  });
}

/** A department the caller may see (404 otherwise, as for a missing one). */
export async function departmentInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false) {
  const query = db.select().from(departments).where(eq(departments.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Department');
  assertInScope(auth, row.projectId, 'Department');
  return row;
}

/** Active staff of the company who work in the project (or in every project). */
export async function staffOfProject(
  db: DbOrTx,
  companyId: number,
  projectId: number,
  ids: readonly number[],
): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.companyId, companyId),
        eq(users.active, true),
        inArray(users.id, [...ids]),
        sql`(${users.allProjects} or exists (select 1 from user_projects up where up.user_id = ${users.id} and up.project_id = ${projectId}))`,
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** 400 naming the ids that are not staff of the project. */
export async function assertStaffOfProject(
  db: DbOrTx,
  companyId: number,
  projectId: number,
  ids: readonly number[],
  field: string,
): Promise<void> {
  const ok = await staffOfProject(db, companyId, projectId, ids);
  const bad = ids.filter((id) => !ok.has(id));
  if (bad.length) throw badRequest('Not staff of this project', { field, ids: bad });
}

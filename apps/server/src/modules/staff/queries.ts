import { maskPhone } from '@guanjia/shared';
import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type AuthContext, can } from '../../platform/auth/context';
import { roles, userProjects, userRoles, users } from '../../platform/auth/schema';
import type { Db, DbOrTx } from '../../platform/db/client';
import { offsetOf } from '../../platform/http/pagination';
import { escapeLike, scopeIds } from '../org/queries';
import type { staffListQuery } from './inputs';

/**
 * Staff a caller may see: company-wide callers see everyone in the company; scoped callers see staff
 * who work in one of their projects (company-wide administrators stay hidden from them).
 */
export function staffVisibility(auth: AuthContext): SQL | undefined {
  if (auth.allProjects) return eq(users.companyId, auth.companyId);
  return and(
    eq(users.companyId, auth.companyId),
    inArray(
      users.id,
      sql`(select ${userProjects.userId} from ${userProjects} where ${userProjects.projectId} = any(${sql.param(scopeIds(auth))}::bigint[]))`,
    ),
  );
}

export async function listStaff(db: Db, auth: AuthContext, q: z.infer<typeof staffListQuery>) {
  const where = and(
    staffVisibility(auth),
    q.q
      ? or(ilike(users.displayName, `%${escapeLike(q.q)}%`), ilike(users.username, `%${escapeLike(q.q)}%`))
      : undefined,
    q.roleId
      ? inArray(
          users.id,
          sql`(select ${userRoles.userId} from ${userRoles} where ${userRoles.roleId} = ${q.roleId})`,
        )
      : undefined,
    q.projectId
      ? inArray(
          users.id,
          sql`(select ${userProjects.userId} from ${userProjects} where ${userProjects.projectId} = ${q.projectId})`,
        )
      : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db.select().from(users).where(where).orderBy(asc(users.id)).limit(q.pageSize).offset(offsetOf(q)),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { items: await withGrants(db, rows), total: total?.n ?? 0 };
}

export async function withGrants(db: DbOrTx, rows: (typeof users.$inferSelect)[]) {
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const [roleRows, projectRows] = await Promise.all([
    db
      .select({ userId: userRoles.userId, id: roles.id, name: roles.name, code: roles.code })
      .from(userRoles)
      .innerJoin(roles, eq(roles.id, userRoles.roleId))
      .where(inArray(userRoles.userId, ids)),
    db.select().from(userProjects).where(inArray(userProjects.userId, ids)),
  ]);
  return rows.map((u) => ({
    ...u,
    roles: roleRows.filter((r) => r.userId === u.id).map(({ userId: _u, ...r }) => r),
    projectIds: projectRows.filter((p) => p.userId === u.id).map((p) => p.projectId),
  }));
}

export function presentStaff(auth: AuthContext, u: Awaited<ReturnType<typeof withGrants>>[number]) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    phone: u.phone ? (can(auth, 'pii.view') ? u.phone : maskPhone(u.phone)) : null,
    email: u.email,
    department: u.department,
    skills: u.skills,
    roles: u.roles,
    projectIds: u.projectIds,
    allProjects: u.allProjects,
    active: u.active,
    locale: u.locale,
    lockedUntil: u.lockedUntil?.toISOString() ?? null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    version: u.version,
  };
}

import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type AuthContext, can } from '../auth/context';
import { userProjects, users } from '../auth/schema';
import { events } from './schema';

/**
 * The events a caller may read: each is scoped like the entity it describes.
 *
 * - An event of a project: callers with that project in their scope.
 * - A company-level event (no project) about a staff member (entity 'user': created, updated, logins,
 *   presence, channels): company-wide callers, and callers with staff.read whose scope covers every
 *   project of that staff member. Staff of several projects, company-wide staff and staff of no
 *   project belong to more than the caller's estate, so only company-wide callers read their history.
 * - Any other company-level event (roles, company settings, the company itself): company-wide callers.
 *
 * Membership is read as it is now: moving a staff member into the caller's projects shows their past.
 */
export function eventVisibility(auth: AuthContext): SQL | undefined {
  const ofCompany = eq(events.companyId, auth.companyId);
  if (auth.allProjects) return ofCompany;
  const scope = auth.projectIds.length ? [...auth.projectIds] : [-1];
  const staffInScope = sql`(select ${users.id}::text from ${users}
    where ${users.companyId} = ${auth.companyId} and not ${users.allProjects}
      and exists (select 1 from ${userProjects} where ${userProjects.userId} = ${users.id})
      and not exists (select 1 from ${userProjects} where ${userProjects.userId} = ${users.id}
        and not (${userProjects.projectId} = any(${sql.param(scope)}::bigint[]))))`;
  return and(
    ofCompany,
    or(
      inArray(events.projectId, scope),
      can(auth, 'staff.read')
        ? and(isNull(events.projectId), eq(events.entityType, 'user'), inArray(events.entityId, staffInScope))
        : undefined,
    ),
  );
}

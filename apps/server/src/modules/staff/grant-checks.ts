import { and, eq, inArray } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import { roles } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import { AppError, badRequest, notFound } from '../../platform/http/errors';

/**
 * No privilege escalation through staff management: a caller grants only roles whose permissions it
 * holds itself, only projects inside its own scope, and all-projects only if it has it.
 */
export async function assertMayGrant(
  tx: DbOrTx,
  auth: AuthContext,
  grant: { roleIds?: number[]; projectIds?: number[]; allProjects?: boolean },
): Promise<void> {
  if (grant.allProjects && !auth.allProjects)
    throw new AppError(403, 'forbidden', 'Only company-wide staff can grant all projects');
  const outside = (grant.projectIds ?? []).filter((id) => !auth.projectIds.includes(id));
  // Same answer as for a project that does not exist: the scope is not disclosed.
  if (outside.length) throw notFound('Project', { projectIds: outside });
  if (!grant.roleIds?.length) return;
  const rows = await tx
    .select()
    .from(roles)
    .where(and(inArray(roles.id, grant.roleIds), eq(roles.companyId, auth.companyId)));
  const missing = grant.roleIds.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) throw badRequest('Unknown roles', { roleIds: missing });
  const beyond = rows.flatMap((r) => r.permissions).filter((p) => !auth.permissions.has(p as never));
  if (beyond.length)
    throw new AppError(403, 'forbidden', 'You cannot grant permissions you do not hold', {
      permissions: [...new Set(beyond)],
    });
}

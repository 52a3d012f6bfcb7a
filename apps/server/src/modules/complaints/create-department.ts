import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import type { CreateDepartmentBody } from './department.types';
import { assertStaffOfProject } from './department-queries';
import { departmentMembers, departments } from './schema';

/** A department of a project (工程部, 秩序部 …) with its members; a name is unique in the project (409). */
export async function createDepartment(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  body: CreateDepartmentBody,
) {
  assertInScope(auth, body.projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const people = [...new Set([...body.memberIds, ...(body.leaderId ? [body.leaderId] : [])])];
    await assertStaffOfProject(tx, auth.companyId, body.projectId, people, 'memberIds');
    const [row] = await tx
      .insert(departments)
      .values({
        companyId: auth.companyId,
        projectId: body.projectId,
        name: body.name,
        leaderId: body.leaderId ?? null,
        sortOrder: body.sortOrder,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    const memberIds = [...new Set(body.memberIds)];
    if (memberIds.length)
      await tx
        .insert(departmentMembers)
        .values(memberIds.map((userId) => ({ departmentId: row.id, userId })));
    await recordEvent(tx, userActor(auth), now, {
      action: 'department.created',
      entityType: 'department',
      entityId: row.id,
      projectId: row.projectId,
      after: { name: row.name, leaderId: row.leaderId, memberIds },
    });
    return row;
  });
}

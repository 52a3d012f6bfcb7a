import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { diff, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import type { EditDepartmentBody } from './department.types';
import { assertStaffOfProject, departmentInScope } from './department-queries';
import { departmentMembers, departments } from './schema';

/** Rename, reorder, switch off, or replace the members of a department (versioned, one event). */
export async function editDepartment(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  id: number,
  body: EditDepartmentBody,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const d = checkVersion(await departmentInScope(tx, auth, id, true), body.version, 'Department');
    const { version: _v, memberIds, ...rest } = body;
    const fields = definedOnly(rest);
    const people = [...new Set([...(memberIds ?? []), ...(fields.leaderId ? [fields.leaderId] : [])])];
    await assertStaffOfProject(tx, auth.companyId, d.projectId, people, 'memberIds');
    const [row] = await tx
      .update(departments)
      .set({ ...fields, version: d.version + 1, updatedAt: now })
      .where(eq(departments.id, d.id))
      .returning();
    if (!row) throw new Error('department vanished inside its transaction');
    let members: { before: number[]; after: number[] } | null = null;
    if (memberIds) {
      const old = await tx
        .delete(departmentMembers)
        .where(eq(departmentMembers.departmentId, d.id))
        .returning({ userId: departmentMembers.userId });
      const next = [...new Set(memberIds)];
      if (next.length)
        await tx.insert(departmentMembers).values(next.map((userId) => ({ departmentId: d.id, userId })));
      members = { before: old.map((m) => m.userId).sort((a, b) => a - b), after: next };
    }
    const changed = diff(d as Record<string, unknown>, fields as Record<string, unknown>);
    await recordEvent(tx, userActor(auth), now, {
      action: 'department.updated',
      entityType: 'department',
      entityId: d.id,
      projectId: d.projectId,
      before: { ...(changed?.before ?? {}), ...(members ? { memberIds: members.before } : {}) },
      after: { ...(changed?.after ?? {}), ...(members ? { memberIds: members.after } : {}) },
    });
    return row;
  });
}

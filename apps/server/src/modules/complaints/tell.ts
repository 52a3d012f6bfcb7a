import type { NotificationKind } from '@guanjia/shared';
import { and, eq } from 'drizzle-orm';
import type { BusMessage } from '../../platform/bus/bus';
import type { DbOrTx } from '../../platform/db/client';
import { notify, usersWithRoles } from '../notifications/notify';
import { departmentMembers, departments } from './schema';

interface Where {
  tx: DbOrTx;
  now: Date;
  outbox: BusMessage[];
}

export interface Message {
  companyId: number;
  projectId: number;
  ticketId: number | null;
  kind: NotificationKind;
  title: string;
  body: string;
  level?: number;
  /** Per recipient, so a repeated run never tells anyone twice. */
  dedupeKey: string;
}

/** In-app notifications to these people (each once per dedupeKey). */
export async function tell(w: Where, userIds: Iterable<number | null | undefined>, m: Message) {
  const ids = [...new Set([...userIds].filter((x): x is number => typeof x === 'number' && x > 0))];
  await notify(
    w,
    ids.map((userId) => ({
      companyId: m.companyId,
      userId,
      projectId: m.projectId,
      kind: m.kind,
      level: m.level ?? 0,
      title: m.title,
      body: m.body,
      ticketId: m.ticketId,
      dedupeKey: m.dedupeKey,
    })),
  );
  return ids;
}

/** Holders of these role codes in the project. */
export async function roleHolders(
  tx: DbOrTx,
  companyId: number,
  projectId: number,
  roles: readonly string[],
) {
  return (await usersWithRoles(tx, companyId, projectId, roles)).map((h) => h.userId);
}

/**
 * Who answers for a ticket: its assignee; with only a department, the department's leader, or its
 * members where it has no leader.
 */
export async function responsiblePeople(
  tx: DbOrTx,
  t: { assigneeId: number | null; departmentId: number | null },
): Promise<number[]> {
  if (t.assigneeId) return [t.assigneeId];
  if (!t.departmentId) return [];
  const [d] = await tx
    .select({ leaderId: departments.leaderId })
    .from(departments)
    .where(eq(departments.id, t.departmentId));
  if (d?.leaderId) return [d.leaderId];
  const members = await tx
    .select({ userId: departmentMembers.userId })
    .from(departmentMembers)
    .where(and(eq(departmentMembers.departmentId, t.departmentId)));
  return members.map((m) => m.userId);
}

import type { NotificationKind } from '@guanjia/shared';
import { eq } from 'drizzle-orm';
import type { BusMessage } from '../../platform/bus/bus';
import type { DbOrTx } from '../../platform/db/client';
import { departments } from '../complaints/schema';
import { notify, usersWithRoles } from '../notifications/notify';
import type { RectificationRow } from './schema';

/** The department's head (部门负责人), who answers for an item given to the department. */
export async function departmentLeader(tx: DbOrTx, departmentId: number | null): Promise<number | null> {
  if (!departmentId) return null;
  const [d] = await tx
    .select({ leaderId: departments.leaderId })
    .from(departments)
    .where(eq(departments.id, departmentId));
  return d?.leaderId ?? null;
}

/** In-app notifications about one item, once per recipient and key. */
export async function notifyAbout(
  w: { tx: DbOrTx; now: Date; outbox: BusMessage[] },
  row: RectificationRow,
  userIds: readonly (number | null | undefined)[],
  kind: NotificationKind,
  title: string,
  body: string,
): Promise<number[]> {
  const to = [...new Set(userIds.filter((u): u is number => !!u))];
  await notify(
    w,
    to.map((userId) => ({
      companyId: row.companyId,
      userId,
      projectId: row.projectId,
      kind,
      level: kind === 'rectification.overdue' ? 2 : 1,
      title,
      body,
      dedupeKey: `${kind}:${row.id}:${row.round}`,
    })),
  );
  return to;
}

/** Who hears of an overdue item: the department head and the project's managers. */
export async function escalationTargets(tx: DbOrTx, row: RectificationRow): Promise<number[]> {
  const leader = await departmentLeader(tx, row.departmentId);
  const managers = await usersWithRoles(tx, row.companyId, row.projectId, ['project_manager']);
  return [...new Set([leader, ...managers.map((m) => m.userId)].filter((u): u is number => !!u))];
}

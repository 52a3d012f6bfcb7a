import type { NotificationKind } from '@guanjia/shared';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { users } from '../../platform/auth/schema';
import type { BusMessage } from '../../platform/bus/bus';
import type { DbOrTx } from '../../platform/db/client';
import { notifications } from './schema';

export interface NotificationInput {
  companyId: number;
  userId: number;
  projectId: number | null;
  kind: NotificationKind;
  level?: number;
  title: string;
  body: string;
  ticketId?: number | null;
  workOrderId?: number | null;
  dedupeKey: string;
  /**
   * The key names one alert that can grow more urgent (an SLA clock's first and last warning): a row
   * already stored under it is replaced by this one — new text, unread again, on top of the list —
   * instead of being kept beside it, so the bell never lists the same alert twice.
   */
  replaces?: boolean;
}

/**
 * Store in-app notifications in the write's transaction (a repeated key for the same user is ignored)
 * and queue one bus message per stored row, for that user only; the console re-reads /api/notifications.
 */
export async function notify(
  w: { tx: DbOrTx; now: Date; outbox: BusMessage[] },
  items: NotificationInput[],
): Promise<void> {
  if (!items.length) return;
  const replacing = items.filter((i) => i.replaces);
  if (replacing.length)
    await w.tx
      .delete(notifications)
      .where(
        or(
          ...replacing.map((i) =>
            and(eq(notifications.userId, i.userId), eq(notifications.dedupeKey, i.dedupeKey)),
          ),
        ),
      );
  const stored = await w.tx
    .insert(notifications)
    .values(items.map(({ replaces: _, ...i }) => ({ ...i, level: i.level ?? 0, createdAt: w.now })))
    .onConflictDoNothing()
    .returning({
      id: notifications.id,
      userId: notifications.userId,
      kind: notifications.kind,
      ticketId: notifications.ticketId,
    });
  w.outbox.push(...notificationMessages(stored));
}

/** The bus messages for stored notification rows. */
export function notificationMessages(
  rows: { id: number; userId: number; kind: NotificationKind; ticketId: number | null }[],
): BusMessage[] {
  return rows.map((r) => ({
    type: 'notification.created',
    userId: r.userId,
    entityType: 'notification',
    entityId: r.id,
    data: { kind: r.kind, ticketId: r.ticketId },
  }));
}

/** Active staff holding one of the role codes whose scope includes the project. */
export async function usersWithRoles(
  db: DbOrTx,
  companyId: number,
  projectId: number,
  roleCodes: readonly string[],
): Promise<{ userId: number; roleCode: string }[]> {
  if (!roleCodes.length) return [];
  const result = (await db.execute(sql`
    select distinct u.id as user_id, r.code as role_code
      from users u join user_roles ur on ur.user_id = u.id join roles r on r.id = ur.role_id
     where u.company_id = ${companyId} and u.active and r.code = any(${sql.param([...roleCodes])}::text[])
       and (u.all_projects or exists (select 1 from user_projects up where up.user_id = u.id and up.project_id = ${projectId}))
     order by u.id`)) as unknown as { rows: { user_id: string | number; role_code: string }[] };
  return result.rows.map((r) => ({ userId: Number(r.user_id), roleCode: r.role_code }));
}

/** Each user's language (users.locale): the times in a text addressed to them read in it. */
export async function userLocales(db: DbOrTx, userIds: readonly number[]): Promise<Map<number, string>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .select({ id: users.id, locale: users.locale })
    .from(users)
    .where(inArray(users.id, [...userIds]));
  return new Map(rows.map((r) => [r.id, r.locale]));
}

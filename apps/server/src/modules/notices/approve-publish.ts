import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { publishInTx } from './publish-notice';
import { noticeInScope } from './queries';
import { type NoticeRow, notices } from './schema';
import { runNoticeAction } from './step-notice';

type Ctx = Pick<Services, 'database' | 'clock' | 'queue'>;

/** The 项目负责人's approval (W-30) written inside a larger transaction. */
export async function approveInTx(
  tx: DbOrTx,
  auth: AuthContext,
  n: NoticeRow,
  now: Date,
): Promise<NoticeRow> {
  const next = runNoticeAction(n, { type: 'approve', approve: true });
  const [row] = await tx
    .update(notices)
    .set({
      status: next.status,
      approvedById: auth.userId,
      approvedAt: now,
      version: n.version + 1,
      updatedAt: now,
    })
    .where(eq(notices.id, n.id))
    .returning();
  if (!row) throw new Error('notice vanished inside its transaction');
  await recordEvent(tx, userActor(auth), now, {
    action: 'notice.approve',
    entityType: 'notice',
    entityId: n.id,
    projectId: n.projectId,
    before: { status: n.status },
    after: { status: row.status },
  });
  return row;
}

/**
 * 批准并发布: the reviewer approves and sends in one step — one transaction, so an approved notice
 * that then fails to go out (a Q65 date, the threshold) stays 待批准 rather than half-done. The
 * author is the first person and the approver the second for the mass-send threshold.
 */
export async function approveAndPublish(ctx: Ctx, auth: AuthContext, id: number, version: number) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const n = checkVersion(await noticeInScope(tx, auth, id, true), version, 'Notice');
    const approved = await approveInTx(tx, auth, n, now);
    return publishInTx(tx, ctx, auth, approved, {
      initiatorId: n.createdById ?? auth.userId,
      approverId: auth.userId,
    });
  });
}

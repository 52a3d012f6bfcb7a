import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { gateSend } from '../broadcasts/approval-gate';
import { queueDeliveries } from '../delivery/queue-deliveries';
import { isEmergencyOutage, noticeMessage } from './notice-message';
import { noticeInScope } from './queries';
import { type NoticeRow, notices } from './schema';
import { runNoticeAction } from './step-notice';
import { assertSendable } from './validate';

type Ctx = Pick<Services, 'database' | 'clock' | 'queue'>;

/** Who stands behind a publish: the one who starts it and a second person who agreed, if any. */
export interface PublishSignOff {
  initiatorId: number;
  approverId: number | null;
}

/**
 * 已发布: one delivery per resident of the audience, written with the status change. A scheduled
 * notice's deliveries wait for publishAt; quiet hours (Q07) are applied by the sender per message.
 * Above the approval threshold it needs two different people (a W-30 approver who is not the
 * publisher, or an approved held request) unless it is an emergency outage (Q60).
 */
export async function publishNotice(ctx: Ctx, auth: AuthContext, id: number, version: number) {
  return ctx.database.db.transaction(async (tx) => {
    const n = checkVersion(await noticeInScope(tx, auth, id, true), version, 'Notice');
    return publishInTx(tx, ctx, auth, n, { initiatorId: auth.userId, approverId: n.approvedById });
  });
}

export async function publishInTx(
  tx: DbOrTx,
  ctx: Ctx,
  auth: AuthContext,
  n: NoticeRow,
  signOff: PublishSignOff,
) {
  const now = ctx.clock.now();
  const next = runNoticeAction(n, { type: 'publish' });
  await assertSendable(tx, n, now);
  const m = await noticeMessage(tx, ctx, n);
  await gateSend(
    tx,
    {
      companyId: n.companyId,
      projectId: n.projectId,
      kind: 'notice',
      title: n.title,
      noticeId: n.id,
      noticeVersion: n.version,
      recipients: m.recipients.length,
    },
    { emergency: await isEmergencyOutage(tx, n), ...signOff },
  );
  const count = await queueDeliveries(tx, ctx, m.message, m.recipients, m.bodyOf);
  const scheduled = m.message.notBefore ?? null;
  const [row] = await tx
    .update(notices)
    .set({
      status: next.status,
      publishedById: auth.userId,
      publishedAt: scheduled ?? now,
      recipientCount: count,
      version: n.version + 1,
      updatedAt: now,
    })
    .where(eq(notices.id, n.id))
    .returning();
  if (!row) throw new Error('notice vanished inside its transaction');
  await recordEvent(tx, userActor(auth), now, {
    action: 'notice.published',
    entityType: 'notice',
    entityId: n.id,
    projectId: n.projectId,
    before: { status: n.status },
    after: {
      status: row.status,
      recipients: count,
      scheduledFor: scheduled?.toISOString() ?? null,
      ...(signOff.approverId !== null ? { approvedById: signOff.approverId } : {}),
    },
  });
  return row;
}

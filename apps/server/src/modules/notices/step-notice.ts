import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { cancelPendingDeliveries } from '../delivery/queue-deliveries';
import { invalidTransition } from '../tickets/transitions';
import { noticeInScope } from './queries';
import { type NoticeAction, type NoticeState, noticeTransition } from './rules/notice-status';
import { type NoticeRow, notices } from './schema';

export function runNoticeAction(n: NoticeRow, action: NoticeAction): NoticeState {
  const r = noticeTransition({ status: n.status, urgent: n.urgent }, action);
  if (!r.ok) throw invalidTransition('Notice', r.reason, r.allowed);
  return r.next;
}

type StepAction = Extract<NoticeAction, { type: 'submit' | 'review' | 'approve' | 'withdraw' }>;

/** Submit, review (客服班长), approve (项目负责人) or withdraw: a status step with who and when. */
export async function stepNotice(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  id: number,
  version: number,
  action: StepAction,
  reason?: string | null,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const n = checkVersion(await noticeInScope(tx, auth, id, true), version, 'Notice');
    const next = runNoticeAction(n, action);
    const rejected = (action.type === 'review' || action.type === 'approve') && !action.approve;
    const who =
      action.type === 'review'
        ? { reviewedById: auth.userId, reviewedAt: now }
        : action.type === 'approve'
          ? { approvedById: auth.userId, approvedAt: now }
          : {};
    const [row] = await tx
      .update(notices)
      .set({
        status: next.status,
        ...who,
        rejectReason: rejected ? (reason ?? null) : action.type === 'submit' ? null : n.rejectReason,
        version: n.version + 1,
        updatedAt: now,
      })
      .where(eq(notices.id, n.id))
      .returning();
    if (!row) throw new Error('notice vanished inside its transaction');
    const cancelled = action.type === 'withdraw' ? await cancelPendingDeliveries(tx, 'notice', n.id, now) : 0;
    await recordEvent(tx, userActor(auth), now, {
      action: `notice.${action.type}${rejected ? '_rejected' : ''}`,
      entityType: 'notice',
      entityId: n.id,
      projectId: n.projectId,
      before: { status: n.status },
      after: { status: row.status, ...(reason ? { reason } : {}), ...(cancelled ? { cancelled } : {}) },
    });
    return row;
  });
}

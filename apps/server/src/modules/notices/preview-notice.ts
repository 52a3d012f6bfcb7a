import type { AuthContext } from '../../platform/auth/context';
import type { Services } from '../../platform/http/app-types';
import { previewOf } from '../broadcasts/preview';
import { isEmergencyOutage, noticeMessage } from './notice-message';
import { noticeInScope } from './queries';

/**
 * POST /api/notices/:id/preview: who the notice reaches and the exact text per channel, before
 * publish or 批准并发布. The caller is the would-be publisher; nothing is written.
 */
export async function previewNotice(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  id: number,
) {
  const { db } = ctx.database;
  const n = await noticeInScope(db, auth, id);
  const m = await noticeMessage(db, ctx, n);
  // 待批准: the caller would approve and publish in one step (the author is the first person).
  const signOff =
    n.status === '待批准'
      ? { initiatorId: n.createdById ?? auth.userId, approverId: auth.userId }
      : { initiatorId: auth.userId, approverId: n.approvedById };
  return {
    ...(await previewOf(db, m, { emergency: await isEmergencyOutage(db, n), ...signOff })),
    schedule: null,
  };
}

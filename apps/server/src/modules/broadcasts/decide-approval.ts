import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError, conflict } from '../../platform/http/errors';
import { createIncidentInTx } from '../incidents/create-incident';
import { incidentInput } from '../incidents/inputs';
import { approveInTx } from '../notices/approve-publish';
import { publishInTx } from '../notices/publish-notice';
import { noticeInScope } from '../notices/queries';
import { approvalInScope } from './queries';
import { mayApprove } from './rules/approval';
import { broadcastApprovals } from './schema';

type Ctx = Pick<Services, 'database' | 'clock' | 'queue'>;

/**
 * A second person lets a held mass send go out (or refuses it). Approving sends exactly what was
 * asked for, in the same transaction as the decision; the one who asked can never approve it.
 */
export async function decideApproval(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  version: number,
  approve: boolean,
  reason?: string | null,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const a = checkVersion(await approvalInScope(tx, auth, id, true), version, 'Approval');
    if (a.status !== '待批准') throw conflict('This request was already decided', { status: a.status });
    if (approve && !mayApprove(a.requestedById, auth.userId))
      throw new AppError(
        403,
        'self_approval',
        'A mass message needs a second person: you asked for this one',
        {
          requestedById: a.requestedById,
        },
      );
    let resultId: number | null = null;
    if (approve && a.kind === 'incident') {
      const input = incidentInput.parse(a.payload);
      const row = await createIncidentInTx(tx, ctx, auth, input, {
        requestedById: a.requestedById,
        approvedById: auth.userId,
      });
      resultId = row.id;
    } else if (approve && a.kind === 'notice' && a.noticeId) {
      let n = await noticeInScope(tx, auth, a.noticeId, true);
      if (n.version !== a.noticeVersion)
        throw conflict('The notice changed since approval was asked for; ask again', {
          expected: a.noticeVersion,
          actual: n.version,
        });
      // Held from 批准并发布: the approval step is this person's too.
      if (n.status === '待批准') n = await approveInTx(tx, auth, n, now);
      const row = await publishInTx(tx, ctx, auth, n, {
        initiatorId: a.requestedById,
        approverId: auth.userId,
      });
      resultId = row.id;
    }
    const [row] = await tx
      .update(broadcastApprovals)
      .set({
        status: approve ? '已批准' : '已拒绝',
        decidedById: auth.userId,
        decidedAt: now,
        reason: reason ?? null,
        resultId,
        version: a.version + 1,
        updatedAt: now,
      })
      .where(eq(broadcastApprovals.id, a.id))
      .returning();
    if (!row) throw new Error('approval vanished inside its transaction');
    await recordEvent(tx, userActor(auth), now, {
      action: approve ? 'broadcast.approved' : 'broadcast.rejected',
      entityType: 'broadcast_approval',
      entityId: a.id,
      projectId: a.projectId,
      before: { status: a.status },
      after: { status: row.status, resultId, ...(reason ? { reason } : {}) },
    });
    return row;
  });
}

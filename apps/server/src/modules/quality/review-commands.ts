import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { scoreSheet } from './rules/score';
import { qaReviews } from './schema';
import { QA_CHECKLIST } from './settings';

type Ctx = Pick<Services, 'database' | 'clock'>;

async function lockReview(tx: DbOrTx, auth: AuthContext, id: number, version: number) {
  const [row] = await tx.select().from(qaReviews).where(eq(qaReviews.id, id)).for('update');
  if (!row || row.companyId !== auth.companyId) throw notFound('Review');
  assertInScope(auth, row.projectId, 'Review');
  return checkVersion(row, version, 'Review');
}

/** Score a sampled item, or settle an appeal by scoring it again (申诉中 → 已复核). */
export async function scoreReview(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: { deductions: Record<string, number>; comment?: string | null; version: number },
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await lockReview(tx, auth, id, body.version);
    if (row.status === '已复核') throw conflict('This review is final', { status: row.status });
    if (row.agentId === auth.userId) throw new AppError(403, 'forbidden', 'Nobody scores their own work');
    const items = await getSetting(tx, QA_CHECKLIST, { companyId: row.companyId, projectId: row.projectId });
    const result = scoreSheet(items, body.deductions);
    if (!result.ok) throw badRequest('Invalid score sheet', result.errors);
    const status = row.status === '申诉中' ? ('已复核' as const) : ('已评分' as const);
    const [updated] = await tx
      .update(qaReviews)
      .set({
        status,
        deductions: body.deductions,
        total: result.total,
        comment: body.comment ?? null,
        reviewerId: auth.userId,
        scoredAt: now,
        updatedAt: now,
        version: row.version + 1,
      })
      .where(eq(qaReviews.id, id))
      .returning();
    await recordEvent(tx, userActor(auth), now, {
      action: status === '已复核' ? 'qa.appeal_settled' : 'qa.scored',
      entityType: 'qa_review',
      entityId: id,
      projectId: row.projectId,
      before: { status: row.status, total: row.total },
      after: { status, total: result.total, deductions: body.deductions },
    });
    return updated;
  });
}

/** The agent disagrees with a finding: once, after scoring, with a reason. */
export async function appealReview(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: { reason: string; version: number },
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await lockReview(tx, auth, id, body.version);
    if (row.agentId !== auth.userId) throw notFound('Review');
    if (row.status !== '已评分')
      throw conflict('Only a scored review can be appealed', { status: row.status });
    const [updated] = await tx
      .update(qaReviews)
      .set({ status: '申诉中', appealReason: body.reason, updatedAt: now, version: row.version + 1 })
      .where(eq(qaReviews.id, id))
      .returning();
    await recordEvent(tx, userActor(auth), now, {
      action: 'qa.appealed',
      entityType: 'qa_review',
      entityId: id,
      projectId: row.projectId,
      after: { reason: body.reason },
    });
    return updated;
  });
}

import type { emergencyReportInput, emergencyTransitionBody } from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import { AppError, conflict, staleVersion } from '../../platform/http/errors';
import { publishEmergency } from './arm-timer';
import { emergencyInScope, stepsOf } from './load';
import type { Ctx } from './open-emergency';
import { canMove, reviewRequired } from './rules/status';
import { type EmergencyRow, emergencies } from './schema';
import { completeStep } from './step-actions';

const STAMP = {
  已确认: 'confirmedAt',
  已到场: 'onSiteAt',
  已控制: 'controlledAt',
  已结束: 'endedAt',
} as const;

function assertVersion(e: EmergencyRow, version: number) {
  if (e.version !== version) throw staleVersion('Emergency', version, e.version);
}

/** 已确认 → 已到场 → 已控制 → 已结束 by hand (forward only). Ending it stops its timers and storm checks. */
export async function moveEmergency(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: z.infer<typeof emergencyTransitionBody>,
) {
  const now = ctx.clock.now();
  const e = await ctx.database.db.transaction(async (tx) => {
    const e = await emergencyInScope(tx, auth, id, true);
    assertVersion(e, body.version);
    if (!canMove(e.status, body.to))
      throw new AppError(
        409,
        'invalid_transition',
        `Emergency: "${body.to}" is not possible from ${e.status}`,
        {
          from: e.status,
          to: body.to,
        },
      );
    const [saved] = await tx
      .update(emergencies)
      .set({ status: body.to, [STAMP[body.to]]: now, updatedAt: now, version: e.version + 1 })
      .where(eq(emergencies.id, e.id))
      .returning();
    await recordEvent(tx, userActor(auth), now, {
      action: 'emergency.status_changed',
      entityType: 'emergency',
      entityId: e.id,
      projectId: e.projectId,
      before: { status: e.status },
      after: { status: body.to },
    });
    return saved ?? e;
  });
  await publishEmergency(ctx, e, []);
  return e;
}

/**
 * Close the record: a 较大/重大 incident needs its 复盘 first (409 review_required). With a review the
 * status becomes 已复盘; a 一般 incident closed without one stays 已结束.
 */
export async function closeEmergency(ctx: Ctx, auth: AuthContext, id: number, version: number) {
  const now = ctx.clock.now();
  const e = await ctx.database.db.transaction(async (tx) => {
    const e = await emergencyInScope(tx, auth, id, true);
    assertVersion(e, version);
    if (e.closedAt) throw conflict('The emergency is already closed');
    if (!e.review && reviewRequired(e.level))
      throw new AppError(409, 'review_required', 'A 较大 or 重大 emergency closes only after its review', {
        level: e.level,
      });
    if (!['已控制', '已结束'].includes(e.status))
      throw new AppError(409, 'invalid_transition', 'Emergency: bring it under control before closing it', {
        from: e.status,
      });
    const status = e.review ? ('已复盘' as const) : ('已结束' as const);
    const [saved] = await tx
      .update(emergencies)
      .set({ status, endedAt: e.endedAt ?? now, closedAt: now, updatedAt: now, version: e.version + 1 })
      .where(eq(emergencies.id, e.id))
      .returning();
    await recordEvent(tx, userActor(auth), now, {
      action: 'emergency.closed',
      entityType: 'emergency',
      entityId: e.id,
      projectId: e.projectId,
      before: { status: e.status },
      after: { status, reviewed: !!e.review },
    });
    return saved ?? e;
  });
  await publishEmergency(ctx, e, []);
  return e;
}

/**
 * The handler's part of the 《特别事件报告》: cause, handling, aftermath, result. Writing it (any field)
 * proves the plan's "report" step.
 */
export async function writeReport(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: z.infer<typeof emergencyReportInput>,
) {
  const now = ctx.clock.now();
  const e = await ctx.database.db.transaction(async (tx) => {
    const e = await emergencyInScope(tx, auth, id, true);
    assertVersion(e, body.version);
    const report = {
      cause: body.cause,
      handling: body.handling,
      aftermath: body.aftermath,
      result: body.result,
    };
    await tx
      .update(emergencies)
      .set({ report, updatedAt: now, version: e.version + 1 })
      .where(eq(emergencies.id, e.id));
    await recordEvent(tx, userActor(auth), now, {
      action: 'emergency.report_written',
      entityType: 'emergency',
      entityId: e.id,
      projectId: e.projectId,
      before: e.report,
      after: report,
    });
    const open = (await stepsOf(tx, e.id)).find((s) => s.proof === 'report' && !s.doneAt);
    const filled = Object.values(report).some((v) => v.trim());
    if (open && filled) {
      return completeStep(tx, ctx, auth, { ...e, version: e.version + 1 }, open, now);
    }
    const [saved] = await tx.select().from(emergencies).where(eq(emergencies.id, e.id));
    return saved ?? e;
  });
  await publishEmergency(ctx, e, []);
  return e;
}

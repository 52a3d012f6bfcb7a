import { zonedParts } from '@guanjia/shared';
import { and, eq, isNull } from 'drizzle-orm';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { queueDeliveries } from '../delivery/queue-deliveries';
import { resolveAudience } from '../delivery/recipients';
import { projects } from '../org/schema';
import { rectifications } from '../rectifications/schema';
import { progressDue, replyDue } from './rules/q41';
import { moveInDefects, moveIns } from './schema';
import { DEFECT_REPLY_WORKING_DAYS, PROGRESS_INTERVAL_DAYS } from './settings';

export const MOVE_IN_Q41_JOB = 'moveIns.q41';
type Ctx = Pick<Services, 'database' | 'clock' | 'queue'>;

/**
 * Q41 under the scenario clock: a defect whose 整改单 closed is answered to the owner (well inside the
 * one working day; the due time is kept to show it), and a long fix still open sends the owner a
 * progress report every week until it is done. Messages go by the resident's own channel (delivery).
 */
export async function runQ41(ctx: Ctx) {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const out = { replied: 0, progress: 0 };
  const pending = await db
    .select({ d: moveInDefects, m: moveIns, r: rectifications, tz: projects.timezone })
    .from(moveInDefects)
    .innerJoin(moveIns, eq(moveIns.id, moveInDefects.moveInId))
    .innerJoin(rectifications, eq(rectifications.id, moveInDefects.rectificationId))
    .innerJoin(projects, eq(projects.id, moveIns.projectId))
    .where(isNull(moveInDefects.repliedAt))
    .limit(2000);
  for (const { d, m, r, tz } of pending) {
    const scope = { companyId: m.companyId, projectId: m.projectId };
    const tell = async (tx: Parameters<typeof queueDeliveries>[0], subject: string, body: string) => {
      const recipients = (await resolveAudience(tx, { projectId: m.projectId, unitIds: [m.unitId] })).slice(
        0,
        3,
      );
      return queueDeliveries(
        tx,
        ctx,
        { ...scope, sourceType: 'move_in', sourceId: d.id, urgent: false, subject },
        recipients,
        () => body,
      );
    };
    if (r.state === 'closed' || r.state === 'cancelled') {
      const fixedAt = r.closedAt ?? now;
      const days = await getSetting(db, DEFECT_REPLY_WORKING_DAYS, scope);
      await db.transaction(async (tx) => {
        const claimed = await tx
          .update(moveInDefects)
          .set({
            fixedAt,
            replyDueAt: replyDue(fixedAt, days, (x) => zonedParts(x, tz).weekday),
            repliedAt: now,
          })
          .where(and(eq(moveInDefects.id, d.id), isNull(moveInDefects.repliedAt)))
          .returning({ id: moveInDefects.id });
        if (!claimed.length) return;
        await tell(
          tx,
          '【维修完成回复】',
          `您好，您房屋验收时登记的问题（${d.location}：${d.description}）已整改完成。如仍有问题请联系管理处。`,
        );
        await recordEvent(tx, { userId: null, companyId: m.companyId, source: 'job' }, now, {
          action: 'move_in.defect_replied',
          entityType: 'move_in',
          entityId: m.id,
          projectId: m.projectId,
          after: { defectId: d.id },
        });
      });
      out.replied++;
      continue;
    }
    const interval = await getSetting(db, PROGRESS_INTERVAL_DAYS, scope);
    if (
      !progressDue(
        { long: d.long, fixed: false, lastProgressAt: d.lastProgressAt, createdAt: d.createdAt },
        now,
        interval,
      )
    )
      continue;
    await db.transaction(async (tx) => {
      await tx.update(moveInDefects).set({ lastProgressAt: now }).where(eq(moveInDefects.id, d.id));
      const deadline = new Intl.DateTimeFormat('zh-CN', {
        timeZone: tz,
        month: 'numeric',
        day: 'numeric',
      }).format(r.deadline);
      await tell(
        tx,
        '【整改进度】',
        `您好，您房屋验收时登记的问题（${d.location}）正在整改中（第${r.round}轮），预计 ${deadline} 前完成，我们会每周向您汇报进度。`,
      );
    });
    out.progress++;
  }
  return out;
}

export function registerMoveInJobs(services: Ctx): void {
  services.queue.register(MOVE_IN_Q41_JOB, async () => runQ41(services));
  // Hourly: a fix closed in the morning is answered the same morning; weekly reports are due by day.
  services.queue.schedule(MOVE_IN_Q41_JOB, '20 * * * *', {});
}

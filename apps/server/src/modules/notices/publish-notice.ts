import { formatHumanTime } from '@guanjia/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { queueDeliveries } from '../delivery/queue-deliveries';
import { resolveAudience } from '../delivery/recipients';
import { renderTemplate, TEMPLATE_FALLBACKS } from '../delivery/rules/template';
import { incidents } from '../incidents/schema';
import { projects } from '../org/schema';
import { noticeInScope } from './queries';
import { noticeOptOuts, notices } from './schema';
import { runNoticeAction } from './step-notice';
import { assertSendable } from './validate';

/**
 * 已发布: one delivery per resident of the audience, written with the status change. A scheduled
 * notice's deliveries wait for publishAt; quiet hours (Q07) are applied by the sender per message.
 */
export async function publishNotice(
  ctx: Pick<Services, 'database' | 'clock' | 'queue'>,
  auth: AuthContext,
  id: number,
  version: number,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const n = checkVersion(await noticeInScope(tx, auth, id, true), version, 'Notice');
    const next = runNoticeAction(n, { type: 'publish' });
    await assertSendable(tx, n, now);
    const [project] = await tx.select().from(projects).where(eq(projects.id, n.projectId));
    // Times in the text: the estate's clock, in Chinese (residents have no language setting).
    const tz = project?.timezone ?? 'Asia/Shanghai';
    const [incident] = n.incidentId
      ? await tx.select().from(incidents).where(eq(incidents.id, n.incidentId))
      : [];
    const audience = await resolveAudience(tx, { ...n.audience, projectId: n.projectId });
    // Subscriptions are honoured except for emergencies.
    const optedOut =
      n.urgent || !audience.length
        ? new Set<number>()
        : new Set(
            (
              await tx
                .select({ residentId: noticeOptOuts.residentId })
                .from(noticeOptOuts)
                .where(
                  and(
                    eq(noticeOptOuts.type, n.type),
                    inArray(
                      noticeOptOuts.residentId,
                      audience.map((r) => r.residentId),
                    ),
                  ),
                )
            ).map((o) => o.residentId),
          );
    const recipients = audience.filter((r) => !optedOut.has(r.residentId));
    const scheduled = n.publishAt && n.publishAt.getTime() > now.getTime() ? n.publishAt : null;
    const count = await queueDeliveries(
      tx,
      ctx,
      {
        companyId: n.companyId,
        projectId: n.projectId,
        sourceType: 'notice',
        sourceId: n.id,
        urgent: n.urgent,
        subject: n.title,
        notBefore: scheduled,
      },
      recipients,
      (r) =>
        renderTemplate(
          n.body,
          {
            'resident.name': r.name,
            'unit.label': r.unitLabel,
            'project.name': project?.name ?? null,
            'notice.expiresAt': formatHumanTime(n.expiresAt, { timeZone: tz, now }),
            'incident.kind': incident?.kind ?? null,
            'incident.until': incident?.expectedEndAt
              ? formatHumanTime(incident.expectedEndAt, { timeZone: tz, now })
              : null,
          },
          TEMPLATE_FALLBACKS,
        ),
    );
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
      after: { status: row.status, recipients: count, scheduledFor: scheduled?.toISOString() ?? null },
    });
    return row;
  });
}

import { formatHumanTime } from '@guanjia/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import type { Services } from '../../platform/http/app-types';
import { renderMessage } from '../broadcasts/rules/outage-template';
import { resolveAudience } from '../delivery/recipients';
import { renderTemplate, TEMPLATE_FALLBACKS } from '../delivery/rules/template';
import type { PreparedMessage } from '../incidents/notify';
import { incidents } from '../incidents/schema';
import { buildings, projects } from '../org/schema';
import { type NoticeRow, noticeOptOuts } from './schema';

/**
 * A notice exactly as it goes out: its audience less the residents who opted out of the type
 * (emergencies reach everyone), the {小区}/{开始时间}… and {{resident.name}} variables filled.
 * Publish and preview share this, so the confirmation shows the text residents get.
 */
export async function noticeMessage(
  tx: DbOrTx,
  services: Pick<Services, 'clock'>,
  n: NoticeRow,
): Promise<PreparedMessage> {
  const now = services.clock.now();
  const [project] = await tx.select().from(projects).where(eq(projects.id, n.projectId));
  // Times in the text: the estate's clock, in Chinese (residents have no language setting).
  const tz = project?.timezone ?? 'Asia/Shanghai';
  const at = (d: Date | null | undefined) => (d ? formatHumanTime(d, { timeZone: tz, now }) : null);
  const [incident] = n.incidentId
    ? await tx.select().from(incidents).where(eq(incidents.id, n.incidentId))
    : [];
  const audience = await resolveAudience(tx, { ...n.audience, projectId: n.projectId });
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
  const buildingIds = n.audience.buildingIds ?? incident?.buildingIds ?? [];
  const names = buildingIds.length
    ? await tx.select({ name: buildings.name }).from(buildings).where(inArray(buildings.id, buildingIds))
    : [];
  const filled = renderMessage(n.body, {
    小区: project?.name ?? null,
    楼栋: names.length ? names.map((b) => b.name).join('、') : '全小区',
    开始时间: at(n.eventStartsAt ?? incident?.startsAt),
    结束时间: at(n.eventEndsAt ?? incident?.expectedEndAt),
    原因: incident?.reason ?? incident?.title ?? n.title,
    服务电话: project?.servicePhone ?? null,
  });
  const scheduled = n.publishAt && n.publishAt.getTime() > now.getTime() ? n.publishAt : null;
  return {
    message: {
      companyId: n.companyId,
      projectId: n.projectId,
      sourceType: 'notice',
      sourceId: n.id,
      urgent: n.urgent,
      subject: n.title,
      notBefore: scheduled,
    },
    recipients: audience.filter((r) => !optedOut.has(r.residentId)),
    bodyOf: (r) =>
      renderTemplate(
        filled,
        {
          'resident.name': r.name,
          'unit.label': r.unitLabel,
          'project.name': project?.name ?? null,
          'notice.expiresAt': at(n.expiresAt),
          'incident.kind': incident?.kind ?? null,
          'incident.until': at(incident?.expectedEndAt),
        },
        TEMPLATE_FALLBACKS,
      ),
  };
}

/** Q60: an urgent notice about an emergency outage goes out at once, whatever its size. */
export async function isEmergencyOutage(tx: DbOrTx, n: NoticeRow): Promise<boolean> {
  if (!n.urgent) return false;
  if (n.type === '停水停电') return true;
  if (!n.incidentId) return false;
  const [i] = await tx
    .select({ emergency: incidents.emergency })
    .from(incidents)
    .where(eq(incidents.id, n.incidentId));
  return i?.emergency ?? false;
}

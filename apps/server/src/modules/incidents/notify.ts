import { formatHumanTime } from '@guanjia/shared';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import type { Services } from '../../platform/http/app-types';
import { renderMessage } from '../broadcasts/rules/outage-template';
import { type DeliveryMessage, queueDeliveries } from '../delivery/queue-deliveries';
import { type Recipient, resolveAudience } from '../delivery/recipients';
import { renderTemplate, TEMPLATE_FALLBACKS } from '../delivery/rules/template';
import { buildings, projects } from '../org/schema';
import { tickets } from '../tickets/schema';
import { type IncidentRow, incidentTickets } from './schema';

async function projectOf(tx: DbOrTx, projectId: number) {
  const [p] = await tx
    .select({ tz: projects.timezone, name: projects.name, servicePhone: projects.servicePhone })
    .from(projects)
    .where(eq(projects.id, projectId));
  return { tz: p?.tz ?? 'Asia/Shanghai', name: p?.name ?? '', servicePhone: p?.servicePhone ?? null };
}

/** Everyone living in the incident's scope. */
export function incidentAudience(
  tx: DbOrTx,
  i: Pick<IncidentRow, 'projectId' | 'buildingIds' | 'unitIds'>,
): Promise<Recipient[]> {
  return resolveAudience(tx, { projectId: i.projectId, buildingIds: i.buildingIds, unitIds: i.unitIds });
}

/** The residents who reported a ticket now attached to the incident (they may live outside its scope). */
async function linkedResidents(tx: DbOrTx, i: IncidentRow): Promise<Recipient[]> {
  const rows = await tx
    .selectDistinct({ residentId: tickets.residentId })
    .from(incidentTickets)
    .innerJoin(tickets, eq(tickets.id, incidentTickets.ticketId))
    .where(and(eq(incidentTickets.incidentId, i.id), isNotNull(tickets.residentId)));
  const ids = rows.map((r) => r.residentId).filter((id): id is number => id !== null);
  return ids.length ? resolveAudience(tx, { projectId: i.projectId, residentIds: ids }) : [];
}

/** An incident as far as its message needs: a saved row, or the input of a preview (id 0). */
export type IncidentDraft = Pick<
  IncidentRow,
  | 'id'
  | 'companyId'
  | 'projectId'
  | 'kind'
  | 'emergency'
  | 'planned'
  | 'title'
  | 'reason'
  | 'buildingIds'
  | 'unitIds'
  | 'startsAt'
  | 'expectedEndAt'
  | 'residentText'
>;

export type IncidentMessageKind = 'announce' | 'reminder';

export interface PreparedMessage {
  message: DeliveryMessage;
  recipients: Recipient[];
  bodyOf: (r: Recipient) => string;
}

/**
 * The outage message exactly as it goes out: the {小区}/{楼栋}/{开始时间}… variables filled on the
 * estate's clock, then the per-resident {{resident.name}} ones. Preview and send share this, so the
 * confirmation dialog shows the text residents get.
 */
export async function incidentMessage(
  tx: DbOrTx,
  services: Pick<Services, 'clock'>,
  i: IncidentDraft,
  kind: IncidentMessageKind = 'announce',
): Promise<PreparedMessage> {
  const now = services.clock.now();
  // One after the other: inside a transaction they share one connection.
  const project = await projectOf(tx, i.projectId);
  const recipients = await incidentAudience(tx, i);
  const buildingNames = i.buildingIds.length
    ? await tx.select({ name: buildings.name }).from(buildings).where(inArray(buildings.id, i.buildingIds))
    : [];
  // Residents read Chinese (they have no language setting) on the estate's clock.
  const at = (d: Date | null) => (d ? formatHumanTime(d, { timeZone: project.tz, now }) : null);
  const filled = renderMessage(i.residentText, {
    小区: project.name,
    楼栋: buildingNames.length ? buildingNames.map((b) => b.name).join('、') : '全小区',
    开始时间: at(i.startsAt),
    结束时间: at(i.expectedEndAt),
    原因: i.reason ?? i.title,
    服务电话: project.servicePhone,
  });
  const until = at(i.expectedEndAt);
  const label = i.planned ? `计划${i.kind}` : i.kind;
  const reminder = kind === 'reminder';
  return {
    message: {
      companyId: i.companyId,
      projectId: i.projectId,
      sourceType: 'incident',
      sourceId: i.id,
      urgent: i.emergency,
      subject: reminder ? `【${label}提醒】${i.title}` : `【${label}通知】${i.title}`,
    },
    recipients,
    bodyOf: (r) =>
      (reminder ? '温馨提醒:' : '') +
      renderTemplate(
        filled,
        {
          'resident.name': r.name,
          'unit.label': r.unitLabel,
          'incident.kind': i.kind,
          'incident.until': until,
        },
        TEMPLATE_FALLBACKS,
      ),
  };
}

/** The outage notice to every resident in scope: emergencies are urgent (Q07 bypass, Q60 clock). */
export async function queueIncidentNotice(
  tx: DbOrTx,
  services: Pick<Services, 'queue' | 'clock'>,
  i: IncidentDraft,
  kind: IncidentMessageKind = 'announce',
): Promise<number> {
  const m = await incidentMessage(tx, services, i, kind);
  return queueDeliveries(tx, services, m.message, m.recipients, m.bodyOf);
}

/** "Service restored" to the residents in scope and everyone whose ticket was attached. */
export async function queueRestoredNotice(
  tx: DbOrTx,
  services: Pick<Services, 'queue' | 'clock'>,
  i: IncidentRow,
): Promise<number> {
  const [scope, linked] = await Promise.all([incidentAudience(tx, i), linkedResidents(tx, i)]);
  const byId = new Map<number, Recipient>();
  for (const r of [...scope, ...linked]) byId.set(r.residentId, r);
  const note = i.resolutionNote ? `${i.resolutionNote}` : '';
  return queueDeliveries(
    tx,
    services,
    {
      companyId: i.companyId,
      projectId: i.projectId,
      sourceType: 'incident_resolved',
      sourceId: i.id,
      // Good news is not urgent: it waits for quiet hours to end (Q07).
      urgent: false,
      subject: `【${i.kind}恢复】${i.title}`,
    },
    [...byId.values()],
    (r) => `尊敬的${r.name || '住户'}:${i.title}已恢复,给您带来不便敬请谅解。${note}`.trim(),
  );
}

/** Ids of the tickets attached to an incident. */
export async function linkedTicketIds(tx: DbOrTx, incidentId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: incidentTickets.ticketId })
    .from(incidentTickets)
    .where(inArray(incidentTickets.incidentId, [incidentId]));
  return rows.map((r) => r.id);
}

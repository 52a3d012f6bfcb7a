import { formatHumanTime } from '@guanjia/shared';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import type { Services } from '../../platform/http/app-types';
import { queueDeliveries } from '../delivery/queue-deliveries';
import { type Recipient, resolveAudience } from '../delivery/recipients';
import { renderTemplate, TEMPLATE_FALLBACKS } from '../delivery/rules/template';
import { projects } from '../org/schema';
import { tickets } from '../tickets/schema';
import { type IncidentRow, incidentTickets } from './schema';

async function timezoneOf(tx: DbOrTx, projectId: number): Promise<string> {
  const [p] = await tx.select({ tz: projects.timezone }).from(projects).where(eq(projects.id, projectId));
  return p?.tz ?? 'Asia/Shanghai';
}

/** Everyone living in the incident's scope. */
export function incidentAudience(tx: DbOrTx, i: IncidentRow): Promise<Recipient[]> {
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

/** The outage notice to every resident in scope: emergencies are urgent (Q07 bypass, Q60 clock). */
export async function queueIncidentNotice(
  tx: DbOrTx,
  services: Pick<Services, 'queue' | 'clock'>,
  i: IncidentRow,
): Promise<number> {
  const tz = await timezoneOf(tx, i.projectId);
  const recipients = await incidentAudience(tx, i);
  // Residents read Chinese (they have no language setting) on the estate's clock.
  const until = i.expectedEndAt
    ? formatHumanTime(i.expectedEndAt, { timeZone: tz, now: services.clock.now() })
    : null;
  return queueDeliveries(
    tx,
    services,
    {
      companyId: i.companyId,
      projectId: i.projectId,
      sourceType: 'incident',
      sourceId: i.id,
      urgent: i.emergency,
      subject: `【${i.kind}通知】${i.title}`,
    },
    recipients,
    (r) =>
      renderTemplate(
        i.residentText,
        {
          'resident.name': r.name,
          'unit.label': r.unitLabel,
          'incident.kind': i.kind,
          'incident.until': until,
        },
        TEMPLATE_FALLBACKS,
      ),
  );
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

import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import type { Services } from '../../platform/http/app-types';
import { queueDeliveries } from '../delivery/queue-deliveries';
import { type Recipient, resolveAudience } from '../delivery/recipients';
import { residentPhones } from '../residents/schema';
import type { DeskEntryRow } from './schema';

/**
 * A message about a desk record to its resident through the delivery outbox (SMS, WeChat or the
 * portal by the resident's own choice): the unit's residents, or whoever in the project has the phone.
 */
export async function messageResident(
  tx: DbOrTx,
  services: Pick<Services, 'queue' | 'clock'>,
  e: DeskEntryRow,
  subject: string,
  text: string,
): Promise<number> {
  let recipients: Recipient[] = [];
  if (e.residentId)
    recipients = await resolveAudience(tx, { projectId: e.projectId, residentIds: [e.residentId] });
  if (!recipients.length && e.phone) {
    const owners = await tx
      .select({ residentId: residentPhones.residentId })
      .from(residentPhones)
      .where(and(eq(residentPhones.e164, e.phone)));
    if (owners.length)
      recipients = await resolveAudience(tx, {
        projectId: e.projectId,
        residentIds: owners.map((o) => o.residentId),
      });
  }
  if (!recipients.length && e.unitId)
    recipients = await resolveAudience(tx, { projectId: e.projectId, unitIds: [e.unitId] });
  return queueDeliveries(
    tx,
    services,
    {
      companyId: e.companyId,
      projectId: e.projectId,
      sourceType: 'desk',
      sourceId: e.id,
      urgent: false,
      subject,
    },
    recipients.slice(0, 3),
    () => text,
  );
}

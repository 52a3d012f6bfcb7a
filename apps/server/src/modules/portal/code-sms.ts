import type { DbOrTx } from '../../platform/db/client';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { DELIVERY_JOB } from '../delivery/queue-deliveries';
import { deliveries } from '../delivery/schema';
import { DELIVERY_MAX_ATTEMPTS } from '../delivery/settings';

export interface CodeSms {
  companyId: number;
  projectId: number;
  codeId: number;
  /** null when the phone has no archive record yet (it signs in to ask for a binding). */
  residentId: number | null;
  phone: string;
  body: string;
}

/**
 * One outbox row by SMS, written directly rather than through the audience-based queueDeliveries:
 * a login code goes to a phone, which need not belong to a resident yet. Urgent: the resident is
 * waiting for it, so quiet hours never hold it.
 */
export async function queueCodeSms(tx: DbOrTx, services: Pick<Services, 'queue' | 'clock'>, sms: CodeSms) {
  const maxAttempts = await getSetting(tx, DELIVERY_MAX_ATTEMPTS, sms);
  const now = services.clock.now();
  const [row] = await tx
    .insert(deliveries)
    .values({
      companyId: sms.companyId,
      projectId: sms.projectId,
      sourceType: 'portal_code',
      sourceId: sms.codeId,
      residentId: sms.residentId,
      channel: 'sms',
      recipient: sms.phone,
      subject: '登录验证码',
      body: sms.body,
      urgent: true,
      maxAttempts,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: deliveries.id });
  if (!row) throw new Error('delivery insert returned nothing');
  await services.queue.enqueue(DELIVERY_JOB, { deliveryId: row.id }, { tx, runAt: now, maxAttempts });
}

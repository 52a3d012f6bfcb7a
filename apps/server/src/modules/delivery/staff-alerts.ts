import { normalizePhone, type TicketPriority } from '@guanjia/shared';
import { eq, inArray } from 'drizzle-orm';
import { users } from '../../platform/auth/schema';
import type { DbOrTx } from '../../platform/db/client';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { insertDeliveries } from './queue-deliveries';
import { staffAlertUrgent, staffTargets } from './rules/staff-alert';
import { staffChannels } from './schema';
import { DELIVERY_MAX_ATTEMPTS } from './settings';

export interface StaffAlert {
  companyId: number;
  projectId: number;
  event: 'warning' | 'breach';
  ticketId: number;
  priority: TicketPriority;
  subject: string;
  /** Per recipient: the deadline in it reads in their own language. */
  body: (userId: number) => string;
}

/** Each person's outbound addresses: the preference's own, else the staff profile's. */
export async function staffAddresses(db: DbOrTx, userIds: number[]) {
  if (!userIds.length) return [];
  const rows = await db
    .select({ userId: users.id, profileEmail: users.email, profilePhone: users.phone, prefs: staffChannels })
    .from(staffChannels)
    .innerJoin(users, eq(users.id, staffChannels.userId))
    .where(inArray(staffChannels.userId, userIds));
  return rows.map((r) => ({
    userId: r.userId,
    channels: r.prefs.channels,
    email: r.prefs.email ?? r.profileEmail,
    mobile: r.prefs.mobile ?? (r.profilePhone ? (normalizePhone(r.profilePhone)?.e164 ?? null) : null),
  }));
}

/**
 * An SLA warning or breach through the outbox to each recipient's own channels, in the timer's
 * transaction: the deliveries exist exactly when the in-app notification does. Whether it may go at
 * night is rules/staff-alert.ts's call.
 */
export async function queueStaffAlerts(
  tx: DbOrTx,
  services: Pick<Services, 'queue' | 'clock'>,
  alert: StaffAlert,
  userIds: number[],
): Promise<number> {
  const people = await staffAddresses(tx, userIds);
  const targets = people.flatMap((p) => staffTargets(p.userId, p).map((t) => ({ ...t, userId: p.userId })));
  if (!targets.length) return 0;
  const maxAttempts = await getSetting(tx, DELIVERY_MAX_ATTEMPTS, alert);
  const now = services.clock.now();
  const urgent = staffAlertUrgent(alert.event, alert.priority);
  return insertDeliveries(
    tx,
    services,
    targets.map((t) => ({
      companyId: alert.companyId,
      projectId: alert.projectId,
      sourceType: alert.event === 'breach' ? ('sla_breach' as const) : ('sla_warning' as const),
      sourceId: alert.ticketId,
      userId: t.userId,
      channel: t.channel,
      recipient: t.recipient,
      subject: alert.subject,
      body: alert.body(t.userId),
      urgent,
      maxAttempts,
      createdAt: now,
      updatedAt: now,
    })),
  );
}

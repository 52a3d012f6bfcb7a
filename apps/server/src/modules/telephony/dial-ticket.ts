import { maskPhone } from '@guanjia/shared';
import type { TicketDial } from '@guanjia/shared/api';
import { asc, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope, can } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError, notFound } from '../../platform/http/errors';
import { residentPhones } from '../residents/schema';
import { tickets } from '../tickets/schema';
import { dialOut } from './dial-out';
import { telephonyConfigs } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

/**
 * 回访 dial button: call the ticket's contact (or its resident's first phone) back. With click-to-call
 * the PBX rings the agent and dials, the number never reaching a screen that may not see it; without,
 * the agent gets the number for a tel: link — a deliberate reveal, so it is logged on the ticket.
 */
export async function dialTicket(ctx: Ctx, auth: AuthContext, ticketId: number): Promise<TicketDial> {
  const { db } = ctx.database;
  const [t] = await db
    .select({ projectId: tickets.projectId, contactPhone: tickets.contactPhone, residentId: tickets.residentId })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  if (!t) throw notFound('Ticket');
  assertInScope(auth, t.projectId, 'Ticket');
  let phone = t.contactPhone;
  if (!phone && t.residentId) {
    const [first] = await db
      .select({ national: residentPhones.national })
      .from(residentPhones)
      .where(eq(residentPhones.residentId, t.residentId))
      .orderBy(asc(residentPhones.position))
      .limit(1);
    phone = first?.national ?? null;
  }
  if (!phone) throw new AppError(400, 'no_contact_phone', 'The ticket has no phone number to call', { ticketId });
  const [config] = await db
    .select({ dialUrl: telephonyConfigs.dialUrl })
    .from(telephonyConfigs)
    .where(eq(telephonyConfigs.projectId, t.projectId));
  if (config?.dialUrl) {
    const callId = await dialOut(ctx, auth, { projectId: t.projectId, number: phone, ticketId });
    return { mode: 'pbx', callId, number: can(auth, 'pii.view') ? phone : maskPhone(phone) };
  }
  await db.transaction((tx) =>
    recordEvent(tx, userActor(auth), ctx.clock.now(), {
      action: 'ticket.contact_dialed',
      entityType: 'ticket',
      entityId: ticketId,
      projectId: t.projectId,
      after: { via: 'tel' },
    }),
  );
  return { mode: 'tel', callId: null, number: phone };
}

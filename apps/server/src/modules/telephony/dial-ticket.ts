import { maskPhone } from '@guanjia/shared';
import type { TicketDial } from '@guanjia/shared/api';
import { asc, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope, can } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError, notFound } from '../../platform/http/errors';
import { residentPhones, residents } from '../residents/schema';
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
    .select({
      projectId: tickets.projectId,
      contactPhone: tickets.contactPhone,
      residentId: tickets.residentId,
    })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  if (!t) throw notFound('Ticket');
  assertInScope(auth, t.projectId, 'Ticket');
  const phone = t.contactPhone ?? (t.residentId ? await firstPhone(ctx, t.residentId) : null);
  if (!phone)
    throw new AppError(400, 'no_contact_phone', 'The ticket has no phone number to call', { ticketId });
  return dialContact(ctx, auth, {
    projectId: t.projectId,
    phone,
    ticketId,
    entityType: 'ticket',
    entityId: ticketId,
  });
}

/** The resident 360's "call back": the resident's first phone, by the same rules as the ticket's. */
export async function dialResident(ctx: Ctx, auth: AuthContext, residentId: number): Promise<TicketDial> {
  const [r] = await ctx.database.db
    .select({ projectId: residents.projectId })
    .from(residents)
    .where(eq(residents.id, residentId));
  if (!r) throw notFound('Resident');
  assertInScope(auth, r.projectId, 'Resident');
  const phone = await firstPhone(ctx, residentId);
  if (!phone) throw new AppError(400, 'no_contact_phone', 'The resident has no phone number', { residentId });
  return dialContact(ctx, auth, {
    projectId: r.projectId,
    phone,
    entityType: 'resident',
    entityId: residentId,
  });
}

async function firstPhone(ctx: Ctx, residentId: number): Promise<string | null> {
  const [first] = await ctx.database.db
    .select({ national: residentPhones.national })
    .from(residentPhones)
    .where(eq(residentPhones.residentId, residentId))
    .orderBy(asc(residentPhones.position))
    .limit(1);
  return first?.national ?? null;
}

async function dialContact(
  ctx: Ctx,
  auth: AuthContext,
  c: {
    projectId: number;
    phone: string;
    ticketId?: number;
    entityType: 'ticket' | 'resident';
    entityId: number;
  },
): Promise<TicketDial> {
  const [config] = await ctx.database.db
    .select({ dialUrl: telephonyConfigs.dialUrl })
    .from(telephonyConfigs)
    .where(eq(telephonyConfigs.projectId, c.projectId));
  if (config?.dialUrl) {
    const callId = await dialOut(ctx, auth, {
      projectId: c.projectId,
      number: c.phone,
      ticketId: c.ticketId ?? null,
    });
    return { mode: 'pbx', callId, number: can(auth, 'pii.view') ? c.phone : maskPhone(c.phone) };
  }
  await ctx.database.db.transaction((tx) =>
    recordEvent(tx, userActor(auth), ctx.clock.now(), {
      action: `${c.entityType}.contact_dialed`,
      entityType: c.entityType,
      entityId: c.entityId,
      projectId: c.projectId,
      after: { via: 'tel' },
    }),
  );
  return { mode: 'tel', callId: null, number: c.phone };
}

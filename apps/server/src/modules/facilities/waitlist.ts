import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { type Actor, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { conflict, notFound } from '../../platform/http/errors';
import { queueDeliveries } from '../delivery/queue-deliveries';
import { resolveAudience } from '../delivery/recipients';
import { projectZone } from '../patrol/route-queries';
import { placeBooking } from './place-booking';
import { nextOffer } from './rules/booking-rules';
import { type FacilityRow, facilities, facilityWaitlist, type WaitlistRow } from './schema';

type Ctx = Pick<Services, 'queue' | 'clock'>;

/** Times in messages to residents, on the clock of the facility's project ("12/31 20:00"). */
export async function residentClock(tx: DbOrTx, projectId: number): Promise<(d: Date) => string> {
  const format = new Intl.DateTimeFormat('zh-CN', {
    timeZone: await projectZone(tx, projectId),
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (d) => format.format(d);
}

/** Tells one resident about their booking (reminder, offer) on their own channel. */
export async function tellResident(
  tx: DbOrTx,
  ctx: Ctx,
  p: {
    companyId: number;
    projectId: number;
    residentId: number | null;
    sourceId: number;
    subject: string;
    body: string;
  },
) {
  if (!p.residentId) return 0;
  const recipients = await resolveAudience(tx, { projectId: p.projectId, residentIds: [p.residentId] });
  return queueDeliveries(
    tx,
    ctx,
    {
      companyId: p.companyId,
      projectId: p.projectId,
      sourceType: 'booking',
      sourceId: p.sourceId,
      urgent: false,
      subject: p.subject,
    },
    recipients,
    () => p.body,
  );
}

/**
 * A freed interval of a facility (cancel, no-show, lapsed offer) goes to the first waiting household
 * whose wanted time fits in it; the offer stays open for the facility's offerMinutes.
 */
export async function offerFreedSlot(
  tx: DbOrTx,
  ctx: Ctx,
  actor: Actor,
  f: FacilityRow,
  from: Date,
  to: Date,
) {
  const now = ctx.clock.now();
  const waiting = await tx
    .select()
    .from(facilityWaitlist)
    .where(and(eq(facilityWaitlist.facilityId, f.id), eq(facilityWaitlist.state, 'waiting')))
    .orderBy(asc(facilityWaitlist.createdAt), asc(facilityWaitlist.id))
    .limit(200);
  const next = nextOffer(waiting, from, to, now);
  if (!next) return null;
  const expires = new Date(Math.min(now.getTime() + f.offerMinutes * 60_000, next.startsAt.getTime()));
  await tx
    .update(facilityWaitlist)
    .set({ state: 'offered', offeredAt: now, offerExpiresAt: expires, updatedAt: now })
    .where(eq(facilityWaitlist.id, next.id));
  await recordEvent(tx, actor, now, {
    action: 'booking.waitlist_offered',
    entityType: 'facility',
    entityId: f.id,
    projectId: f.projectId,
    after: { waitlistId: next.id, unitId: next.unitId, offerExpiresAt: expires.toISOString() },
  });
  const fmt = await residentClock(tx, f.projectId);
  await tellResident(tx, ctx, {
    companyId: f.companyId,
    projectId: f.projectId,
    residentId: next.residentId,
    sourceId: next.id,
    subject: '【场地空出】',
    body: `您候补的${f.name}（${fmt(next.startsAt)}）已空出，请在 ${fmt(expires)} 前在住户门户确认预约，逾期将顺延给下一位。`,
  });
  return next;
}

/** The resident takes an offer: a booking in the offered time (lead time waived), the entry accepted. */
export async function acceptOffer(
  tx: DbOrTx,
  actor: Actor,
  now: Date,
  entry: WaitlistRow,
  contact: { name: string; phone: string },
) {
  if (entry.state !== 'offered' || !entry.offerExpiresAt || entry.offerExpiresAt <= now)
    throw conflict('The offer is no longer open');
  const booking = await placeBooking(tx, actor, now, {
    facilityId: entry.facilityId,
    unitId: entry.unitId,
    startsAt: entry.startsAt,
    endsAt: entry.endsAt,
    people: 1,
    note: '',
    source: 'waitlist',
    residentId: entry.residentId,
    contactName: contact.name,
    contactPhone: contact.phone,
    createdBy: null,
    waiveLeadTime: true,
  });
  await tx
    .update(facilityWaitlist)
    .set({ state: 'accepted', bookingId: booking.id, updatedAt: now })
    .where(eq(facilityWaitlist.id, entry.id));
  return booking;
}

export async function joinWaitlist(
  tx: DbOrTx,
  actor: Actor,
  now: Date,
  p: {
    facilityId: number;
    projectIds: number[];
    unitId: number;
    residentId: number | null;
    phone: string;
    startsAt: Date;
    endsAt: Date;
  },
) {
  const [f] = await tx
    .select()
    .from(facilities)
    .where(and(eq(facilities.id, p.facilityId), inArray(facilities.projectId, p.projectIds)));
  if (!f) throw notFound('Facility');
  const [row] = await tx
    .insert(facilityWaitlist)
    .values({
      companyId: f.companyId,
      projectId: f.projectId,
      facilityId: f.id,
      unitId: p.unitId,
      residentId: p.residentId,
      contactPhone: p.phone,
      startsAt: p.startsAt,
      endsAt: p.endsAt,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await recordEvent(tx, actor, now, {
    action: 'booking.waitlist_joined',
    entityType: 'facility',
    entityId: f.id,
    projectId: f.projectId,
    after: { waitlistId: row!.id, unitId: p.unitId, startsAt: p.startsAt.toISOString() },
  });
  return row!;
}

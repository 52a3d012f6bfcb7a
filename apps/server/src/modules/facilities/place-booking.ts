import { wallClockInstant, zonedDay, zonedParts } from '@guanjia/shared';
import { and, count, eq, gte, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { isUniqueViolation } from '../../platform/db/errors';
import { type Actor, recordEvent } from '../../platform/events/record-event';
import { type AppError, badRequest, conflict } from '../../platform/http/errors';
import { chargeOnce } from '../billing/charge-once';
import { projectZone } from '../patrol/route-queries';
import { addDays } from '../patrol/rules/schedule';
import {
  type BookingRefusal,
  checkBooking,
  claimedSlots,
  dayNumberOf,
  feeOf,
  freeLane,
  LIVE_BOOKING_STATES,
  weekStartDay,
} from './rules/booking-rules';
import { type FacilityRow, facilities, facilityBookings, facilitySlotClaims } from './schema';

export interface PlaceBookingProps {
  facilityId: number;
  unitId: number;
  startsAt: Date;
  endsAt: Date;
  people: number;
  note: string;
  source: 'portal' | 'desk' | 'waitlist';
  residentId: number | null;
  contactName: string;
  contactPhone: string;
  createdBy: number | null;
  /** A waitlist offer being taken: the lead time is waived (the slot was freed at short notice). */
  waiveLeadTime?: boolean;
}

const REFUSALS: Record<BookingRefusal, string> = {
  not_aligned: 'A booking must start and end on the facility’s slots',
  outside_hours: 'The facility is closed at that time',
  too_short: 'The booking is shorter than the facility’s minimum',
  too_long: 'The booking is longer than the facility’s maximum',
  in_the_past: 'That time has already begun',
  lead_time: 'Too late to book this time; the facility needs more notice',
  too_far_ahead: 'That day cannot be booked yet',
  quota: 'The household has used its bookings for that week',
};

/** The local facts the pure rules need about a proposed time. */
export async function bookingFacts(
  tx: DbOrTx,
  f: FacilityRow,
  unitId: number,
  startsAt: Date,
  endsAt: Date,
  now: Date,
  ignoreBookingId?: number,
) {
  const tz = await projectZone(tx, f.projectId);
  const s = zonedParts(startsAt, tz);
  const e = zonedParts(endsAt, tz);
  const day = zonedDay(startsAt, tz);
  const sameDay = zonedDay(endsAt, tz) === day;
  const endMinute = sameDay ? e.hour * 60 + e.minute : e.hour === 0 && e.minute === 0 ? 1440 : -1;
  const weekStart = weekStartDay(dayNumberOf(day), s.weekday);
  const weekFrom = new Date(weekStart * 86_400_000).toISOString().slice(0, 10);
  const [held] = await tx
    .select({ n: count() })
    .from(facilityBookings)
    .where(
      and(
        eq(facilityBookings.facilityId, f.id),
        eq(facilityBookings.unitId, unitId),
        inArray(facilityBookings.state, LIVE_BOOKING_STATES),
        gte(facilityBookings.startsAt, wallClockInstant(weekFrom, '00:00', tz)),
        lt(facilityBookings.startsAt, wallClockInstant(addDays(weekFrom, 7), '00:00', tz)),
      ),
    );
  const othersHeld = (held?.n ?? 0) - (ignoreBookingId ? 1 : 0);
  return {
    startsAt,
    endsAt,
    now,
    startMinute: s.hour * 60 + s.minute,
    endMinute,
    daysAhead: dayNumberOf(day) - dayNumberOf(zonedDay(now, tz)),
    householdThisWeek: Math.max(0, othersHeld),
  };
}

export function refuse(reason: BookingRefusal): AppError {
  return badRequest(REFUSALS[reason], { reason });
}

/**
 * Claims a lane's slots for a booking. The caller holds the facility row lock (FOR UPDATE), so bookings
 * of one facility queue here; the unique slot-claim index is the database's own guarantee underneath.
 */
export async function claimSlots(
  tx: DbOrTx,
  f: FacilityRow,
  bookingId: number,
  startsAt: Date,
  endsAt: Date,
) {
  const slots = claimedSlots(startsAt, endsAt, f.slotMinutes, f.bufferMinutes);
  // An earlier booking's buffer is its own claim, so it collides here like any booked slot.
  const taken = await tx
    .select({ lane: facilitySlotClaims.lane, slotAt: facilitySlotClaims.slotAt })
    .from(facilitySlotClaims)
    .where(and(eq(facilitySlotClaims.facilityId, f.id), inArray(facilitySlotClaims.slotAt, slots)));
  const byLane = new Map<number, Set<number>>();
  for (const c of taken) byLane.set(c.lane, (byLane.get(c.lane) ?? new Set()).add(c.slotAt.getTime()));
  const lane = freeLane(byLane, slots, f.capacity);
  if (lane === null) throw conflict('That time is already booked', { reason: 'taken' });
  try {
    await tx
      .insert(facilitySlotClaims)
      .values(slots.map((slotAt) => ({ facilityId: f.id, slotAt, lane, bookingId })));
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('That time is already booked', { reason: 'taken' });
    throw error;
  }
  return lane;
}

export async function placeBooking(tx: DbOrTx, actor: Actor, now: Date, p: PlaceBookingProps) {
  const [f] = await tx.select().from(facilities).where(eq(facilities.id, p.facilityId)).for('update');
  if (!f) throw new Error('facility vanished');
  if (!f.active) throw conflict('The facility is not taking bookings');
  const facts = await bookingFacts(tx, f, p.unitId, p.startsAt, p.endsAt, now);
  const refusal = checkBooking(p.waiveLeadTime ? { ...f, bookLeadMinutes: 0 } : f, facts);
  if (refusal) throw refuse(refusal);
  const [row] = await tx
    .insert(facilityBookings)
    .values({
      companyId: f.companyId,
      projectId: f.projectId,
      facilityId: f.id,
      unitId: p.unitId,
      residentId: p.residentId,
      contactName: p.contactName,
      contactPhone: p.contactPhone,
      source: p.source,
      startsAt: p.startsAt,
      endsAt: p.endsAt,
      people: p.people,
      note: p.note,
      state: f.needsApproval ? 'pending' : 'confirmed',
      feeFen: feeOf(p.startsAt, p.endsAt, f.slotMinutes, f.feePerSlotFen),
      createdBy: p.createdBy,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  const lane = await claimSlots(tx, f, row.id, p.startsAt, p.endsAt);
  // A fee is owed through billing: a 场地使用费 bill for the household's unit, paid at the desk.
  const bill =
    row.feeFen > 0
      ? await chargeOnce(tx, actor, {
          unitId: row.unitId,
          fee: 'facility_fee',
          amount: row.feeFen,
          description: `场地使用费 ${f.name}`,
          sourceType: 'booking',
          sourceId: row.id,
          now,
        })
      : null;
  if (lane !== 0 || bill)
    await tx
      .update(facilityBookings)
      .set({ lane, billId: bill?.id ?? null })
      .where(eq(facilityBookings.id, row.id));
  await recordEvent(tx, actor, now, {
    action: 'booking.created',
    entityType: 'booking',
    entityId: row.id,
    projectId: row.projectId,
    after: {
      facility: f.name,
      unitId: row.unitId,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      state: row.state,
      source: row.source,
    },
  });
  return { ...row, lane, billId: bill?.id ?? null };
}

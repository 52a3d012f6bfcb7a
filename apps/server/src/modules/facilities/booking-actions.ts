import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { type Actor, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { conflict, staleVersion } from '../../platform/http/errors';
import { returnPaidToPrepaid, waiveOnce } from '../billing/charge-once';
import { bookingFacts, claimSlots, refuse } from './place-booking';
import { type BookingMove, bookingMove, canChange, checkBooking, checkinWindow } from './rules/booking-rules';
import { type BookingRow, facilities, facilityBookings, facilitySlotClaims } from './schema';
import { offerFreedSlot } from './waitlist';

type Ctx = Pick<Services, 'queue' | 'clock'>;

const MOVE_REFUSED = 'The booking cannot do that in its current state';

async function lockFacility(tx: DbOrTx, id: number) {
  const [f] = await tx.select().from(facilities).where(eq(facilities.id, id)).for('update');
  if (!f) throw new Error('facility vanished');
  return f;
}

/**
 * One move of a booking's state machine: cancel (within the cancel lead time unless the desk overrides),
 * approve/reject, check-in (in its window), no-show (the job) and complete. Moves that free the time
 * delete the claims and offer the time to the waitlist in the same transaction.
 */
export async function moveBooking(
  tx: DbOrTx,
  ctx: Ctx,
  actor: Actor,
  b: BookingRow,
  move: BookingMove,
  opts: { version?: number; reason?: string; override?: boolean } = {},
) {
  const now = ctx.clock.now();
  if (opts.version !== undefined && opts.version !== b.version)
    throw staleVersion('Booking', opts.version, b.version);
  const to = bookingMove(b.state, move);
  if (!to) throw conflict(MOVE_REFUSED, { state: b.state, move });
  const f = await lockFacility(tx, b.facilityId);
  if (move === 'cancel' && !opts.override && !canChange(f, b.startsAt, now, 'cancel'))
    throw conflict('Too late to cancel this booking', { reason: 'cancel_lead_time' });
  if (move === 'checkin') {
    const w = checkinWindow(b.startsAt, f.noShowGraceMinutes);
    if (now < w.opens || now > b.endsAt)
      throw conflict('Check-in is not open for this booking', { reason: 'checkin_window' });
  }
  const [row] = await tx
    .update(facilityBookings)
    .set({
      state: to,
      version: b.version + 1,
      updatedAt: now,
      ...(move === 'checkin' ? { checkedInAt: now } : {}),
      ...(move === 'cancel' ? { cancelledAt: now } : {}),
    })
    .where(and(eq(facilityBookings.id, b.id), eq(facilityBookings.version, b.version)))
    .returning();
  if (!row) throw staleVersion('Booking', b.version, b.version + 1);
  const frees = to === 'cancelled' || to === 'rejected' || to === 'no_show';
  if (frees) await tx.delete(facilitySlotClaims).where(eq(facilitySlotClaims.bookingId, b.id));
  // Nothing is owed for a booking that does not take place by the estate's leave (cancelled in time,
  // rejected): the open fee is waived and what was paid goes to the household's prepaid balance (转预存).
  // A no-show keeps its fee.
  if (b.billId && (to === 'cancelled' || to === 'rejected')) {
    const leave = {
      billId: b.billId,
      reason: to === 'cancelled' ? '场地预约已取消' : '场地预约未通过',
      now,
      userId: actor.userId,
    };
    await waiveOnce(tx, actor, leave);
    await returnPaidToPrepaid(tx, actor, leave);
  }
  await recordEvent(tx, actor, now, {
    action: `booking.${to}`,
    entityType: 'booking',
    entityId: b.id,
    projectId: b.projectId,
    before: { state: b.state },
    after: { state: to, ...(opts.reason ? { reason: opts.reason } : {}) },
  });
  if (frees)
    await offerFreedSlot(
      tx,
      ctx,
      actor,
      f,
      new Date(Math.max(now.getTime(), b.startsAt.getTime())),
      b.endsAt,
    );
  return row;
}

/** Moves a booking to another time of the same facility, within the change lead time. */
export async function changeBooking(
  tx: DbOrTx,
  ctx: Ctx,
  actor: Actor,
  b: BookingRow,
  startsAt: Date,
  endsAt: Date,
  version: number,
) {
  const now = ctx.clock.now();
  if (version !== b.version) throw staleVersion('Booking', version, b.version);
  if (b.state !== 'pending' && b.state !== 'confirmed')
    throw conflict(MOVE_REFUSED, { state: b.state, move: 'change' });
  const f = await lockFacility(tx, b.facilityId);
  if (!canChange(f, b.startsAt, now, 'change'))
    throw conflict('Too late to change this booking', { reason: 'change_lead_time' });
  const refusal = checkBooking(f, await bookingFacts(tx, f, b.unitId, startsAt, endsAt, now, b.id));
  if (refusal) throw refuse(refusal);
  await tx.delete(facilitySlotClaims).where(eq(facilitySlotClaims.bookingId, b.id));
  const lane = await claimSlots(tx, f, b.id, startsAt, endsAt);
  const [row] = await tx
    .update(facilityBookings)
    .set({ startsAt, endsAt, lane, version: b.version + 1, updatedAt: now, remindedAt: null })
    .where(eq(facilityBookings.id, b.id))
    .returning();
  await recordEvent(tx, actor, now, {
    action: 'booking.changed',
    entityType: 'booking',
    entityId: b.id,
    projectId: b.projectId,
    before: { startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString() },
    after: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
  });
  await offerFreedSlot(tx, ctx, actor, f, b.startsAt, b.endsAt);
  return row!;
}

import { and, eq, gt, isNull, lte } from 'drizzle-orm';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { moveBooking } from './booking-actions';
import { checkinWindow, offerLapsed } from './rules/booking-rules';
import { facilities, facilityBookings, facilityWaitlist } from './schema';
import { BOOKING_REMINDER_MINUTES } from './settings';
import { offerFreedSlot, residentClock, tellResident } from './waitlist';

export const BOOKING_SWEEP_JOB = 'facilities.sweep';
type Ctx = Pick<Services, 'database' | 'clock' | 'queue'>;
const jobActor = (companyId: number) => ({ userId: null, companyId, source: 'job' as const });

/**
 * The five-minute sweep of bookings under the scenario clock: reminders before the start, no-shows
 * after the grace period (the slot freed and offered to the waitlist), lapsed offers passed on, and
 * checked-in bookings completed at their end. Each booking moves in its own transaction.
 */
export async function sweepBookings(ctx: Ctx) {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const out = { reminded: 0, noShows: 0, lapsed: 0, completed: 0 };
  const horizon = new Date(now.getTime() + 2880 * 60_000);
  const upcoming = await db
    .select({ b: facilityBookings, grace: facilities.noShowGraceMinutes })
    .from(facilityBookings)
    .innerJoin(facilities, eq(facilities.id, facilityBookings.facilityId))
    .where(and(eq(facilityBookings.state, 'confirmed'), lte(facilityBookings.startsAt, horizon)))
    .limit(1000);
  for (const { b, grace } of upcoming) {
    if (now >= checkinWindow(b.startsAt, grace).noShowAt) {
      await db.transaction(async (tx) => {
        const [fresh] = await tx
          .select()
          .from(facilityBookings)
          .where(eq(facilityBookings.id, b.id))
          .for('update');
        if (fresh?.state === 'confirmed') await moveBooking(tx, ctx, jobActor(b.companyId), fresh, 'no_show');
      });
      out.noShows++;
      continue;
    }
    if (b.remindedAt || b.startsAt <= now) continue;
    const minutes = await getSetting(db, BOOKING_REMINDER_MINUTES, {
      companyId: b.companyId,
      projectId: b.projectId,
    });
    if (!minutes || b.startsAt.getTime() - now.getTime() > minutes * 60_000) continue;
    await db.transaction(async (tx) => {
      const [f] = await tx
        .select({ name: facilities.name })
        .from(facilities)
        .where(eq(facilities.id, b.facilityId));
      const claimed = await tx
        .update(facilityBookings)
        .set({ remindedAt: now })
        .where(and(eq(facilityBookings.id, b.id), isNull(facilityBookings.remindedAt)))
        .returning({ id: facilityBookings.id });
      if (!claimed.length) return;
      const fmt = await residentClock(tx, b.projectId);
      await tellResident(tx, ctx, {
        companyId: b.companyId,
        projectId: b.projectId,
        residentId: b.residentId,
        sourceId: b.id,
        subject: '【预约提醒】',
        body: `您预约的${f?.name ?? '场地'}将于 ${fmt(b.startsAt)} 开始，请准时到场签到；如不能前往请提前取消。`,
      });
      out.reminded++;
    });
  }
  const offered = await db
    .select()
    .from(facilityWaitlist)
    .where(eq(facilityWaitlist.state, 'offered'))
    .limit(500);
  for (const w of offered) {
    if (!offerLapsed(w, now)) continue;
    await db.transaction(async (tx) => {
      const [f] = await tx.select().from(facilities).where(eq(facilities.id, w.facilityId)).for('update');
      await tx
        .update(facilityWaitlist)
        .set({ state: 'expired', updatedAt: now })
        .where(eq(facilityWaitlist.id, w.id));
      if (f && w.startsAt > now)
        await offerFreedSlot(tx, ctx, jobActor(w.companyId), f, w.startsAt, w.endsAt);
    });
    out.lapsed++;
  }
  const ended = await db
    .select()
    .from(facilityBookings)
    .where(
      and(
        eq(facilityBookings.state, 'checked_in'),
        lte(facilityBookings.endsAt, now),
        gt(facilityBookings.id, 0),
      ),
    )
    .limit(1000);
  for (const b of ended) {
    await db.transaction(async (tx) => moveBooking(tx, ctx, jobActor(b.companyId), b, 'complete'));
    out.completed++;
  }
  return out;
}

export function registerFacilityJobs(services: Ctx): void {
  services.queue.register(BOOKING_SWEEP_JOB, async () => sweepBookings(services));
  services.queue.schedule(BOOKING_SWEEP_JOB, '*/5 * * * *', {});
}

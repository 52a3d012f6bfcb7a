import { wallClockInstant } from '@guanjia/shared';
import type { Availability } from '@guanjia/shared/api';
import { and, eq, gte, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { projectZone } from '../patrol/route-queries';
import { minuteOf } from './rules/booking-rules';
import { type FacilityRow, facilitySlotClaims } from './schema';

/** Each slot of a day with the lanes still free (claims include buffers, so a buffer shows as taken). */
export async function availability(db: DbOrTx, f: FacilityRow, date: string): Promise<Availability> {
  const tz = await projectZone(db, f.projectId);
  const from = wallClockInstant(date, f.openFrom, tz);
  const to = new Date(from.getTime() + (minuteOf(f.openTo) - minuteOf(f.openFrom)) * 60_000);
  const claims = await db
    .select({ slotAt: facilitySlotClaims.slotAt })
    .from(facilitySlotClaims)
    .where(
      and(
        eq(facilitySlotClaims.facilityId, f.id),
        gte(facilitySlotClaims.slotAt, from),
        lt(facilitySlotClaims.slotAt, to),
      ),
    );
  const used = new Map<number, number>();
  for (const c of claims) used.set(c.slotAt.getTime(), (used.get(c.slotAt.getTime()) ?? 0) + 1);
  const slots: Availability['slots'] = [];
  const step = f.slotMinutes * 60_000;
  for (let t = from.getTime(); t + step <= to.getTime(); t += step)
    slots.push({
      startsAt: new Date(t).toISOString(),
      endsAt: new Date(t + step).toISOString(),
      free: Math.max(0, f.capacity - (used.get(t) ?? 0)),
    });
  return { facilityId: f.id, date, slots };
}

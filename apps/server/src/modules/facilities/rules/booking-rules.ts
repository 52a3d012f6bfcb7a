import type { BookingState } from '@guanjia/shared/api';

/**
 * 场地预约 rules (§1.8, after Booked Scheduler / LibreBooking's resource rules), pure: the command feeds
 * in the facility, the times and the household's count, and refuses with the first broken rule.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface FacilityRules {
  openFrom: string;
  openTo: string;
  slotMinutes: number;
  minSlots: number;
  maxSlots: number;
  bookLeadMinutes: number;
  changeLeadMinutes: number;
  cancelLeadMinutes: number;
  advanceDays: number;
  bufferMinutes: number;
  weeklyQuota: number;
}

export type BookingRefusal =
  | 'not_aligned'
  | 'outside_hours'
  | 'too_short'
  | 'too_long'
  | 'in_the_past'
  | 'lead_time'
  | 'too_far_ahead'
  | 'quota';

export interface BookingRequest {
  startsAt: Date;
  endsAt: Date;
  now: Date;
  /** Minutes after local midnight of the start and the end (the end may be 1440). */
  startMinute: number;
  endMinute: number;
  /** Whole local days from today to the booking's day. */
  daysAhead: number;
  /** Live bookings the household already holds in the booking's week. */
  householdThisWeek: number;
}

export const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The rules in the order a resident would want to hear about them; null when the booking may be made. */
export function checkBooking(f: FacilityRules, r: BookingRequest): BookingRefusal | null {
  const open = minuteOf(f.openFrom);
  const close = minuteOf(f.openTo);
  const length = (r.endsAt.getTime() - r.startsAt.getTime()) / MINUTE;
  if (length <= 0 || (r.startMinute - open) % f.slotMinutes !== 0 || length % f.slotMinutes !== 0)
    return 'not_aligned';
  if (r.startMinute < open || r.endMinute > close || r.endMinute <= r.startMinute) return 'outside_hours';
  const slots = length / f.slotMinutes;
  if (slots < f.minSlots) return 'too_short';
  if (slots > f.maxSlots) return 'too_long';
  if (r.startsAt.getTime() <= r.now.getTime()) return 'in_the_past';
  if (r.startsAt.getTime() - r.now.getTime() < f.bookLeadMinutes * MINUTE) return 'lead_time';
  if (r.daysAhead > f.advanceDays) return 'too_far_ahead';
  if (f.weeklyQuota > 0 && r.householdThisWeek >= f.weeklyQuota) return 'quota';
  return null;
}

/** Changing or cancelling closes this long before the start (the facility's own lead times). */
export function canChange(f: FacilityRules, startsAt: Date, now: Date, kind: 'change' | 'cancel'): boolean {
  const lead = kind === 'change' ? f.changeLeadMinutes : f.cancelLeadMinutes;
  return startsAt.getTime() - now.getTime() >= lead * MINUTE;
}

/**
 * The slot starts a booking claims: its own slots and, after them, the buffer rounded up to whole
 * slots — so the next booking cannot start inside the buffer, and a booking ending into the next one's
 * start is refused by the same claim.
 */
export function claimedSlots(
  startsAt: Date,
  endsAt: Date,
  slotMinutes: number,
  bufferMinutes: number,
): Date[] {
  const step = slotMinutes * MINUTE;
  const bufferSlots = Math.ceil(bufferMinutes / slotMinutes);
  const out: Date[] = [];
  for (let t = startsAt.getTime(); t < endsAt.getTime() + bufferSlots * step; t += step)
    out.push(new Date(t));
  return out;
}

/** The lowest lane whose slots are all free, or null when every lane (capacity) is taken. */
export function freeLane(
  taken: ReadonlyMap<number, ReadonlySet<number>>,
  slots: Date[],
  capacity: number,
): number | null {
  for (let lane = 0; lane < capacity; lane++) {
    const used = taken.get(lane);
    if (!used || slots.every((s) => !used.has(s.getTime()))) return lane;
  }
  return null;
}

/** Monday 00:00 (local day number) of the week holding `day` (days since epoch, weekday 0 = Sunday). */
export function weekStartDay(dayNumber: number, weekday: number): number {
  return dayNumber - ((weekday + 6) % 7);
}

export const dayNumberOf = (isoDay: string) =>
  Date.UTC(Number(isoDay.slice(0, 4)), Number(isoDay.slice(5, 7)) - 1, Number(isoDay.slice(8, 10))) / DAY;

/** Booking states and the moves between them; anything not in the table is refused. */
export type BookingMove = 'approve' | 'reject' | 'cancel' | 'checkin' | 'no_show' | 'complete';
const MOVES: Record<BookingMove, { from: BookingState[]; to: BookingState }> = {
  approve: { from: ['pending'], to: 'confirmed' },
  reject: { from: ['pending'], to: 'rejected' },
  cancel: { from: ['pending', 'confirmed'], to: 'cancelled' },
  checkin: { from: ['confirmed'], to: 'checked_in' },
  no_show: { from: ['confirmed'], to: 'no_show' },
  complete: { from: ['checked_in'], to: 'completed' },
};
export function bookingMove(state: BookingState, move: BookingMove): BookingState | null {
  const m = MOVES[move];
  return m.from.includes(state) ? m.to : null;
}
/** States that hold their slots. */
export const LIVE_BOOKING_STATES: BookingState[] = ['pending', 'confirmed', 'checked_in'];

/** Check-in opens this long before the start, and closes at the no-show deadline. */
export const CHECKIN_EARLY_MINUTES = 15;
export function checkinWindow(startsAt: Date, graceMinutes: number) {
  return {
    opens: new Date(startsAt.getTime() - CHECKIN_EARLY_MINUTES * MINUTE),
    noShowAt: new Date(startsAt.getTime() + graceMinutes * MINUTE),
  };
}

export interface WaitEntry {
  id: number;
  state: 'waiting' | 'offered' | 'accepted' | 'expired' | 'cancelled';
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
  offerExpiresAt: Date | null;
}

/**
 * Who gets a freed slot: the earliest waiting entry whose wanted time lies inside the freed interval
 * and has not started yet. First come, first offered.
 */
export function nextOffer<T extends WaitEntry>(
  entries: T[],
  freedFrom: Date,
  freedTo: Date,
  now: Date,
): T | null {
  const fits = entries
    .filter(
      (e) =>
        e.state === 'waiting' &&
        e.startsAt.getTime() >= freedFrom.getTime() &&
        e.endsAt.getTime() <= freedTo.getTime() &&
        e.startsAt.getTime() > now.getTime(),
    )
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  return fits[0] ?? null;
}

/** An offer lapses at its expiry (or when its slot has begun): it passes to the next household. */
export function offerLapsed(e: WaitEntry, now: Date): boolean {
  return (
    e.state === 'offered' &&
    ((e.offerExpiresAt !== null && e.offerExpiresAt.getTime() <= now.getTime()) ||
      e.startsAt.getTime() <= now.getTime())
  );
}

export const feeOf = (startsAt: Date, endsAt: Date, slotMinutes: number, feePerSlotFen: number) =>
  ((endsAt.getTime() - startsAt.getTime()) / (slotMinutes * MINUTE)) * feePerSlotFen;

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bookingMove,
  canChange,
  checkBooking,
  claimedSlots,
  type FacilityRules,
  freeLane,
  nextOffer,
  offerLapsed,
  type WaitEntry,
} from './booking-rules';

const gym: FacilityRules = {
  openFrom: '06:00',
  openTo: '22:00',
  slotMinutes: 60,
  minSlots: 1,
  maxSlots: 2,
  bookLeadMinutes: 30,
  changeLeadMinutes: 60,
  cancelLeadMinutes: 120,
  advanceDays: 7,
  bufferMinutes: 0,
  weeklyQuota: 3,
};
const now = new Date('2026-12-07T01:00:00Z'); // 09:00 in Shanghai
const H = 3_600_000;
const req = (startH: number, hours: number, extra: Partial<Parameters<typeof checkBooking>[1]> = {}) => ({
  startsAt: new Date(now.getTime() + (startH - 9) * H),
  endsAt: new Date(now.getTime() + (startH - 9 + hours) * H),
  now,
  startMinute: startH * 60,
  endMinute: (startH + hours) * 60,
  daysAhead: 0,
  householdThisWeek: 0,
  ...extra,
});

describe('checkBooking', () => {
  it.each([
    ['a free hour today', req(10, 1), null],
    ['two hours', req(10, 2), null],
    ['three hours', req(10, 3), 'too_long'],
    ['before opening', req(5, 1), 'outside_hours'],
    ['past closing', req(21, 2), 'outside_hours'],
    ['half past', { ...req(10, 1), startMinute: 630, endMinute: 690 }, 'not_aligned'],
    ['already begun', req(8, 1), 'in_the_past'],
    ['inside the lead time', { ...req(10, 1), now: new Date(now.getTime() + 40 * 60_000) }, 'lead_time'],
    ['beyond the advance window', req(10, 1, { daysAhead: 8 }), 'too_far_ahead'],
    ['quota used', req(10, 1, { householdThisWeek: 3 }), 'quota'],
  ] as const)('%s', (_name, r, expected) => {
    expect(checkBooking(gym, r)).toBe(expected);
  });

  it('an unlimited quota never refuses', () => {
    fc.assert(
      fc.property(
        fc.nat(1000),
        (n) => checkBooking({ ...gym, weeklyQuota: 0 }, req(10, 1, { householdThisWeek: n })) === null,
      ),
    );
  });
});

describe('lead times for change and cancel', () => {
  it.each([
    ['change', 61, true],
    ['change', 59, false],
    ['cancel', 120, true],
    ['cancel', 119, false],
  ] as const)('%s %i minutes ahead → %s', (kind, minutes, allowed) => {
    expect(canChange(gym, new Date(now.getTime() + minutes * 60_000), now, kind)).toBe(allowed);
  });
});

describe('slot claims and lanes', () => {
  it('claims the booking and its buffer rounded up to slots', () => {
    const s = new Date('2026-12-08T02:00:00Z');
    expect(claimedSlots(s, new Date(s.getTime() + H), 30, 0)).toHaveLength(2);
    expect(claimedSlots(s, new Date(s.getTime() + H), 30, 20)).toHaveLength(3);
    expect(claimedSlots(s, new Date(s.getTime() + H), 30, 30)).toHaveLength(3);
  });
  it('two bookings overlap exactly when their claims intersect (with a buffer)', () => {
    fc.assert(
      fc.property(
        fc.nat(20),
        fc.integer({ min: 1, max: 4 }),
        fc.nat(20),
        fc.integer({ min: 1, max: 4 }),
        fc.nat(2),
        (a, la, b, lb, buf) => {
          const slot = 30 * 60_000;
          const t0 = Date.UTC(2026, 11, 8);
          const A = claimedSlots(new Date(t0 + a * slot), new Date(t0 + (a + la) * slot), 30, buf * 30).map(
            (d) => d.getTime(),
          );
          const B = claimedSlots(new Date(t0 + b * slot), new Date(t0 + (b + lb) * slot), 30, buf * 30).map(
            (d) => d.getTime(),
          );
          const clash = A.some((x) => B.includes(x));
          // Either order: the later one may start only after the earlier one's end plus the buffer.
          const apart = a + la + buf <= b || b + lb + buf <= a;
          return clash === !apart;
        },
      ),
    );
  });
  it('takes the lowest free lane within the capacity', () => {
    const s = [new Date(0), new Date(1800_000)];
    const taken = new Map([[0, new Set([0])]]);
    expect(freeLane(taken, s, 1)).toBeNull();
    expect(freeLane(taken, s, 2)).toBe(1);
    expect(freeLane(new Map(), s, 1)).toBe(0);
  });
});

describe('booking states', () => {
  it.each([
    ['pending', 'approve', 'confirmed'],
    ['pending', 'reject', 'rejected'],
    ['confirmed', 'cancel', 'cancelled'],
    ['confirmed', 'checkin', 'checked_in'],
    ['confirmed', 'no_show', 'no_show'],
    ['checked_in', 'complete', 'completed'],
    ['checked_in', 'cancel', null],
    ['cancelled', 'checkin', null],
    ['no_show', 'checkin', null],
  ] as const)('%s + %s → %s', (from, move, to) => {
    expect(bookingMove(from, move)).toBe(to);
  });
});

describe('waitlist offers', () => {
  const e = (id: number, startH: number, state: WaitEntry['state'] = 'waiting', created = id): WaitEntry => ({
    id,
    state,
    startsAt: new Date(now.getTime() + startH * H),
    endsAt: new Date(now.getTime() + (startH + 1) * H),
    createdAt: new Date(created),
    offerExpiresAt: null,
  });
  it('offers the freed time to the earliest waiting entry that fits', () => {
    const from = new Date(now.getTime() + 2 * H);
    const to = new Date(now.getTime() + 4 * H);
    expect(
      nextOffer([e(1, 1), e(2, 3, 'waiting', 5), e(3, 2, 'waiting', 4), e(4, 2, 'expired', 1)], from, to, now)
        ?.id,
    ).toBe(3);
    expect(nextOffer([e(1, 5)], from, to, now)).toBeNull();
  });
  it.each([
    [10, false],
    [0, true],
    [-5, true],
  ])('an offer expiring in %i minutes has lapsed: %s', (minutes, lapsed) => {
    const o = { ...e(1, 2, 'offered'), offerExpiresAt: new Date(now.getTime() + minutes * 60_000) };
    expect(offerLapsed(o, now)).toBe(lapsed);
  });
});

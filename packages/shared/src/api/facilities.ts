import { z } from 'zod';
import { isoTime, nullableTime, page } from './common';
import { patchOf } from './patch-schema';

/** 会所、健身房、场地预约 (§1.8): bookable resources, their rules, bookings and the waitlist. */

export const FACILITY_KINDS = ['gym', 'clubhouse', 'court', 'room', 'other'] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];
export const BOOKING_STATES = [
  'pending',
  'confirmed',
  'checked_in',
  'completed',
  'cancelled',
  'rejected',
  'no_show',
] as const;
export type BookingState = (typeof BOOKING_STATES)[number];
export const WAITLIST_STATES = ['waiting', 'offered', 'accepted', 'expired', 'cancelled'] as const;
export type WaitlistState = (typeof WAITLIST_STATES)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time like 08:30');

export const facilityBody = z
  .object({
    projectId: z.number().int().positive(),
    name: z.string().trim().min(1).max(40),
    kind: z.enum(FACILITY_KINDS),
    location: z.string().trim().max(60).default(''),
    openFrom: hhmm,
    openTo: hhmm,
    /** Bookings start and end on slot boundaries counted from openFrom. */
    slotMinutes: z.number().int().min(5).max(240),
    minSlots: z.number().int().min(1).max(48).default(1),
    maxSlots: z.number().int().min(1).max(48).default(4),
    /** A booking must be made at least this long before it starts. */
    bookLeadMinutes: z.number().int().min(0).max(10_080).default(0),
    changeLeadMinutes: z.number().int().min(0).max(10_080).default(60),
    cancelLeadMinutes: z.number().int().min(0).max(10_080).default(60),
    /** The furthest day ahead that can be booked. */
    advanceDays: z.number().int().min(0).max(365).default(7),
    /** Kept free after each booking (cleaning, changeover), rounded up to whole slots. */
    bufferMinutes: z.number().int().min(0).max(240).default(0),
    /** Bookings that may share one slot (a gym's lanes); 1 = exclusive use. */
    capacity: z.number().int().min(1).max(50).default(1),
    /** Bookings one household (unit) may hold per week (Monday to Sunday); 0 = unlimited. */
    weeklyQuota: z.number().int().min(0).max(100).default(0),
    needsApproval: z.boolean().default(false),
    /** Per slot, in 分; 0 = free. */
    feePerSlotFen: z.number().int().min(0).max(10_000_000).default(0),
    /** A confirmed booking not checked in this long after its start is a no-show and its slot is freed. */
    noShowGraceMinutes: z.number().int().min(0).max(240).default(15),
    /** How long a waitlist offer stays open before it passes to the next household. */
    offerMinutes: z.number().int().min(1).max(1440).default(30),
    active: z.boolean().default(true),
  })
  .refine((f) => f.openTo > f.openFrom, { message: 'closing must be after opening', path: ['openTo'] })
  .refine((f) => f.maxSlots >= f.minSlots, { message: 'maximum below minimum', path: ['maxSlots'] });
export type FacilityBody = z.infer<typeof facilityBody>;
export const editFacilityBody = patchOf(
  z.object({
    name: z.string().trim().min(1).max(40),
    location: z.string().trim().max(60),
    openFrom: hhmm,
    openTo: hhmm,
    slotMinutes: z.number().int().min(5).max(240),
    minSlots: z.number().int().min(1).max(48),
    maxSlots: z.number().int().min(1).max(48),
    bookLeadMinutes: z.number().int().min(0).max(10_080),
    changeLeadMinutes: z.number().int().min(0).max(10_080),
    cancelLeadMinutes: z.number().int().min(0).max(10_080),
    advanceDays: z.number().int().min(0).max(365),
    bufferMinutes: z.number().int().min(0).max(240),
    capacity: z.number().int().min(1).max(50),
    weeklyQuota: z.number().int().min(0).max(100),
    needsApproval: z.boolean(),
    feePerSlotFen: z.number().int().min(0).max(10_000_000),
    noShowGraceMinutes: z.number().int().min(0).max(240),
    offerMinutes: z.number().int().min(1).max(1440),
    active: z.boolean(),
  }),
).extend({ version: z.number().int().positive() });
export type EditFacilityBody = z.infer<typeof editFacilityBody>;

export const facilitySchema = z.object({
  id: z.number(),
  projectId: z.number(),
  name: z.string(),
  kind: z.enum(FACILITY_KINDS),
  location: z.string(),
  openFrom: z.string(),
  openTo: z.string(),
  slotMinutes: z.number(),
  minSlots: z.number(),
  maxSlots: z.number(),
  bookLeadMinutes: z.number(),
  changeLeadMinutes: z.number(),
  cancelLeadMinutes: z.number(),
  advanceDays: z.number(),
  bufferMinutes: z.number(),
  capacity: z.number(),
  weeklyQuota: z.number(),
  needsApproval: z.boolean(),
  feePerSlotFen: z.number(),
  noShowGraceMinutes: z.number(),
  offerMinutes: z.number(),
  active: z.boolean(),
  version: z.number(),
});
export type Facility = z.infer<typeof facilitySchema>;
export const facilityListSchema = z.object({ items: z.array(facilitySchema) });

export const bookingBody = z.object({
  facilityId: z.number().int().positive(),
  unitId: z.number().int().positive(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  people: z.number().int().min(1).max(200).default(1),
  note: z.string().trim().max(200).default(''),
  /** Desk bookings: who booked (the portal uses the signed-in resident). */
  contactName: z.string().trim().max(30).default(''),
  contactPhone: z.string().trim().max(30).default(''),
});
export type BookingBody = z.infer<typeof bookingBody>;
export const portalBookingBody = bookingBody;
export const changeBookingBody = z.object({
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  version: z.number().int().positive(),
});
export type ChangeBookingBody = z.infer<typeof changeBookingBody>;
export const bookingDecisionBody = z.object({
  approve: z.boolean(),
  reason: z.string().trim().max(200).default(''),
});
export const bookingCancelBody = z.object({
  version: z.number().int().positive().optional(),
  reason: z.string().trim().max(200).default(''),
  /** The desk may cancel inside the cancel lead time (the facility is closed, say). */
  override: z.boolean().default(false),
});

export const bookingSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  facilityId: z.number(),
  facilityName: z.string(),
  unitId: z.number(),
  unitLabel: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  source: z.enum(['portal', 'desk', 'waitlist']),
  startsAt: isoTime,
  endsAt: isoTime,
  people: z.number(),
  note: z.string(),
  state: z.enum(BOOKING_STATES),
  feeFen: z.number(),
  /** The 场地使用费 bill (null when the booking has no fee). */
  billId: z.number().nullable(),
  checkedInAt: nullableTime,
  cancelledAt: nullableTime,
  createdAt: isoTime,
  version: z.number(),
});
export type Booking = z.infer<typeof bookingSchema>;
export const bookingPageSchema = page(bookingSchema);
export const bookingListQuery = z.object({
  projectId: z.coerce.number().int().positive().optional(),
  facilityId: z.coerce.number().int().positive().optional(),
  state: z.enum(BOOKING_STATES).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type BookingListQuery = z.infer<typeof bookingListQuery>;

export const waitlistBody = z.object({
  facilityId: z.number().int().positive(),
  unitId: z.number().int().positive(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
});
export const waitlistSchema = z.object({
  id: z.number(),
  facilityId: z.number(),
  facilityName: z.string(),
  unitId: z.number(),
  startsAt: isoTime,
  endsAt: isoTime,
  state: z.enum(WAITLIST_STATES),
  offerExpiresAt: nullableTime,
  bookingId: z.number().nullable(),
});
export type WaitlistEntry = z.infer<typeof waitlistSchema>;

/** The free slots of one day, for the booking grid. */
export const availabilityQuery = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
export const availabilitySchema = z.object({
  facilityId: z.number(),
  date: z.string(),
  slots: z.array(z.object({ startsAt: isoTime, endsAt: isoTime, free: z.number() })),
});
export type Availability = z.infer<typeof availabilitySchema>;

export const facilityUsageSchema = z.object({
  byFacility: z.array(
    z.object({ facilityId: z.number(), name: z.string(), bookings: z.number(), noShows: z.number() }),
  ),
});

export const portalBookingsSchema = z.object({
  facilities: z.array(facilitySchema),
  bookings: z.array(bookingSchema),
  waitlist: z.array(waitlistSchema),
});

import type { BookingState, FacilityKind, WaitlistState } from '@guanjia/shared/api';
import { boolean, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects, units } from '../org/schema';

/** A bookable resource (会所, 健身房, 场地) and the rules its bookings follow (§1.8). */
export const facilities = pgTable(
  'facilities',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    name: text('name').notNull(),
    kind: text('kind').$type<FacilityKind>().notNull(),
    location: text('location').notNull().default(''),
    openFrom: text('open_from').notNull(),
    openTo: text('open_to').notNull(),
    slotMinutes: integer('slot_minutes').notNull(),
    minSlots: integer('min_slots').notNull().default(1),
    maxSlots: integer('max_slots').notNull().default(4),
    bookLeadMinutes: integer('book_lead_minutes').notNull().default(0),
    changeLeadMinutes: integer('change_lead_minutes').notNull().default(60),
    cancelLeadMinutes: integer('cancel_lead_minutes').notNull().default(60),
    advanceDays: integer('advance_days').notNull().default(7),
    bufferMinutes: integer('buffer_minutes').notNull().default(0),
    capacity: integer('capacity').notNull().default(1),
    weeklyQuota: integer('weekly_quota').notNull().default(0),
    needsApproval: boolean('needs_approval').notNull().default(false),
    feePerSlotFen: integer('fee_per_slot_fen').notNull().default(0),
    noShowGraceMinutes: integer('no_show_grace_minutes').notNull().default(15),
    offerMinutes: integer('offer_minutes').notNull().default(30),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('facilities_project_name_uq').on(t.projectId, t.name)],
);
export type FacilityRow = typeof facilities.$inferSelect;

export const facilityBookings = pgTable(
  'facility_bookings',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    facilityId: ref('facility_id')
      .notNull()
      .references(() => facilities.id),
    unitId: ref('unit_id')
      .notNull()
      .references(() => units.id),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    /** The resident the portal booked for (reminders reach them); null for desk bookings without one. */
    residentId: ref('resident_id'),
    source: text('source').$type<'portal' | 'desk' | 'waitlist'>().notNull(),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    people: integer('people').notNull().default(1),
    note: text('note').notNull().default(''),
    state: text('state').$type<BookingState>().notNull(),
    /** The lane (0 … capacity-1) whose slots this booking claims. */
    lane: integer('lane').notNull().default(0),
    feeFen: integer('fee_fen').notNull().default(0),
    /** The 场地使用费 one-off bill of a booking with a fee (billing/charge-once.ts); paid at the desk. */
    billId: ref('bill_id'),
    checkedInAt: at('checked_in_at'),
    cancelledAt: at('cancelled_at'),
    remindedAt: at('reminded_at'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('facility_bookings_facility_idx').on(t.facilityId, t.startsAt),
    index('facility_bookings_project_idx').on(t.projectId, t.startsAt),
    index('facility_bookings_unit_idx').on(t.unitId, t.startsAt),
    index('facility_bookings_state_idx').on(t.state, t.startsAt),
  ],
);
export type BookingRow = typeof facilityBookings.$inferSelect;

/**
 * One row per slot unit a live booking holds (its buffer included), per lane. The unique index is what
 * makes overlapping bookings impossible in the database on both PostgreSQL and PGlite (an exclusion
 * constraint would need btree_gist, which PGlite lacks): two transactions claiming the same
 * facility × slot × lane cannot both commit. Freed slots (cancel, no-show) delete their claims.
 */
export const facilitySlotClaims = pgTable(
  'facility_slot_claims',
  {
    facilityId: ref('facility_id')
      .notNull()
      .references(() => facilities.id),
    slotAt: at('slot_at').notNull(),
    lane: integer('lane').notNull(),
    bookingId: ref('booking_id')
      .notNull()
      .references(() => facilityBookings.id, { onDelete: 'cascade' }),
  },
  (t) => [
    uniqueIndex('facility_slot_claims_uq').on(t.facilityId, t.slotAt, t.lane),
    index('facility_slot_claims_booking_idx').on(t.bookingId),
  ],
);

export const facilityWaitlist = pgTable(
  'facility_waitlist',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id').notNull(),
    facilityId: ref('facility_id')
      .notNull()
      .references(() => facilities.id),
    unitId: ref('unit_id')
      .notNull()
      .references(() => units.id),
    residentId: ref('resident_id'),
    contactPhone: text('contact_phone').notNull().default(''),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    state: text('state').$type<WaitlistState>().notNull().default('waiting'),
    offeredAt: at('offered_at'),
    offerExpiresAt: at('offer_expires_at'),
    bookingId: ref('booking_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('facility_waitlist_idx').on(t.facilityId, t.state, t.startsAt),
    index('facility_waitlist_unit_idx').on(t.unitId),
  ],
);
export type WaitlistRow = typeof facilityWaitlist.$inferSelect;

import type { DecorationState } from '@guanjia/shared/api';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema';
import { at, createdAt, id, ref, updatedAt, version } from '../../platform/db/columns';
import { projects, units } from '../org/schema';

/**
 * 装修 (W-14): one case per application, from the application to the deposit refund. Part of the
 * unit's archive (listed by unit). The deposit is kept here as its own record (amount, how and when it
 * was paid and refunded) with links to the 装修押金 bill, its payment and refund in billing, where the
 * money itself is kept (cashier reports and 日结 see it like any other desk payment).
 */
export const decorations = pgTable(
  'decorations',
  {
    id: id(),
    companyId: ref('company_id').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id),
    unitId: ref('unit_id')
      .notNull()
      .references(() => units.id),
    number: text('number').notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantPhone: text('applicant_phone').notNull(),
    company: text('company').notNull().default(''),
    companyLicence: text('company_licence').notNull().default(''),
    foreman: text('foreman').notNull().default(''),
    foremanPhone: text('foreman_phone').notNull().default(''),
    scope: text('scope').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    planUploadIds: jsonb('plan_upload_ids').$type<number[]>().notNull().default([]),
    state: text('state').$type<DecorationState>().notNull().default('applied'),
    source: text('source').$type<'desk' | 'portal'>().notNull().default('desk'),
    agreementSignedAt: at('agreement_signed_at'),
    agreementSignedBy: text('agreement_signed_by'),
    depositFen: integer('deposit_fen').notNull().default(0),
    depositMethod: text('deposit_method'),
    depositPaidAt: at('deposit_paid_at'),
    depositRefundedAt: at('deposit_refunded_at'),
    /** The 装修押金 one-off bill (billing/charge-once.ts), its desk payment and its refund after acceptance. */
    depositBillId: ref('deposit_bill_id'),
    depositPaymentId: ref('deposit_payment_id'),
    depositRefundId: ref('deposit_refund_id'),
    seepageTestAt: at('seepage_test_at'),
    seepagePassed: boolean('seepage_passed'),
    seepageOwnerSigned: boolean('seepage_owner_signed'),
    seepageNote: text('seepage_note').notNull().default(''),
    waterTestStartedAt: at('water_test_started_at'),
    waterTestEndedAt: at('water_test_ended_at'),
    waterTestResult: text('water_test_result').$type<'pass' | 'fail'>(),
    waterTestNote: text('water_test_note').notNull().default(''),
    createdBy: ref('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('decorations_number_uq').on(t.companyId, t.number),
    index('decorations_project_state_idx').on(t.projectId, t.state),
    index('decorations_unit_idx').on(t.unitId),
  ],
);
export type DecorationRow = typeof decorations.$inferSelect;

/** 装修工人出入证: each worker's pass code, valid while the site is active and until its end date. */
export const decorationWorkers = pgTable(
  'decoration_workers',
  {
    id: id(),
    decorationId: ref('decoration_id')
      .notNull()
      .references(() => decorations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    idNumber: text('id_number').notNull().default(''),
    phone: text('phone').notNull().default(''),
    trade: text('trade').notNull().default(''),
    passCode: text('pass_code').notNull(),
    revoked: boolean('revoked').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('decoration_workers_code_uq').on(t.passCode),
    index('decoration_workers_idx').on(t.decorationId),
  ],
);
export type DecorationWorkerRow = typeof decorationWorkers.$inferSelect;

/** 装修巡查: one task a day per active site ("装修现场必须每日巡查1次"); findings open 整改通知单. */
export const decorationInspections = pgTable(
  'decoration_inspections',
  {
    id: id(),
    decorationId: ref('decoration_id')
      .notNull()
      .references(() => decorations.id, { onDelete: 'cascade' }),
    projectId: ref('project_id').notNull(),
    day: text('day').notNull(),
    state: text('state').$type<'open' | 'done' | 'missed'>().notNull().default('open'),
    ok: boolean('ok'),
    note: text('note').notNull().default(''),
    rectificationIds: jsonb('rectification_ids').$type<number[]>().notNull().default([]),
    doneBy: ref('done_by').references(() => users.id),
    doneAt: at('done_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('decoration_inspections_day_uq').on(t.decorationId, t.day),
    index('decoration_inspections_project_idx').on(t.projectId, t.day, t.state),
  ],
);
export type DecorationInspectionRow = typeof decorationInspections.$inferSelect;

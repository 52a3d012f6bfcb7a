import { z } from 'zod';
import {
  ATTEMPT_CHANNELS,
  ATTEMPT_OUTCOMES,
  ATTEMPT_STATUSES,
  BILLING_REPORT_KINDS,
  CAMPAIGN_CHANNELS,
  COLLECTION_TASK_KINDS,
  COLLECTION_TASK_STATUSES,
  MANUAL_OUTCOMES,
  PROMISE_STATES,
} from '../collection';
import { isoDate, isoTime, itemsOf, nullableTime, page } from './common';

/**
 * 催缴 and arrears (issue 15): requests and answers of /api/arrears, /api/units/:id/arrears,
 * /api/collection-campaigns, /api/collection-attempts, /api/door-collections, /api/bills/:id/dispute,
 * /api/reports/billing and the portal's /api/portal/collection-messages. Money is integer 分.
 */

const id = z.coerce.number().int().positive();
const fen = z.number().int();
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const xlsx = z.enum(['json', 'xlsx']).default('json');

// ---- requests ------------------------------------------------------------------------------------

export const arrearsQuery = z.object({
  projectId: id,
  buildingId: id.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  format: xlsx,
});

export const campaignLevelInput = z.object({
  level: z.number().int().min(1).max(9),
  days: z.number().int().min(1).max(3650),
  channel: z.enum(CAMPAIGN_CHANNELS),
  task: z.boolean().default(false),
});
const levelsInput = z
  .array(campaignLevelInput)
  .min(1)
  .max(9)
  .refine((ls) => new Set(ls.map((l) => l.level)).size === ls.length, 'levels must be distinct')
  .refine(
    (ls) =>
      [...ls]
        .sort((a, b) => a.level - b.level)
        .every((l, i, all) => i === 0 || l.days > (all[i - 1]?.days ?? 0)),
    'a higher level needs more days overdue',
  );

export const createCampaignBody = z.object({
  projectId: z.number().int().positive(),
  name: z.string().trim().min(1).max(60),
  /** Omitted: the project's default levels (billing.collectionLevelDays). */
  levels: levelsInput.optional(),
  /** 分; omitted: billing.collectionMinAmount. */
  minAmount: z.number().int().min(0).max(100_000_000).optional(),
  active: z.boolean().default(true),
});
export const editCampaignBody = z.object({
  version: z.number().int().positive(),
  name: z.string().trim().min(1).max(60).optional(),
  levels: levelsInput.optional(),
  minAmount: z.number().int().min(0).max(100_000_000).optional(),
  active: z.boolean().optional(),
});
export const campaignListQuery = z.object({ projectId: id.optional() });

export const attemptListQuery = z.object({
  projectId: id.optional(),
  unitId: id.optional(),
  channel: z.enum(ATTEMPT_CHANNELS).optional(),
  outcome: z.enum(ATTEMPT_OUTCOMES).optional(),
  status: z.enum(ATTEMPT_STATUSES).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  format: xlsx,
});

/** An agent logs the result of a call they made (or a visit); a promise needs its date. */
export const logAttemptBody = z
  .object({
    unitId: z.number().int().positive(),
    channel: z.enum(['manual_call', 'visit']).default('manual_call'),
    outcome: z.enum(MANUAL_OUTCOMES),
    residentId: z.number().int().positive().optional(),
    promisedDate: ymd.optional(),
    promisedAmount: z.number().int().positive().max(100_000_000).optional(),
    note: z.string().trim().max(500).default(''),
  })
  .refine((b) => b.outcome !== 'promised' || !!b.promisedDate, {
    message: 'a promise needs its date',
    path: ['promisedDate'],
  });

export const doorListQuery = z.object({
  projectId: id.optional(),
  status: z.enum(COLLECTION_TASK_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const createDoorBody = z.object({
  unitId: z.number().int().positive(),
  agreedAt: z.iso.datetime({ offset: true }),
  contactName: z.string().trim().min(1).max(40),
  contactPhone: z.string().trim().max(30).default(''),
  assigneeId: z.number().int().positive().optional(),
  note: z.string().trim().max(500).default(''),
});
export const assignDoorBody = z.object({
  version: z.number().int().positive(),
  assigneeId: z.number().int().positive(),
});
export const doneDoorBody = z.object({
  version: z.number().int().positive(),
  result: z.string().trim().min(1).max(500),
  cancelled: z.boolean().default(false),
});

export const disputeBody = z.object({
  disputed: z.boolean(),
  reason: z.string().trim().min(1).max(300),
});

export const contactWindowInput = z.object({
  weekdays: z.array(z.number().int().min(0).max(6)).min(1).max(7),
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
  end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM'),
});
export const contactWindowsBody = z.object({ windows: z.array(contactWindowInput).max(7) });

export const billingReportQuery = z.object({
  projectId: id,
  kind: z.enum(BILLING_REPORT_KINDS),
  from: month.optional(),
  to: month.optional(),
  format: xlsx,
});

// ---- answers -------------------------------------------------------------------------------------

export const agingSchema = z.object({
  d0_30: fen,
  d31_90: fen,
  d91_180: fen,
  d181_365: fen,
  d365_plus: fen,
});
export type Aging = z.infer<typeof agingSchema>;

export const rateSchema = z.object({
  period: z.string(),
  billed: fen,
  collected: fen,
  rate: z.number().nullable(),
  households: z.number().int(),
  settledHouseholds: z.number().int(),
  householdRate: z.number().nullable(),
});
export type CollectionRate = z.infer<typeof rateSchema>;

export const arrearsBuildingSchema = z.object({
  buildingId: z.number(),
  buildingName: z.string(),
  owingUnits: z.number().int(),
  owed: fen,
  aging: agingSchema,
  rate: rateSchema,
});

export const arrearsUnitSchema = z.object({
  unitId: z.number(),
  unitLabel: z.string(),
  buildingId: z.number(),
  buildingName: z.string(),
  ownerName: z.string().nullable(),
  owed: fen,
  disputedOwed: fen,
  bills: z.number().int(),
  oldestDueDate: isoDate,
  daysOverdue: z.number().int(),
  lastAttemptAt: nullableTime,
  lastOutcome: z.enum(ATTEMPT_OUTCOMES).nullable(),
  level: z.number().int().nullable(),
});
export type ArrearsUnit = z.infer<typeof arrearsUnitSchema>;

export const arrearsReportSchema = z.object({
  projectId: z.number(),
  asOf: isoDate,
  owed: fen,
  owingUnits: z.number().int(),
  aging: agingSchema,
  rate: rateSchema,
  buildings: z.array(arrearsBuildingSchema),
  units: page(arrearsUnitSchema),
});
export type ArrearsReport = z.infer<typeof arrearsReportSchema>;

export const collectionAttemptSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  unitId: z.number(),
  unitLabel: z.string(),
  residentId: z.number().nullable(),
  residentName: z.string().nullable(),
  campaignId: z.number().nullable(),
  level: z.number().nullable(),
  channel: z.enum(ATTEMPT_CHANNELS),
  status: z.enum(ATTEMPT_STATUSES),
  outcome: z.enum(ATTEMPT_OUTCOMES).nullable(),
  scheduledAt: isoTime,
  attemptedAt: nullableTime,
  owedAmount: fen,
  daysOverdue: z.number().int(),
  promisedDate: isoDate.nullable(),
  promisedAmount: fen.nullable(),
  promiseState: z.enum(PROMISE_STATES).nullable(),
  byId: z.number().nullable(),
  byName: z.string().nullable(),
  note: z.string(),
  message: z.string(),
  taskId: z.number().nullable(),
  /** A letter level's 催缴通知书, printable at /api/collection-attempts/:id/letter.pdf. */
  hasLetter: z.boolean(),
});
export type CollectionAttempt = z.infer<typeof collectionAttemptSchema>;
export const collectionAttemptPageSchema = page(collectionAttemptSchema);

export const collectionTaskSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  unitId: z.number(),
  unitLabel: z.string(),
  kind: z.enum(COLLECTION_TASK_KINDS),
  status: z.enum(COLLECTION_TASK_STATUSES),
  assigneeId: z.number().nullable(),
  assigneeName: z.string().nullable(),
  agreedAt: nullableTime,
  contactName: z.string(),
  /** Masked without pii.view. */
  contactPhone: z.string(),
  note: z.string(),
  result: z.string(),
  createdAt: isoTime,
  doneAt: nullableTime,
  version: z.number(),
});
export type CollectionTask = z.infer<typeof collectionTaskSchema>;
export const collectionTaskPageSchema = page(collectionTaskSchema);

export const unitArrearsBillSchema = z.object({
  id: z.number(),
  period: z.string(),
  dueDate: isoDate,
  billed: fen,
  adjusted: fen,
  paid: fen,
  balance: fen,
  disputed: z.boolean(),
  daysOverdue: z.number().int(),
  version: z.number(),
});

/** A unit's arrears for the screen pop and the resident 360, and its collection history (W-23). */
export const unitArrearsSchema = z.object({
  unitId: z.number(),
  unitLabel: z.string(),
  projectId: z.number(),
  owed: fen,
  disputedOwed: fen,
  daysOverdue: z.number().int(),
  aging: agingSchema,
  bills: z.array(unitArrearsBillSchema),
  openPromise: z.object({ date: isoDate, amount: fen.nullable() }).nullable(),
  attempts: z.array(collectionAttemptSchema),
  tasks: z.array(collectionTaskSchema),
});
export type UnitArrears = z.infer<typeof unitArrearsSchema>;

export const campaignSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  name: z.string(),
  levels: z.array(
    z.object({ level: z.number(), days: z.number(), channel: z.enum(CAMPAIGN_CHANNELS), task: z.boolean() }),
  ),
  minAmount: fen,
  active: z.boolean(),
  createdAt: isoTime,
  updatedAt: isoTime,
  version: z.number(),
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignListSchema = itemsOf(campaignSchema);

export const disputeResultSchema = z.object({ id: z.number(), disputed: z.boolean(), version: z.number() });
export const contactWindowsSchema = z.object({
  residentId: z.number(),
  windows: z.array(z.object({ weekdays: z.array(z.number()), start: z.string(), end: z.string() })),
});

const rateRow = rateSchema.extend({ buildingId: z.number().nullable(), buildingName: z.string() });
const agingRow = agingSchema.extend({
  buildingId: z.number(),
  buildingName: z.string(),
  owingUnits: z.number().int(),
  total: fen,
});
const campaignRow = z.object({
  level: z.number().nullable(),
  channel: z.enum(ATTEMPT_CHANNELS),
  attempts: z.number().int(),
  reached: z.number().int(),
  promised: z.number().int(),
  kept: z.number().int(),
  broken: z.number().int(),
  refused: z.number().int(),
  /** Units that paid something after the attempt, and how much (分). */
  paidAfter: z.number().int(),
  paidAmountAfter: fen,
});
const incomeRow = z.object({
  month: z.string(),
  feeItemId: z.number(),
  feeItemName: z.string(),
  amount: fen,
});

export const billingReportSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('collection-rate'), from: z.string(), to: z.string(), rows: z.array(rateRow) }),
  z.object({ kind: z.literal('aging'), from: z.string(), to: z.string(), rows: z.array(agingRow) }),
  z.object({ kind: z.literal('campaigns'), from: z.string(), to: z.string(), rows: z.array(campaignRow) }),
  z.object({
    kind: z.literal('income-by-fee-item'),
    from: z.string(),
    to: z.string(),
    /** false until the payments tables are merged (allocations join bill lines). */
    available: z.boolean(),
    rows: z.array(incomeRow),
  }),
]);
export type BillingReport = z.infer<typeof billingReportSchema>;

export const portalCollectionMessageSchema = z.object({
  id: z.number(),
  at: isoTime,
  unitLabel: z.string(),
  channel: z.enum(ATTEMPT_CHANNELS),
  message: z.string(),
  owedAmount: fen,
});
export const portalCollectionMessagesSchema = itemsOf(portalCollectionMessageSchema);

/** POST /api/opening-arrears: 历史欠费 imported, with the row errors (row number, column, message). */
export const openingImportSchema = z.object({
  totalRows: z.number().int(),
  created: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
});
export type OpeningImport = z.infer<typeof openingImportSchema>;
export const openingImportQuery = z.object({ projectId: id });

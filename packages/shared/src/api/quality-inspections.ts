/**
 * 品质检查 (issue 18): request and answer schemas of /api/score-sheets, /api/inspection-plans,
 * /api/inspections, /api/rectifications, /api/quality-campaigns and /api/reports/quality (R17).
 */
import { z } from 'zod';
import {
  CAMPAIGN_BANDS,
  CAMPAIGN_ROLES,
  INSPECTION_MODES,
  INSPECTION_STATES,
  PLAN_RECURRENCES,
  SHEET_KINDS,
  SHEET_RULES,
  SHEET_SCOPES,
} from '../quality-inspections';
import { NONCONFORMANCE_TYPES } from '../rectifications';
import { isoDate, isoTime, nullableTime, page } from './common';

const id = z.coerce.number().int().positive();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const sheetItem = z.object({
  key: z.string().min(1).max(40),
  title: z.string().min(1).max(200),
  /** The standard's full wording (服务标准内容). */
  standard: z.string().max(2000).default(''),
  points: z.number().min(0).max(100),
  rule: z.enum(SHEET_RULES),
  /** What the inspector samples or looks at (抽查内容). */
  check: z.string().max(500).default(''),
  /** The ISO non-conformance type a defect of this item usually is (§6.11). */
  ncType: z.enum(NONCONFORMANCE_TYPES).nullable().default(null),
});
export type SheetItem = z.infer<typeof sheetItem>;
export const sheetSection = z.object({
  key: z.string().min(1).max(40),
  title: z.string().min(1).max(100),
  items: z.array(sheetItem).min(1).max(200),
});
export type SheetSection = z.infer<typeof sheetSection>;

export const scoreSheetSchema = z.object({
  id: z.number(),
  scope: z.enum(SHEET_SCOPES),
  projectId: z.number().nullable(),
  code: z.string(),
  kind: z.enum(SHEET_KINDS),
  name: z.string(),
  description: z.string(),
  sheetVersion: z.number(),
  current: z.boolean(),
  parentId: z.number().nullable(),
  fullPoints: z.number(),
  sections: z.array(sheetSection),
  createdAt: isoTime,
});
export type ScoreSheet = z.infer<typeof scoreSheetSchema>;
export const scoreSheetListQuery = z.object({
  /** The sheets in effect for this project (its copy, else the company's, else the default). */
  projectId: id.optional(),
  kind: z.enum(SHEET_KINDS).optional(),
});
export const scoreSheetList = z.object({ items: z.array(scoreSheetSchema) });
/** Copy a sheet to the company (no projectId) or a project, to adapt it there. */
export const scoreSheetCopyBody = z.object({ projectId: id.optional() });
/** A new version of a company or project sheet; the default stays as seeded. */
export const scoreSheetVersionBody = z.object({
  name: z.string().min(1).max(100).optional(),
  description: z.string().max(2000).optional(),
  sections: z.array(sheetSection).min(1).max(50),
  /** The version the editor read: a newer one answers 409. */
  sheetVersion: z.number().int().positive(),
});

export const itemScoreSchema = z.object({
  key: z.string(),
  points: z.number(),
  score: z.number(),
  deduction: z.number(),
  defects: z.number(),
  applicable: z.boolean(),
  months: z.array(z.object({ month: z.string(), defects: z.number(), score: z.number() })).optional(),
});
export const sheetScoreSchema = z.object({
  sections: z.array(
    z.object({ key: z.string(), points: z.number(), score: z.number(), items: z.array(itemScoreSchema) }),
  ),
  fullPoints: z.number(),
  applicablePoints: z.number(),
  rawScore: z.number(),
  total: z.number(),
  percent: z.number(),
  vetoed: z.boolean(),
});
export type SheetScoreView = z.infer<typeof sheetScoreSchema>;

export const findingSchema = z.object({
  id: z.number(),
  itemKey: z.string(),
  count: z.number(),
  month: z.string().nullable(),
  note: z.string(),
  location: z.string().nullable(),
  photoIds: z.array(z.number()),
  ncType: z.enum(NONCONFORMANCE_TYPES).nullable(),
  subjectUserId: z.number().nullable(),
  subjectName: z.string().nullable(),
  departmentId: z.number().nullable(),
  ownerId: z.number().nullable(),
  deadline: nullableTime,
  rectificationId: z.number().nullable(),
  createdAt: isoTime,
});
export type Finding = z.infer<typeof findingSchema>;

export const inspectionSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  projectName: z.string(),
  sheetId: z.number(),
  sheetName: z.string(),
  sheetVersion: z.number(),
  planId: z.number().nullable(),
  mode: z.enum(INSPECTION_MODES),
  state: z.enum(INSPECTION_STATES),
  title: z.string(),
  inspectorId: z.number(),
  inspectorName: z.string(),
  departmentId: z.number().nullable(),
  departmentName: z.string().nullable(),
  zoneId: z.number().nullable(),
  area: z.string(),
  scheduledAt: nullableTime,
  startedAt: nullableTime,
  submittedAt: nullableTime,
  sampledMonths: z.array(z.string()),
  notApplicable: z.array(z.string()),
  total: z.number().nullable(),
  percent: z.number().nullable(),
  version: z.number(),
});
export type Inspection = z.infer<typeof inspectionSchema>;
export const inspectionDetailSchema = inspectionSchema.extend({
  sheet: scoreSheetSchema,
  findings: z.array(findingSchema),
  /** Live while in progress (the rules on the findings so far), frozen at submit. */
  scores: sheetScoreSchema,
});
export type InspectionDetail = z.infer<typeof inspectionDetailSchema>;
export const inspectionPage = page(inspectionSchema);

export const inspectionInput = z.object({
  sheetId: id,
  projectId: id,
  mode: z.enum(INSPECTION_MODES).default('open'),
  title: z.string().max(200).default(''),
  departmentId: id.optional(),
  zoneId: id.optional(),
  area: z.string().max(200).default(''),
  /** Q112: the sampled months; drawn at random when left out. */
  sampledMonths: z.array(month).max(12).optional(),
  scheduledAt: z.iso.datetime({ offset: true }).optional(),
});
export type InspectionInput = z.infer<typeof inspectionInput>;
export const inspectionListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  projectId: id.optional(),
  state: z.enum(INSPECTION_STATES).optional(),
  mode: z.enum(INSPECTION_MODES).optional(),
  sheetId: id.optional(),
  mine: z.enum(['true', 'false']).optional(),
  format: z.enum(['json', 'xlsx']).optional(),
});
export const inspectionPatch = z.object({
  version: z.number().int().positive(),
  sampledMonths: z.array(month).max(12).optional(),
  notApplicable: z.array(z.string().max(40)).max(500).optional(),
  area: z.string().max(200).optional(),
});
export const findingInput = z.object({
  itemId: z.string().min(1).max(40),
  count: z.number().int().min(1).max(100).default(1),
  month: month.optional(),
  note: z.string().min(1).max(1000),
  location: z.string().max(200).optional(),
  photoIds: z.array(z.number().int().positive()).max(12).default([]),
  ncType: z.enum(NONCONFORMANCE_TYPES).optional(),
  subjectUserId: id.optional(),
  departmentId: id.optional(),
  ownerId: id.optional(),
  /** The fix's deadline; by default the project's rectification period (9S: minutes, Q21). */
  deadline: isoTime.optional(),
});
export type FindingInput = z.infer<typeof findingInput>;
export const findingParams = z.object({ id, findingId: id });

export const inspectionPlanSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  title: z.string(),
  sheetCode: z.string(),
  inspectorId: z.number(),
  inspectorName: z.string(),
  departmentId: z.number().nullable(),
  zoneId: z.number().nullable(),
  area: z.string(),
  recurrence: z.enum(PLAN_RECURRENCES),
  weekday: z.number().nullable(),
  time: z.string(),
  startsOn: isoDate,
  endsOn: isoDate.nullable(),
  active: z.boolean(),
  version: z.number(),
});
export type InspectionPlan = z.infer<typeof inspectionPlanSchema>;
export const inspectionPlanInput = z.object({
  projectId: id,
  title: z.string().min(1).max(200),
  sheetCode: z.string().min(1).max(60),
  inspectorId: id,
  departmentId: id.optional(),
  zoneId: id.optional(),
  area: z.string().max(200).default(''),
  recurrence: z.enum(PLAN_RECURRENCES),
  weekday: z.number().int().min(1).max(7).optional(),
  time: hhmm,
  startsOn: ymd,
  endsOn: ymd.optional(),
});
export const inspectionPlanPatch = z.object({ version: z.number().int().positive(), active: z.boolean() });
export const inspectionPlanListQuery = z.object({ projectId: id.optional() });

// ── 品质提升专项 (W-21) ──
export const campaignPhase = z.object({
  key: z.string().min(1).max(40),
  title: z.string().min(1).max(100),
  milestones: z
    .array(z.object({ title: z.string().min(1).max(300), due: ymd, done: z.boolean().default(false) }))
    .max(50),
});
export const campaignUnitSchema = z.object({
  departmentId: z.number(),
  departmentName: z.string(),
  managerId: z.number().nullable(),
  supervisorId: z.number().nullable(),
  leadId: z.number().nullable(),
  inspectionId: z.number().nullable(),
  score: z.number().nullable(),
});
export const qualityCampaignSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  projectName: z.string(),
  title: z.string(),
  phases: z.array(campaignPhase),
  ownerId: z.number().nullable(),
  units: z.array(campaignUnitSchema),
  createdAt: isoTime,
  version: z.number(),
});
export type QualityCampaign = z.infer<typeof qualityCampaignSchema>;
export const campaignList = z.object({ items: z.array(qualityCampaignSchema) });
export const qualityCampaignListQuery = z.object({ projectId: id.optional() });
export const campaignInput = z.object({
  projectId: id,
  title: z.string().min(1).max(200),
  /** The phases and milestones; the seed's template (Q119) in the given year when left out. */
  phases: z.array(campaignPhase).max(10).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  ownerId: id.optional(),
  units: z
    .array(
      z.object({
        departmentId: id,
        managerId: id.optional(),
        supervisorId: id.optional(),
        leadId: id.optional(),
      }),
    )
    .max(50)
    .default([]),
});
export const campaignPatch = z.object({
  version: z.number().int().positive(),
  title: z.string().min(1).max(200).optional(),
  phases: z.array(campaignPhase).max(10).optional(),
});
export const campaignScoreBody = z.object({
  departmentId: id,
  /** The acceptance score on the 100-point scale, or the inspection whose percent it takes. */
  score: z.number().min(0).max(100).optional(),
  inspectionId: id.optional(),
});
export const campaignResultRow = z.object({
  departmentId: z.number(),
  departmentName: z.string(),
  score: z.number().nullable(),
  band: z.enum(CAMPAIGN_BANDS).nullable(),
  people: z.array(
    z.object({
      role: z.enum(CAMPAIGN_ROLES),
      userId: z.number().nullable(),
      name: z.string().nullable(),
      /** Signed, in 分: a penalty is negative. */
      amount: z.number(),
    }),
  ),
  teamAward: z.number(),
});
export const campaignResults = z.object({
  campaignId: z.number(),
  title: z.string(),
  rows: z.array(campaignResultRow),
  totals: z.object({ rewards: z.number(), penalties: z.number(), teamAwards: z.number() }),
});
export type CampaignResults = z.infer<typeof campaignResults>;
export const campaignResultsQuery = z.object({ format: z.enum(['json', 'xlsx']).optional() });

// ── R17 ──
export const qualityReportQuery = z.object({
  projectId: id.optional(),
  from: ymd.optional(),
  to: ymd.optional(),
  format: z.enum(['json', 'xlsx']).optional(),
});
export const qualityReportSchema = z.object({
  from: isoDate,
  to: isoDate,
  sheets: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      inspections: z.number(),
      avgPercent: z.number().nullable(),
    }),
  ),
  months: z.array(
    z.object({ month: z.string(), inspections: z.number(), avgPercent: z.number().nullable() }),
  ),
  items: z.array(
    z.object({
      sheetName: z.string(),
      sectionTitle: z.string(),
      itemTitle: z.string(),
      defects: z.number(),
      deduction: z.number(),
    }),
  ),
  departments: z.array(
    z.object({
      departmentId: z.number(),
      name: z.string(),
      inspections: z.number(),
      avgPercent: z.number().nullable(),
    }),
  ),
  zones: z.array(
    z.object({
      zoneId: z.number(),
      name: z.string(),
      inspections: z.number(),
      avgPercent: z.number().nullable(),
      rank: z.number(),
    }),
  ),
  rectifications: z.object({
    total: z.number(),
    closed: z.number(),
    closedOnTime: z.number(),
    onTimeRate: z.number().nullable(),
    rechecks: z.number(),
    rechecksPassed: z.number(),
    passRate: z.number().nullable(),
    overdueOpen: z.number(),
  }),
  ncTypes: z.array(z.object({ ncType: z.enum(NONCONFORMANCE_TYPES), count: z.number() })),
  nines: z.array(
    z.object({
      userId: z.number(),
      name: z.string(),
      month: z.string(),
      count: z.number(),
      flagged: z.boolean(),
      points: z.number(),
    }),
  ),
});
export type QualityReport = z.infer<typeof qualityReportSchema>;

import { z } from 'zod';
import { isoDate, isoTime, nullableTime, page } from './common';
import { patchOf } from './patch-schema';

/** 维保单位 / 分包方 (W-27): contractors, contracts, sign-ins against a task or work order, monthly scores. */

export const EVALUATION_GRADES = ['优秀', '合格', '待改进', '不合格'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-12-06');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month like 2026-11');
const pageFields = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const contractorContactSchema = z.object({
  name: z.string().trim().min(1).max(30),
  phone: z.string().trim().min(3).max(30),
  role: z.string().trim().max(30).default(''),
});

export const createContractorBody = z.object({
  projectId: z.number().int().positive(),
  name: z.string().trim().min(1).max(60),
  /** 电梯维保, 消防维保, 绿化外包 … */
  trade: z.string().trim().min(1).max(30),
  systems: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  contacts: z.array(contractorContactSchema).max(10).default([]),
  /** 现场负责人证照留底: what is on file (licence numbers, certificates). */
  credentials: z.string().trim().max(500).default(''),
});
export type CreateContractorBody = z.infer<typeof createContractorBody>;
export const editContractorBody = patchOf(createContractorBody.omit({ projectId: true })).extend({
  version: z.number().int().positive(),
  active: z.boolean().optional(),
});
export type EditContractorBody = z.infer<typeof editContractorBody>;

export const contractBody = z
  .object({
    title: z.string().trim().min(1).max(60),
    scope: z.string().trim().max(500).default(''),
    startsOn: day,
    endsOn: day,
    /** 分. */
    amountFen: z.number().int().min(0).max(100_000_000_000),
    systems: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  })
  .refine((c) => c.endsOn >= c.startsOn, { message: 'the end must be after the start', path: ['endsOn'] });
export type ContractBody = z.infer<typeof contractBody>;

export const contractSchema = z.object({
  id: z.number(),
  contractorId: z.number(),
  title: z.string(),
  scope: z.string(),
  startsOn: isoDate,
  endsOn: isoDate,
  amountFen: z.number(),
  systems: z.array(z.string()),
  /** Days until it ends on the project's calendar (negative once ended). */
  daysLeft: z.number(),
  /** Within the reminder period before its end (contractors.expiryReminderDays). */
  expiring: z.boolean(),
});
export type Contract = z.infer<typeof contractSchema>;

export const contractorSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  name: z.string(),
  trade: z.string(),
  systems: z.array(z.string()),
  contacts: z.array(z.object({ name: z.string(), phone: z.string(), role: z.string() })),
  credentials: z.string(),
  active: z.boolean(),
  contracts: z.array(contractSchema),
  lastScore: z.number().nullable(),
  lastGrade: z.enum(EVALUATION_GRADES).nullable(),
  updatedAt: isoTime,
  version: z.number(),
});
export type Contractor = z.infer<typeof contractorSchema>;
export const contractorPageSchema = page(contractorSchema);
export const contractorListQuery = z.object({
  projectId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(60).optional(),
  ...pageFields,
});

export const createVisitBody = z
  .object({
    projectId: z.number().int().positive(),
    contractorId: z.number().int().positive(),
    visitorName: z.string().trim().min(1).max(30),
    headcount: z.number().int().min(1).max(100).default(1),
    purpose: z.string().trim().min(1).max(200),
    /** The inspection task the visit is for (the assets module's task; no foreign key). */
    inspectionTaskId: z.number().int().positive().nullish(),
    workOrderNumber: z.string().trim().max(40).nullish(),
    safetyBriefing: z.boolean().default(false),
    /** Our technician present (elevator maintenance is witnessed, §3.8). */
    escortId: z.number().int().positive().nullish(),
    note: z.string().trim().max(200).default(''),
  })
  .refine((v) => v.inspectionTaskId || v.workOrderNumber, {
    message: 'a visit is signed in against a task or a work order',
    path: ['workOrderNumber'],
  });
export type CreateVisitBody = z.infer<typeof createVisitBody>;
export const signOutBody = z.object({
  /** 完工场地检查: the site was checked after the work. */
  siteChecked: z.boolean(),
  note: z.string().trim().max(200).optional(),
});
export const visitListQuery = z.object({
  projectId: z.coerce.number().int().positive().optional(),
  contractorId: z.coerce.number().int().positive().optional(),
  month: month.optional(),
  ...pageFields,
});
export const visitSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  contractorId: z.number(),
  contractorName: z.string(),
  visitorName: z.string(),
  headcount: z.number(),
  purpose: z.string(),
  inspectionTaskId: z.number().nullable(),
  workOrderNumber: z.string().nullable(),
  safetyBriefing: z.boolean(),
  siteChecked: z.boolean().nullable(),
  escortId: z.number().nullable(),
  escortName: z.string().nullable(),
  signedInAt: isoTime,
  signedOutAt: nullableTime,
  note: z.string(),
});
export type ContractorVisit = z.infer<typeof visitSchema>;
export const visitPageSchema = page(visitSchema);

export const evaluationItemSchema = z.object({
  key: z.string().min(1).max(30),
  label: z.string().min(1).max(40),
  weight: z.number().int().min(1).max(100),
});
export type EvaluationItem = z.infer<typeof evaluationItemSchema>;

export const createEvaluationBody = z.object({
  contractorId: z.number().int().positive(),
  month,
  scores: z.record(z.string(), z.number().min(0).max(100)),
  note: z.string().trim().max(500).default(''),
});
export type CreateEvaluationBody = z.infer<typeof createEvaluationBody>;
export const editEvaluationBody = z.object({
  version: z.number().int().positive(),
  scores: z.record(z.string(), z.number().min(0).max(100)).optional(),
  note: z.string().trim().max(500).optional(),
});
export const evaluationListQuery = z.object({
  projectId: z.coerce.number().int().positive().optional(),
  contractorId: z.coerce.number().int().positive().optional(),
  month: month.optional(),
  ...pageFields,
});
export const evaluationSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  contractorId: z.number(),
  contractorName: z.string(),
  month: z.string(),
  items: z.array(evaluationItemSchema.extend({ score: z.number() })),
  total: z.number(),
  grade: z.enum(EVALUATION_GRADES),
  /** Share of the month's fee paid at settlement (W-27: the evaluation feeds the settlement). */
  settlementPercent: z.number(),
  note: z.string(),
  evaluatedByName: z.string().nullable(),
  createdAt: isoTime,
  version: z.number(),
});
export type ContractorEvaluation = z.infer<typeof evaluationSchema>;
export const evaluationPageSchema = page(evaluationSchema);
export const suggestQuery = z.object({ contractorId: z.coerce.number().int().positive(), month });
export const evaluationSuggestionSchema = z.object({
  items: z.array(evaluationItemSchema.extend({ score: z.number(), basis: z.string() })),
  visits: z.number(),
});

export const contractorMonthSummarySchema = z.object({
  month: z.string(),
  contractors: z.array(
    z.object({
      contractorId: z.number(),
      name: z.string(),
      trade: z.string(),
      visits: z.number(),
      total: z.number().nullable(),
      grade: z.enum(EVALUATION_GRADES).nullable(),
    }),
  ),
  averageScore: z.number().nullable(),
});
export type ContractorMonthSummary = z.infer<typeof contractorMonthSummarySchema>;

/**
 * 走访 and 业主关怀 (issue 19, W-11, W-32, R08): visits, the visit plan's suggestions, move-in visits,
 * the project head's monthly quota, coverage, and the owner-care calendar with seasonal campaigns.
 */
import { z } from 'zod';
import { isoDate, isoTime, itemsOf, nullableTime, page } from './common';

export const VISIT_PURPOSES = [
  '报修回访',
  '投诉回访',
  '入住回访',
  '关怀',
  '意见征询',
  '活动邀请',
  '季节服务',
] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];
export const VISIT_METHODS = ['上门', '电话'] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];
export const VISIT_STATUSES = ['planned', 'confirmed', 'visited', 'absent', 'refused', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const VISIT_OUTCOMES = ['visited', 'absent', 'refused'] as const;
/** Where a visit came from: a person, a move-in date (Q86/Q87), a care campaign, or the plan. */
export const VISIT_SOURCES = ['manual', 'move_in', 'care', 'plan'] as const;
export type VisitSource = (typeof VISIT_SOURCES)[number];

const day = isoDate.regex(/^\d{4}-\d{2}-\d{2}$/);
const userIds = z.array(z.number().int().positive()).min(1).max(5);

export const visitInput = z.object({
  projectId: z.number().int().positive(),
  unitId: z.number().int().positive(),
  purpose: z.enum(VISIT_PURPOSES),
  method: z.enum(VISIT_METHODS).default('上门'),
  /** Entering the home needs two visitors (Q11). */
  enterHome: z.boolean().default(false),
  plannedOn: day,
  visitorIds: userIds,
  careCampaignId: z.number().int().positive().optional(),
  note: z.string().trim().max(1000).optional(),
});
export type VisitInput = z.infer<typeof visitInput>;

export const visitConfirmInput = z.object({
  appointmentAt: isoTime,
  version: z.number().int().positive(),
});

export const visitResultInput = z.object({
  outcome: z.enum(VISIT_OUTCOMES),
  opinions: z.string().trim().max(2000).optional(),
  note: z.string().trim().max(1000).optional(),
  /** Nobody home: when to try again (a new planned visit). */
  retryOn: day.optional(),
  /** An opinion that needs work: opens a 报修/投诉 ticket linked to the visit. */
  followUp: z
    .object({ type: z.enum(['报修', '投诉', '建议']), description: z.string().trim().min(1).max(2000) })
    .optional(),
  version: z.number().int().positive(),
});
export type VisitResultInput = z.infer<typeof visitResultInput>;

export const homeVisitSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  unitId: z.number().int(),
  unitLabel: z.string(),
  zoneId: z.number().int().nullable(),
  purpose: z.enum(VISIT_PURPOSES),
  method: z.enum(VISIT_METHODS),
  enterHome: z.boolean(),
  source: z.enum(VISIT_SOURCES),
  status: z.enum(VISIT_STATUSES),
  plannedOn: isoDate,
  dueOn: isoDate.nullable(),
  overdue: z.boolean(),
  visitorIds: z.array(z.number().int()),
  visitorNames: z.array(z.string()),
  appointmentAt: nullableTime,
  doneAt: nullableTime,
  opinions: z.string().nullable(),
  note: z.string().nullable(),
  followUpTicketId: z.number().int().nullable(),
  retryOfId: z.number().int().nullable(),
  careCampaignId: z.number().int().nullable(),
  version: z.number().int(),
});
export type HomeVisit = z.infer<typeof homeVisitSchema>;
export const homeVisitPageSchema = page(homeVisitSchema);

export const visitSuggestionSchema = z.object({
  unitId: z.number().int(),
  unitLabel: z.string(),
  zoneId: z.number().int().nullable(),
  residentName: z.string().nullable(),
  lastContactAt: nullableTime,
  recentComplaints: z.number().int(),
  vip: z.boolean(),
  lowScore: z.boolean(),
  reasons: z.array(z.enum(['never', 'complaint', 'vip', 'low_score', 'longest'])),
});
export type VisitSuggestion = z.infer<typeof visitSuggestionSchema>;
export const visitSuggestionListSchema = itemsOf(visitSuggestionSchema);

export const visitReportSchema = z.object({
  projectId: z.number().int(),
  month: z.string(),
  households: z.number().int(),
  /** Households with any contact this year — a visit, a survey answer, a callback — counted once (Q84). */
  covered: z.number().int(),
  coverage: z.number(),
  coverageTarget: z.number(),
  contactsByKind: z.object({
    visits: z.number().int(),
    surveys: z.number().int(),
    callbacks: z.number().int(),
  }),
  quota: z.object({
    required: z.number().int(),
    heads: z.array(
      z.object({
        userId: z.number().int(),
        name: z.string(),
        done: z.number().int(),
        required: z.number().int(),
        warning: z.boolean(),
      }),
    ),
  }),
  moveIn: z.object({
    due: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    missed: z.number().int(),
  }),
  byZone: z.array(
    z.object({
      zoneId: z.number().int().nullable(),
      zoneName: z.string(),
      households: z.number().int(),
      covered: z.number().int(),
      coverage: z.number(),
      visits: z.number().int(),
    }),
  ),
  warnings: z.array(z.string()),
});
export type VisitReport = z.infer<typeof visitReportSchema>;

export const CARE_KINDS = ['birthday', 'anniversary', 'warranty', 'seasonal'] as const;
export type CareKind = (typeof CARE_KINDS)[number];
export const CARE_CAMPAIGN_KINDS = ['外墙玻璃', '空调滤网', '其他'] as const;

export const careCalendarSchema = z.object({
  items: z.array(
    z.object({
      date: isoDate,
      kind: z.enum(CARE_KINDS),
      title: z.string(),
      unitId: z.number().int().nullable(),
      unitLabel: z.string().nullable(),
      residentId: z.number().int().nullable(),
      residentName: z.string().nullable(),
    }),
  ),
});

export const careCampaignInput = z
  .object({
    projectId: z.number().int().positive(),
    kind: z.enum(CARE_CAMPAIGN_KINDS),
    name: z.string().trim().min(1).max(100),
    startsOn: day,
    dueOn: day,
  })
  .refine((c) => c.dueOn >= c.startsOn, { message: 'dueOn before startsOn', path: ['dueOn'] });
export const careCampaignSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  kind: z.enum(CARE_CAMPAIGN_KINDS),
  name: z.string(),
  startsOn: isoDate,
  dueOn: isoDate,
  households: z.number().int(),
  covered: z.number().int(),
  coverage: z.number(),
  version: z.number().int(),
});
export const careCampaignListSchema = itemsOf(careCampaignSchema);

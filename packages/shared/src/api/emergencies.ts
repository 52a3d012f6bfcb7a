/**
 * 应急 (issue 17): emergencies and special events (W-18, W-19), their plans, the duty roster, the
 * post-incident review and the R19 report. Request and answer schemas of /api/emergencies*,
 * /api/emergency-plans, /api/duty-roster and /api/reports/emergencies.
 */
import { z } from 'zod';
import { isoDate, isoTime, nullableTime, page } from './common';

/** Seed W-19 classification with W-18's disputes and disasters; the group is the word before the colon. */
export const EMERGENCY_TYPE_GROUPS = {
  消防: ['火灾', '燃气泄漏'],
  公共卫生: ['疫情', '食物中毒'],
  治安: ['盗窃', '打架斗殴'],
  设施: ['电梯困人', '爆管', '停电'],
  自然灾害: ['暴雨', '台风'],
  纠纷: ['质量纠纷', '家政纠纷', '经济纠纷'],
} as const;
export type EmergencyGroup = keyof typeof EMERGENCY_TYPE_GROUPS;
export const EMERGENCY_GROUPS = Object.keys(EMERGENCY_TYPE_GROUPS) as EmergencyGroup[];
export const EMERGENCY_TYPES = [
  '火灾',
  '燃气泄漏',
  '疫情',
  '食物中毒',
  '盗窃',
  '打架斗殴',
  '电梯困人',
  '爆管',
  '停电',
  '暴雨',
  '台风',
  '质量纠纷',
  '家政纠纷',
  '经济纠纷',
] as const;
export type EmergencyType = (typeof EMERGENCY_TYPES)[number];
export const emergencyGroupOf = (type: EmergencyType): EmergencyGroup =>
  EMERGENCY_GROUPS.find((g) => (EMERGENCY_TYPE_GROUPS[g] as readonly string[]).includes(type)) ?? '设施';

export const EMERGENCY_LEVELS = ['一般', '较大', '重大'] as const;
export type EmergencyLevel = (typeof EMERGENCY_LEVELS)[number];
export const EMERGENCY_STATUSES = ['已上报', '已确认', '已到场', '已控制', '已结束', '已复盘'] as const;
export type EmergencyStatus = (typeof EMERGENCY_STATUSES)[number];
/** Who the roster names at any moment; escalation climbs this ladder. */
export const DUTY_ROLES = [
  'team_leader',
  'butler',
  'emergency_team',
  'project_head',
  'company_duty',
] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];
/** What proves a step done. */
export const STEP_PROOFS = ['ack', 'checkin', 'notice', 'report'] as const;
export type StepProof = (typeof STEP_PROOFS)[number];
export const STEP_STATES = ['pending', 'met', 'late', 'escalated'] as const;
export type StepState = (typeof STEP_STATES)[number];

export const planStepSchema = z.object({
  key: z.string().trim().min(1).max(40),
  title: z.string().trim().min(1).max(100),
  role: z.enum(DUTY_ROLES),
  proof: z.enum(STEP_PROOFS),
  /** Minutes after the incident starts; null = not bound to the start. */
  afterStartMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .nullable(),
  /** Minutes after the previous step is done (or due, while it is not); null = not bound to it. */
  afterPreviousMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .nullable(),
  escalateTo: z.enum(DUTY_ROLES),
});
export type PlanStep = z.infer<typeof planStepSchema>;

export const emergencyPlanInput = z.object({
  projectId: z.number().int().positive(),
  type: z.enum(EMERGENCY_TYPES),
  level: z.enum(EMERGENCY_LEVELS),
  name: z.string().trim().min(1).max(100),
  steps: z
    .array(planStepSchema)
    .min(1)
    .max(20)
    .refine((s) => s.every((x) => x.afterStartMinutes !== null || x.afterPreviousMinutes !== null), {
      message: 'every step has a deadline',
    }),
});
export const emergencyPlanPatch = emergencyPlanInput
  .omit({ projectId: true, type: true, level: true })
  .extend({
    version: z.number().int().positive(),
  });
export const emergencyPlanSchema = z.object({
  id: z.number(),
  projectId: z.number(),
  type: z.enum(EMERGENCY_TYPES),
  level: z.enum(EMERGENCY_LEVELS),
  name: z.string(),
  steps: z.array(planStepSchema),
  version: z.number(),
  updatedAt: isoTime,
});
export type EmergencyPlan = z.infer<typeof emergencyPlanSchema>;
export const emergencyPlanListSchema = z.object({ items: z.array(emergencyPlanSchema) });
export const emergencyPlanListQuery = z.object({ projectId: z.coerce.number().int().positive() });
export const planDefaultsBody = z.object({ projectId: z.number().int().positive() });
export const planDefaultsResultSchema = z.object({ created: z.number() });

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day HH:MM');
export const dutyShiftInput = z.object({
  projectId: z.number().int().positive(),
  role: z.enum(DUTY_ROLES),
  userId: z.number().int().positive(),
  date: z.iso.date(),
  /** Local wall clock; an end at or before the start runs overnight into the next day. */
  startTime: hhmm,
  endTime: hhmm,
});
export const dutyShiftSchema = dutyShiftInput.extend({
  id: z.number(),
  userName: z.string(),
});
export type DutyShift = z.infer<typeof dutyShiftSchema>;
export const dutyRosterQuery = z.object({
  projectId: z.coerce.number().int().positive(),
  from: z.iso.date(),
  to: z.iso.date(),
});
export const dutyRosterSchema = z.object({
  items: z.array(dutyShiftSchema),
  /** Who holds each role right now. */
  onDuty: z.array(z.object({ role: z.enum(DUTY_ROLES), userId: z.number(), userName: z.string() })),
});

export const emergencyInput = z.object({
  projectId: z.number().int().positive(),
  type: z.enum(EMERGENCY_TYPES),
  level: z.enum(EMERGENCY_LEVELS).default('一般'),
  place: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).default(''),
  buildingId: z.number().int().positive().nullish(),
  photoUploadIds: z.array(z.number().int().positive()).max(9).default([]),
  /** The guard's voice note: an upload of kind 'voice'. */
  voiceUploadId: z.number().int().positive().nullish(),
  /** A drill runs the real plan; its residents' notice goes out ≥ Q65 days ahead of drillStartsAt. */
  drill: z.boolean().default(false),
  drillStartsAt: z.iso.datetime({ offset: true }).nullish(),
});
export type EmergencyInput = z.infer<typeof emergencyInput>;

export const emergencyStepSchema = z.object({
  id: z.number(),
  seq: z.number(),
  key: z.string(),
  title: z.string(),
  role: z.enum(DUTY_ROLES),
  proof: z.enum(STEP_PROOFS),
  escalateTo: z.enum(DUTY_ROLES),
  dueAt: isoTime,
  doneAt: nullableTime,
  doneByName: z.string().nullable(),
  status: z.enum(STEP_STATES),
  /** Minutes after the deadline it was done (late), or null. */
  lateMinutes: z.number().nullable(),
  escalationLevel: z.number(),
  lastEscalatedAt: nullableTime,
});
export type EmergencyStep = z.infer<typeof emergencyStepSchema>;

export const emergencyReportInput = z.object({
  cause: z.string().trim().max(4000).default(''),
  handling: z.string().trim().max(4000).default(''),
  aftermath: z.string().trim().max(4000).default(''),
  result: z.string().trim().max(4000).default(''),
  version: z.number().int().positive(),
});
const reportFields = z.object({
  cause: z.string(),
  handling: z.string(),
  aftermath: z.string(),
  result: z.string(),
});

export const rectificationSchema = z.object({
  id: z.number(),
  title: z.string(),
  ownerId: z.number(),
  ownerName: z.string(),
  dueDate: isoDate,
  doneAt: nullableTime,
  overdue: z.boolean(),
});
export const rectificationInput = z.object({
  title: z.string().trim().min(1).max(200),
  ownerId: z.number().int().positive(),
  dueDate: z.iso.date(),
});
export const rectificationDoneBody = z.object({ done: z.boolean() });
export const rectificationItemSchema = rectificationSchema;

export const stepComplianceSchema = z.object({
  stepId: z.number(),
  title: z.string(),
  met: z.boolean(),
  lateMinutes: z.number().nullable(),
});
export const emergencyReviewInput = z.object({
  cause: z.string().trim().min(1).max(4000),
  course: z.string().trim().min(1).max(4000),
  evaluation: z.string().trim().min(1).max(4000),
  rewardsPenalties: z.string().trim().max(4000).default(''),
  rectifications: z.array(rectificationInput).max(30).default([]),
});
export const emergencyReviewSchema = z.object({
  cause: z.string(),
  course: z.string(),
  evaluation: z.string(),
  rewardsPenalties: z.string(),
  reviewedAt: isoTime,
  reviewedByName: z.string(),
});

export const emergencyTimelineItem = z.object({
  at: isoTime,
  action: z.string(),
  actorName: z.string().nullable(),
  detail: z.string(),
});
export const stormTaskSchema = z.object({
  id: z.number(),
  title: z.string(),
  dueAt: isoTime,
  assigneeName: z.string().nullable(),
  doneAt: nullableTime,
});

export const emergencySummarySchema = z.object({
  id: z.number(),
  number: z.string(),
  projectId: z.number(),
  type: z.enum(EMERGENCY_TYPES),
  group: z.enum(EMERGENCY_GROUPS as [EmergencyGroup, ...EmergencyGroup[]]),
  level: z.enum(EMERGENCY_LEVELS),
  status: z.enum(EMERGENCY_STATUSES),
  drill: z.boolean(),
  place: z.string(),
  buildingId: z.number().nullable(),
  description: z.string(),
  startedAt: isoTime,
  controlledAt: nullableTime,
  endedAt: nullableTime,
  closedAt: nullableTime,
  reportedByName: z.string().nullable(),
  /** The next open step's deadline (the board's countdown). */
  nextDueAt: nullableTime,
  nextStepTitle: z.string().nullable(),
  version: z.number(),
});
export type EmergencySummary = z.infer<typeof emergencySummarySchema>;
export const emergencyPageSchema = page(emergencySummarySchema);
export const emergencyListQuery = z.object({
  projectId: z.coerce.number().int().positive().optional(),
  status: z.enum(EMERGENCY_STATUSES).optional(),
  type: z.enum(EMERGENCY_TYPES).optional(),
  level: z.enum(EMERGENCY_LEVELS).optional(),
  drill: z.enum(['true', 'false']).optional(),
  active: z.enum(['true', 'false']).optional(),
  format: z.enum(['json', 'xlsx']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const emergencySchema = emergencySummarySchema.extend({
  planName: z.string(),
  planVersion: z.number(),
  steps: z.array(emergencyStepSchema),
  photoUploadIds: z.array(z.number()),
  voiceUploadId: z.number().nullable(),
  outageIncidentId: z.number().nullable(),
  drillNoticeId: z.number().nullable(),
  drillStartsAt: nullableTime,
  report: reportFields,
  review: emergencyReviewSchema.nullable(),
  compliance: z.array(stepComplianceSchema),
  rectifications: z.array(rectificationSchema),
  linkedTicketIds: z.array(z.number()),
  stormTasks: z.array(stormTaskSchema),
  timeline: z.array(emergencyTimelineItem),
});
export type Emergency = z.infer<typeof emergencySchema>;

export const emergencyStepParams = z.object({
  id: z.coerce.number().int().positive(),
  stepId: z.coerce.number().int().positive(),
});
export const stepCheckinBody = z.object({
  /** The building's QR payload (GJ1:building:…) as a scanner types it. */
  code: z.string().trim().max(200).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
});
export const emergencyTransitionBody = z.object({
  to: z.enum(['已确认', '已到场', '已控制', '已结束']),
  version: z.number().int().positive(),
});
export const emergencyNotifyBody = z.object({
  residentText: z.string().trim().min(1).max(500),
  expectedEndAt: z.iso.datetime({ offset: true }).nullish(),
});
export const emergencyCloseBody = z.object({ version: z.number().int().positive() });
export const rectificationParams = z.object({
  id: z.coerce.number().int().positive(),
  itemId: z.coerce.number().int().positive(),
});
export const stormTaskParams = z.object({
  id: z.coerce.number().int().positive(),
  taskId: z.coerce.number().int().positive(),
});

export const emergencyReportQuery = z.object({
  projectId: z.coerce.number().int().positive().optional(),
  from: z.iso.date(),
  to: z.iso.date(),
  format: z.enum(['json', 'xlsx']).optional(),
});
export const emergencyR19Schema = z.object({
  from: isoDate,
  to: isoDate,
  total: z.number(),
  byType: z.array(z.object({ type: z.enum(EMERGENCY_TYPES), count: z.number() })),
  byLevel: z.array(z.object({ level: z.enum(EMERGENCY_LEVELS), count: z.number() })),
  byMonth: z.array(z.object({ month: z.string(), count: z.number() })),
  steps: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      total: z.number(),
      met: z.number(),
      compliancePct: z.number().nullable(),
      medianLateMinutes: z.number().nullable(),
    }),
  ),
  medianMinutesToControl: z.number().nullable(),
  openRectifications: z.number(),
});
export type EmergencyR19 = z.infer<typeof emergencyR19Schema>;
export type DutyRoster = z.infer<typeof dutyRosterSchema>;
export type EmergencyPlanStepInput = PlanStep;

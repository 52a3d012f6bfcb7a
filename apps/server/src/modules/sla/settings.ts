import { DISPATCH_MODES, type DispatchMode } from '@guanjia/shared';
import { and, eq, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/client';
import { defineSetting, type SettingDefinition } from '../../platform/settings/registry';
import { settings } from '../../platform/settings/schema';
import { SLA_REAPPLY_JOB } from './reapply-job';

/**
 * Per-project SLA defaults, each citing its seed. They become the lowest-ranking policies (see
 * default-policies.ts), so any policy row of the same shape overrides them.
 */
export const URGENT_ARRIVE_MINUTES = defineSetting({
  key: 'sla.urgentArriveMinutes',
  onChangeJob: SLA_REAPPLY_JOB,
  schema: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  defaultValue: 15,
  qid: 'Q31',
  description: '急修 (urgent repair): on site within this many minutes, round the clock (Q31, Q33)',
});

export const URGENT_RESOLVE_MINUTES = defineSetting({
  key: 'sla.urgentResolveMinutes',
  onChangeJob: SLA_REAPPLY_JOB,
  schema: z
    .number()
    .int()
    .min(1)
    .max(30 * 24 * 60),
  defaultValue: 6 * 60,
  qid: 'Q31',
  description: '急修 (urgent repair): fixed within this many minutes, round the clock (Q31)',
});

export const REPAIR_ARRIVE_MINUTES = defineSetting({
  key: 'sla.repairArriveMinutes',
  onChangeJob: SLA_REAPPLY_JOB,
  schema: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
  defaultValue: 30,
  qid: 'Q33',
  description:
    'Other repairs: on site within this many business minutes, unless an appointment was agreed (Q33, Q34)',
});

export const REPAIR_RESOLVE_DAYS = defineSetting({
  key: 'sla.repairResolveBusinessDays',
  onChangeJob: SLA_REAPPLY_JOB,
  schema: z.number().min(0.1).max(60),
  defaultValue: 1,
  qid: 'Q32',
  description: 'Ordinary repairs completed within this many working days, except by appointment (Q32)',
});

export const CALLBACK_HOURS = defineSetting({
  key: 'sla.callbackHours',
  onChangeJob: SLA_REAPPLY_JOB,
  schema: z
    .number()
    .int()
    .min(1)
    .max(30 * 24),
  defaultValue: 48,
  qid: 'Q37',
  description: 'Callback within this many hours of completion (Q37; Q38 asks 1 working day for 家政维修)',
});

export const CALLBACK_REQUIRED = defineSetting({
  key: 'sla.callbackRequiredToClose',
  schema: z.boolean(),
  defaultValue: true,
  qid: 'Q39',
  description: 'Only a satisfied callback closes a ticket (Q39); false lets a supervisor close without one',
});

export const COMPLAINT_REPLY_DAYS = defineSetting({
  key: 'sla.complaintReplyBusinessDays',
  onChangeJob: SLA_REAPPLY_JOB,
  schema: z.number().min(0.1).max(60),
  defaultValue: 4,
  qid: 'Q50',
  description: 'Complaints replied within this many working days (Q50; Q51 asks the same day)',
});

export const DISPATCH_MINUTES = defineSetting({
  key: 'sla.dispatchMinutes',
  onChangeJob: SLA_REAPPLY_JOB,
  schema: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  defaultValue: 15,
  qid: 'Q35',
  description:
    'A repair must be taken by a technician within this many minutes, else the 班长 is alerted (Q35)',
});

export const RESPOND_MINUTES = defineSetting({
  key: 'sla.respondMinutes',
  onChangeJob: SLA_REAPPLY_JOB,
  schema: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60),
  // No seed gives a number for accepting portal/app requests; 30 business minutes matches Q33's spirit.
  defaultValue: 30,
  description:
    'Requests from the portal, app, email or voicemail must be accepted within this many business minutes',
});

export const WARNINGS = defineSetting({
  key: 'sla.warnings',
  onChangeJob: SLA_REAPPLY_JOB,
  schema: z.object({
    fractions: z.array(z.number().gt(0).lt(1)).max(5),
    minutesBefore: z.array(z.number().int().positive()).max(5),
  }),
  defaultValue: { fractions: [0.75], minutesBefore: [5] },
  description:
    'Warn when this share of a target is used and again this many business minutes before the deadline',
});

const roleCodes = z.array(z.string().min(1).max(40)).max(10);
export const ESCALATION = defineSetting({
  key: 'sla.escalation',
  schema: z.object({ warning: roleCodes, lastWarning: roleCodes, breach: roleCodes, dispatch: roleCodes }),
  // Level 1 客服班长 → level 2 客服主管 → level 3 项目经理; a stuck dispatch goes to the 班长 only.
  defaultValue: {
    warning: ['cs_lead'],
    lastWarning: ['cs_lead', 'cs_supervisor'],
    breach: ['cs_lead', 'cs_supervisor', 'project_manager'],
    dispatch: ['cs_lead'],
  },
  description: 'Role codes notified at the first warning, the last warning, a breach and a stuck dispatch',
});

export const DISPATCH_DEFAULT_MODE = defineSetting({
  key: 'dispatch.defaultMode',
  schema: z.enum(DISPATCH_MODES),
  defaultValue: 'least-load' as DispatchMode,
  description: 'Dispatch mode where no dispatch rule matches the project and category',
});

export const DISPATCH_OPEN_CAP = defineSetting({
  key: 'dispatch.openCap',
  schema: z.number().int().min(1).max(100),
  defaultValue: 5,
  description: 'Open work orders a technician may hold before automatic dispatch and grabbing skip them',
});

const ALL = [
  URGENT_ARRIVE_MINUTES,
  URGENT_RESOLVE_MINUTES,
  REPAIR_ARRIVE_MINUTES,
  REPAIR_RESOLVE_DAYS,
  CALLBACK_HOURS,
  CALLBACK_REQUIRED,
  COMPLAINT_REPLY_DAYS,
  DISPATCH_MINUTES,
  RESPOND_MINUTES,
  WARNINGS,
  ESCALATION,
  DISPATCH_DEFAULT_MODE,
  DISPATCH_OPEN_CAP,
] as const;

export interface SlaSettings {
  urgentArriveMinutes: number;
  urgentResolveMinutes: number;
  repairArriveMinutes: number;
  repairResolveDays: number;
  callbackHours: number;
  callbackRequired: boolean;
  complaintReplyDays: number;
  dispatchMinutes: number;
  respondMinutes: number;
  warnings: z.infer<typeof WARNINGS.schema>;
  escalation: z.infer<typeof ESCALATION.schema>;
  dispatchDefaultMode: z.infer<typeof DISPATCH_DEFAULT_MODE.schema>;
  dispatchOpenCap: number;
}

/** All SLA and dispatch settings of a project in one query (intake is a hot path). */
export async function loadSlaSettings(
  db: DbOrTx,
  companyId: number,
  projectId: number,
): Promise<SlaSettings> {
  const rows = await db
    .select({ scope: settings.scope, key: settings.key, value: settings.value })
    .from(settings)
    .where(
      and(
        inArray(
          settings.key,
          ALL.map((d) => d.key),
        ),
        or(
          and(eq(settings.scope, 'company'), eq(settings.scopeId, companyId)),
          and(eq(settings.scope, 'project'), eq(settings.scopeId, projectId)),
        ),
      ),
    );
  function value<T>(definition: SettingDefinition<T>): T {
    const row =
      rows.find((r) => r.key === definition.key && r.scope === 'project') ??
      rows.find((r) => r.key === definition.key);
    if (!row) return definition.defaultValue;
    const parsed = definition.schema.safeParse(row.value);
    return parsed.success ? parsed.data : definition.defaultValue;
  }
  return {
    urgentArriveMinutes: value(URGENT_ARRIVE_MINUTES),
    urgentResolveMinutes: value(URGENT_RESOLVE_MINUTES),
    repairArriveMinutes: value(REPAIR_ARRIVE_MINUTES),
    repairResolveDays: value(REPAIR_RESOLVE_DAYS),
    callbackHours: value(CALLBACK_HOURS),
    callbackRequired: value(CALLBACK_REQUIRED),
    complaintReplyDays: value(COMPLAINT_REPLY_DAYS),
    dispatchMinutes: value(DISPATCH_MINUTES),
    respondMinutes: value(RESPOND_MINUTES),
    warnings: value(WARNINGS),
    escalation: value(ESCALATION),
    dispatchDefaultMode: value(DISPATCH_DEFAULT_MODE),
    dispatchOpenCap: value(DISPATCH_OPEN_CAP),
  };
}

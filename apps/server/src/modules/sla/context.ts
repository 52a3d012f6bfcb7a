import type { TicketPriority, TicketType } from '@guanjia/shared';
import { and, eq, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { projects } from '../org/schema';
import { type BusinessCalendar, DEFAULT_OFFICE_CALENDAR } from './rules/business-calendar';
import { defaultPoliciesFrom } from './rules/default-policies';
import { type ResolvedTargets, resolveTargets, type SlaPolicy } from './rules/policy-match';
import { slaCalendars, slaPolicies } from './schema';
import { loadSlaSettings, type SlaSettings } from './settings';

export interface SlaContext {
  settings: SlaSettings;
  policies: SlaPolicy[];
  defaults: SlaPolicy[];
  projectCalendar: BusinessCalendar;
  /** Calendars named by policies, by policy id. */
  policyCalendars: Map<number, BusinessCalendar>;
  timezone: string;
}

export const calendarOfRow = (row: typeof slaCalendars.$inferSelect): BusinessCalendar => ({
  timezone: row.timezone,
  weekdays: row.weekdays,
  holidays: row.holidays,
  extraWorkdays: row.extraWorkdays,
  always: row.always,
});

/**
 * Everything the SLA engine needs for one project, in four queries. The project's calendar is its
 * default calendar row, else the company's, else the project's service hours, else office hours.
 * One after the other: this runs on a cache miss only (cached-context.ts), and on the pool four
 * parallel queries would open four connections for it.
 */
export async function loadSlaContext(db: DbOrTx, companyId: number, projectId: number): Promise<SlaContext> {
  const settings = await loadSlaSettings(db, companyId, projectId);
  const policyRows = await db
    .select()
    .from(slaPolicies)
    .where(
      and(
        eq(slaPolicies.companyId, companyId),
        eq(slaPolicies.active, true),
        or(isNull(slaPolicies.projectId), eq(slaPolicies.projectId, projectId)),
      ),
    );
  const calendarRows = await db
    .select()
    .from(slaCalendars)
    .where(
      and(
        eq(slaCalendars.companyId, companyId),
        or(isNull(slaCalendars.projectId), eq(slaCalendars.projectId, projectId)),
      ),
    );
  const [project] = await db
    .select({ timezone: projects.timezone, businessHours: projects.businessHours })
    .from(projects)
    .where(eq(projects.id, projectId));
  const timezone = project?.timezone ?? 'Asia/Shanghai';
  const defaultRow =
    calendarRows.find((c) => c.isDefault && c.projectId === projectId) ??
    calendarRows.find((c) => c.isDefault && c.projectId === null);
  const projectCalendar: BusinessCalendar = defaultRow
    ? calendarOfRow(defaultRow)
    : project?.businessHours
      ? { ...project.businessHours, timezone }
      : DEFAULT_OFFICE_CALENDAR;
  const byId = new Map(calendarRows.map((c) => [c.id, calendarOfRow(c)]));
  const policyCalendars = new Map<number, BusinessCalendar>();
  for (const p of policyRows) {
    const cal = p.calendarId ? byId.get(p.calendarId) : undefined;
    if (cal) policyCalendars.set(p.id, cal);
  }
  return {
    settings,
    policies: policyRows.map(policyOfRow),
    defaults: defaultPoliciesFrom(settings),
    projectCalendar,
    policyCalendars,
    timezone,
  };
}

export const policyOfRow = (p: typeof slaPolicies.$inferSelect): SlaPolicy => ({
  id: p.id,
  projectId: p.projectId,
  ticketType: p.ticketType,
  categoryId: p.categoryId,
  priority: p.priority,
  targets: p.targets,
  ...(p.callbackPolicy ? { callbackPolicy: p.callbackPolicy } : {}),
});

export function targetsFor(
  ctx: SlaContext,
  subject: {
    projectId: number;
    ticketType: TicketType;
    priority: TicketPriority;
    categoryPath: readonly number[];
  },
): ResolvedTargets {
  return resolveTargets(ctx.policies, subject, ctx.defaults);
}

import { and, eq, inArray } from 'drizzle-orm';
import { zonedParts } from '../../platform/clock/zoned';
import type { DbOrTx } from '../../platform/db/client';
import { getSetting } from '../../platform/settings/get-setting';
import { projects } from '../org/schema';
import { loadSlaContext } from '../sla/context';
import { contactWindows } from './collection-schema';
import { COLLECTION_QUIET_HOURS } from './collection-settings';
import type { ContactRules, ContactWindow } from './rules/contact-time';

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day ('YYYY-MM-DD') of an instant in a zone. */
export function localDay(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** The local month ('YYYY-MM') of an instant in a zone. */
export const localMonth = (at: Date, timeZone: string) => localDay(at, timeZone).slice(0, 7);

export async function projectOf(db: DbOrTx, projectId: number) {
  const [p] = await db
    .select({
      id: projects.id,
      companyId: projects.companyId,
      name: projects.name,
      timezone: projects.timezone,
      servicePhone: projects.servicePhone,
      areaCode: projects.areaCode,
    })
    .from(projects)
    .where(eq(projects.id, projectId));
  return p;
}
export type ProjectInfo = NonNullable<Awaited<ReturnType<typeof projectOf>>>;

/**
 * When a project may contact residents about arrears: Q07 quiet hours (a setting) and the statutory
 * holidays and 调休 days of the project's business calendar (modules/sla), in the project's zone.
 */
export async function contactRulesOf(db: DbOrTx, project: ProjectInfo): Promise<ContactRules> {
  const scope = { companyId: project.companyId, projectId: project.id };
  const quiet = await getSetting(db, COLLECTION_QUIET_HOURS, scope);
  const sla = await loadSlaContext(db, project.companyId, project.id);
  return {
    timezone: project.timezone,
    quiet: {
      dayStart: quiet.dayStart,
      dayEnd: quiet.dayEnd,
      meals: [
        { start: quiet.lunchStart, end: quiet.lunchEnd },
        { start: quiet.dinnerStart, end: quiet.dinnerEnd },
      ],
    },
    holidays: sla.projectCalendar.holidays,
    extraWorkdays: sla.projectCalendar.extraWorkdays,
    weekends: quiet.weekends,
    windows: [],
  };
}

/** Residents' own contact windows (分时间段催缴), by resident. */
export async function windowsOf(db: DbOrTx, residentIds: number[]): Promise<Map<number, ContactWindow[]>> {
  const map = new Map<number, ContactWindow[]>();
  if (!residentIds.length) return map;
  const rows = await db
    .select()
    .from(contactWindows)
    .where(and(inArray(contactWindows.residentId, residentIds)));
  for (const r of rows) {
    const list = map.get(r.residentId) ?? [];
    list.push({ weekdays: r.weekdays, start: r.start, end: r.end });
    map.set(r.residentId, list);
  }
  return map;
}

import { sql } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import { assertCan, assertInScope } from '../../platform/auth/context';
import { readTimeZone } from '../../platform/clock/time-zone';
import type { DbOrTx } from '../../platform/db/client';
import { badRequest, notFound } from '../../platform/http/errors';
import { localDayOf, nextDay, startOfLocalDay } from '../reports/rules/days';
import { type DashboardDef, findDashboard, type KpiContext } from './registry';

/** At most this long a window: a dashboard over more is the league table's or the monthly report's job. */
const MAX_DAYS = 800;

/** A bare date is local midnight in the project's zone; `to` as a bare date includes that day. */
export function windowOf(
  q: { from?: string | undefined; to?: string | undefined },
  timeZone: string,
  now: Date,
): { from: Date; to: Date } {
  const at = (v: string, end: boolean) =>
    v.length === 10 ? startOfLocalDay(end ? nextDay(v) : v, timeZone) : new Date(v);
  const today = localDayOf(now, timeZone);
  const to = q.to ? at(q.to, true) : startOfLocalDay(nextDay(today), timeZone);
  const from = q.from ? at(q.from, false) : new Date(to.getTime() - 30 * 86_400_000);
  if (!(from < to)) throw badRequest('from must be before to');
  if (to.getTime() - from.getTime() > MAX_DAYS * 86_400_000) throw badRequest('The period is too long');
  return { from, to };
}

export async function projectZone(
  db: DbOrTx,
  projectId: number,
): Promise<{ timeZone: string; name: string }> {
  const res = (await db.execute(
    sql`select timezone, name from projects where id = ${projectId}`,
  )) as unknown as {
    rows: { timezone: string; name: string }[];
  };
  const row = res.rows[0];
  if (!row) throw notFound('Project');
  return { timeZone: readTimeZone(row.timezone, 'projects.timezone'), name: row.name };
}

/** The dashboard the caller may read, or 404 (unknown) / 403 (its module's permission missing). */
export function dashboardFor(auth: AuthContext, key: string): DashboardDef {
  const def = findDashboard(key);
  if (!def) throw notFound('Dashboard');
  assertCan(auth, def.permission);
  return def;
}

/** Scope check, zone, window and the dashboard's prepared settings: everything a formula reads. */
export async function kpiContext(
  db: DbOrTx,
  auth: AuthContext,
  def: DashboardDef | null,
  q: { projectId: number; from?: string | undefined; to?: string | undefined },
  now: Date,
): Promise<KpiContext> {
  assertInScope(auth, q.projectId, 'Project');
  const { timeZone } = await projectZone(db, q.projectId);
  const { from, to } = windowOf(q, timeZone, now);
  const base = { db, projectId: q.projectId, companyId: auth.companyId, from, to, timeZone, now };
  return { ...base, params: def?.prepare ? await def.prepare(base) : {} };
}

import type { VisitReport, VisitSuggestion } from '@guanjia/shared/api';
import { eq, sql } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { getSetting } from '../../platform/settings/get-setting';
import { usersWithRoles } from '../notifications/notify';
import { projects } from '../org/schema';
import { zones } from '../zones/schema';
import { addDays, coverageOf, headQuota, onTimeStatus, orderSuggestions, quotaWarning } from './rules/plan';
import {
  HEAD_QUOTA_LARGE,
  HEAD_QUOTA_SMALL,
  HEAD_QUOTA_THRESHOLD,
  HEAD_QUOTA_WARN_DAYS,
  VISIT_COVERAGE_TARGET,
} from './settings';

type Rows<T> = { rows: T[] };
const num = (v: string | number | null | undefined) => (v === null || v === undefined ? 0 : Number(v));

/** The zone-limited caller's buildings as a SQL condition on `u.building_id`. */
const zoneCond = (auth: AuthContext) =>
  auth.zoneBuildingIds != null
    ? sql`and u.building_id = any(${sql.param(auth.zoneBuildingIds.length ? [...auth.zoneBuildingIds] : [-1])}::bigint[])`
    : sql``;

/** Households (units with a resident on file) of the project, with their zone (0 = none). */
async function households(db: DbOrTx, auth: AuthContext, projectId: number) {
  const r = (await db.execute(sql`
    select u.id, u.label, coalesce(zb.zone_id, 0) as zone_id from units u
      left join zone_buildings zb on zb.building_id = u.building_id
     where u.project_id = ${projectId} ${zoneCond(auth)}
       and exists (select 1 from resident_units ru where ru.unit_id = u.id)`)) as unknown as Rows<{
    id: string | number;
    label: string;
    zone_id: string | number;
  }>;
  return r.rows.map((x) => ({ unitId: num(x.id), label: x.label, zoneId: num(x.zone_id) }));
}

/**
 * Every contact with a household — a visit made, a survey answered, a callback that reached someone —
 * with its day in the project's time zone, from `from` on (Q84 counts them all, each household once).
 */
async function contacts(db: DbOrTx, projectId: number, tz: string, from: string, to: string) {
  const r = (await db.execute(sql`
    select unit_id, kind, day from (
      select v.unit_id, 'visit' as kind, (v.done_at at time zone ${tz})::date::text as day
        from visits v where v.project_id = ${projectId} and v.status = 'visited'
      union all
      select i.unit_id, 'survey', (i.answered_at at time zone ${tz})::date::text
        from survey_invitations i where i.project_id = ${projectId} and i.answered_at is not null
      union all
      select t.unit_id, 'callback', (c.completed_at at time zone ${tz})::date::text
        from callbacks c join tickets t on t.id = c.ticket_id
       where c.project_id = ${projectId} and c.reached and c.completed_at is not null and t.unit_id is not null
    ) x where day >= ${from} and day <= ${to}`)) as unknown as Rows<{
    unit_id: string | number;
    kind: string;
    day: string;
  }>;
  return r.rows.map((x) => ({
    unitId: num(x.unit_id),
    kind: x.kind as 'visit' | 'survey' | 'callback',
    day: x.day,
  }));
}

async function projectInfo(db: DbOrTx, projectId: number) {
  const [p] = await db
    .select({ tz: projects.timezone, households: projects.households, companyId: projects.companyId })
    .from(projects)
    .where(eq(projects.id, projectId));
  return { tz: p?.tz ?? 'Asia/Shanghai', households: p?.households ?? null, companyId: p?.companyId ?? 0 };
}

/** Which households to visit next (rules/plan.ts orders them). */
export async function visitSuggestions(
  db: DbOrTx,
  auth: AuthContext,
  projectId: number,
  today: string,
  limit: number,
): Promise<VisitSuggestion[]> {
  assertInScope(auth, projectId, 'Project');
  const r = (await db.execute(sql`
    select u.id, u.label, coalesce(zb.zone_id, 0) as zone_id,
      (select r.name from resident_units ru join residents r on r.id = ru.resident_id
        where ru.unit_id = u.id order by (ru.relation <> '业主'), r.id limit 1) as resident_name,
      exists (select 1 from resident_units ru join residents r on r.id = ru.resident_id where ru.unit_id = u.id and r.vip) as vip,
      greatest(
        (select max(v.done_at) from visits v where v.unit_id = u.id and v.status = 'visited'),
        (select max(i.answered_at) from survey_invitations i where i.unit_id = u.id),
        (select max(c.completed_at) from callbacks c join tickets t on t.id = c.ticket_id where t.unit_id = u.id and c.reached)
      ) as last_contact,
      (select count(*) from tickets t where t.unit_id = u.id and t.type = '投诉'
         and t.created_at >= ${`${addDays(today, -90)}T00:00:00Z`}::timestamptz) as complaints,
      (exists (select 1 from survey_invitations i where i.unit_id = u.id and i.overall_satisfied = false)
        or exists (select 1 from callbacks c join tickets t on t.id = c.ticket_id where t.unit_id = u.id and c.satisfied = false)) as low_score
      from units u left join zone_buildings zb on zb.building_id = u.building_id
     where u.project_id = ${projectId} ${zoneCond(auth)}
       and exists (select 1 from resident_units ru where ru.unit_id = u.id)
       and not exists (select 1 from visits v where v.unit_id = u.id and v.status in ('planned','confirmed'))`)) as unknown as Rows<{
    id: string | number;
    label: string;
    zone_id: string | number;
    resident_name: string | null;
    vip: boolean;
    last_contact: string | Date | null;
    complaints: string | number;
    low_score: boolean;
  }>;
  const ordered = orderSuggestions(
    r.rows.map((x) => ({
      unitId: num(x.id),
      unitLabel: x.label,
      zoneId: num(x.zone_id) || null,
      residentName: x.resident_name,
      vip: Boolean(x.vip),
      lastContactAt: x.last_contact ? new Date(x.last_contact) : null,
      recentComplaints: num(x.complaints),
      lowScore: Boolean(x.low_score),
    })),
  );
  return ordered
    .slice(0, limit)
    .map((s) => ({ ...s, lastContactAt: s.lastContactAt?.toISOString() ?? null }));
}

const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** R08: coverage vs 100 % (Q84), the project heads' quota (Q85), move-in visits on time (Q86/Q87), by zone. */
export async function visitReport(
  db: DbOrTx,
  auth: AuthContext,
  projectId: number,
  month: string,
  today: string,
): Promise<VisitReport> {
  assertInScope(auth, projectId, 'Project');
  const info = await projectInfo(db, projectId);
  const scope = { companyId: auth.companyId, projectId };
  const first = `${month}-01`;
  const last = monthEnd(month);
  // Coverage counts the year up to the month's end (or today, in the current month).
  const until = last < today ? last : today;
  const [homes, contactRows, zoneRows, target, small, large, threshold, warnDays] = await Promise.all([
    households(db, auth, projectId),
    contacts(db, projectId, info.tz, `${month.slice(0, 4)}-01-01`, until),
    db.select({ id: zones.id, name: zones.name }).from(zones).where(eq(zones.projectId, projectId)),
    getSetting(db, VISIT_COVERAGE_TARGET, scope),
    getSetting(db, HEAD_QUOTA_SMALL, scope),
    getSetting(db, HEAD_QUOTA_LARGE, scope),
    getSetting(db, HEAD_QUOTA_THRESHOLD, scope),
    getSetting(db, HEAD_QUOTA_WARN_DAYS, scope),
  ]);
  const unitIds = homes.map((h) => h.unitId);
  const cov = coverageOf(unitIds, contactRows);
  const kindCount = (k: string) =>
    coverageOf(
      unitIds,
      contactRows.filter((c) => c.kind === k),
    ).covered;

  // Q85 counts the whole project's households, whatever the caller's zones.
  const projectHouseholds =
    auth.zoneBuildingIds == null
      ? homes.length
      : (await households(db, { ...auth, zoneBuildingIds: null }, projectId)).length;
  const required = headQuota(projectHouseholds, { small, large, threshold });
  const heads = (await usersWithRoles(db, auth.companyId, projectId, ['project_manager'])).map(
    (h) => h.userId,
  );
  const headRows = heads.length
    ? (
        (await db.execute(sql`
        select u.id, u.display_name,
          (select count(distinct v.unit_id) from visits v
            where v.project_id = ${projectId} and v.status = 'visited' and u.id = any(v.visitor_ids)
              and (v.done_at at time zone ${info.tz})::date between ${first}::date and ${last}::date) as done
          from users u where u.id = any(${sql.param(heads)}::bigint[]) order by u.id`)) as unknown as Rows<{
          id: string | number;
          display_name: string;
          done: string | number;
        }>
      ).rows
    : [];
  const monthOver = last < today;
  const quotaHeads = headRows.map((h) => {
    const done = num(h.done);
    return {
      userId: num(h.id),
      name: h.display_name,
      done,
      required,
      warning: monthOver
        ? done < required
        : month === today.slice(0, 7) && quotaWarning(done, required, today, warnDays),
    };
  });

  const moveInRows = (await db.execute(sql`
    select v.due_on::text as due_on, v.status, (v.done_at at time zone ${info.tz})::date::text as done_on
      from visits v join units u on u.id = v.unit_id
     where v.project_id = ${projectId} and v.source = 'move_in' and v.retry_of_id is null
       and v.due_on between ${first}::date and ${last}::date ${zoneCond(auth)}`)) as unknown as Rows<{
    due_on: string;
    status: string;
    done_on: string | null;
  }>;
  // A retried visit counts through its retry: the household's latest attempt decides.
  const moveIn = { due: moveInRows.rows.length, onTime: 0, late: 0, missed: 0 };
  for (const m of moveInRows.rows) {
    const s = onTimeStatus({ dueOn: m.due_on, doneOn: m.done_on, status: m.status }, today);
    if (s === 'on_time') moveIn.onTime++;
    else if (s === 'late') moveIn.late++;
    else if (s === 'missed') moveIn.missed++;
  }

  const zoneName = new Map(zoneRows.map((z) => [z.id, z.name]));
  const visitsThisMonth = contactRows.filter((c) => c.kind === 'visit' && c.day >= first && c.day <= last);
  const byZone = [...new Set(homes.map((h) => h.zoneId))]
    .map((zoneId) => {
      const mine = homes.filter((h) => h.zoneId === zoneId).map((h) => h.unitId);
      const c = coverageOf(mine, contactRows);
      const set = new Set(mine);
      return {
        zoneId: zoneId || null,
        zoneName: zoneName.get(zoneId) ?? '未分片区',
        households: c.households,
        covered: c.covered,
        coverage: c.coverage,
        visits: visitsThisMonth.filter((v) => set.has(v.unitId)).length,
      };
    })
    .sort((a, b) => b.coverage - a.coverage || (a.zoneId ?? 0) - (b.zoneId ?? 0));

  const warnings: string[] = [];
  for (const h of quotaHeads.filter((x) => x.warning))
    warnings.push(`${h.name} 本月走访 ${h.done} 户，未达到 ${h.required} 户的要求（Q85）`);
  if (moveIn.missed) warnings.push(`${moveIn.missed} 次入住回访/关怀已过期未完成（Q86/Q87）`);
  return {
    projectId,
    month,
    households: cov.households,
    covered: cov.covered,
    coverage: cov.coverage,
    coverageTarget: target / 100,
    contactsByKind: {
      visits: kindCount('visit'),
      surveys: kindCount('survey'),
      callbacks: kindCount('callback'),
    },
    quota: { required, heads: quotaHeads },
    moveIn,
    byZone,
    warnings,
  };
}

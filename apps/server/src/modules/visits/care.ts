import type { careCalendarSchema, careCampaignInput } from '@guanjia/shared/api';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { careCampaigns } from './schema';

type Rows<T> = { rows: T[] };
const num = (v: string | number | null) => (v === null ? 0 : Number(v));
type Calendar = z.infer<typeof careCalendarSchema>;

const zoneCond = (auth: AuthContext) =>
  auth.zoneBuildingIds != null
    ? sql`and u.building_id = any(${sql.param(auth.zoneBuildingIds.length ? [...auth.zoneBuildingIds] : [-1])}::bigint[])`
    : sql``;

/**
 * 业主关怀日历 (W-32) for a month: members' birthdays, move-in anniversaries, warranties ending (Q72's
 * month ahead) and the seasonal campaigns' due days (Q93 façade glass, Q94 AC filters).
 */
export async function careCalendar(
  db: DbOrTx,
  auth: AuthContext,
  projectId: number,
  month: string,
): Promise<Calendar> {
  assertInScope(auth, projectId, 'Project');
  const mm = month.slice(5, 7);
  const year = Number(month.slice(0, 4));
  const birthdays = (await db.execute(sql`
    select distinct on (r.id) r.id, r.name, r.birthday::text as birthday, u.id as unit_id, u.label
      from residents r join resident_units ru on ru.resident_id = r.id join units u on u.id = ru.unit_id
     where r.project_id = ${projectId} and r.birthday is not null and to_char(r.birthday, 'MM') = ${mm} ${zoneCond(auth)}
     order by r.id, u.id`)) as unknown as Rows<{
    id: string | number;
    name: string;
    birthday: string;
    unit_id: string | number;
    label: string;
  }>;
  const anniversaries = (await db.execute(sql`
    select u.id, u.label, u.handover_date::text as handover from units u
     where u.project_id = ${projectId} and u.handover_date is not null and to_char(u.handover_date, 'MM') = ${mm}
       and extract(year from u.handover_date) < ${year} ${zoneCond(auth)}
       and exists (select 1 from resident_units ru where ru.unit_id = u.id)`)) as unknown as Rows<{
    id: string | number;
    label: string;
    handover: string;
  }>;
  const warranties = (await db.execute(sql`
    select u.id, u.label, u.warranty_until::text as until from units u
     where u.project_id = ${projectId} and to_char(u.warranty_until, 'YYYY-MM') = ${month} ${zoneCond(auth)}`)) as unknown as Rows<{
    id: string | number;
    label: string;
    until: string;
  }>;
  const seasonal = await db
    .select()
    .from(careCampaigns)
    .where(
      and(eq(careCampaigns.projectId, projectId), sql`to_char(${careCampaigns.dueOn}, 'YYYY-MM') = ${month}`),
    );
  const items: Calendar['items'] = [
    ...birthdays.rows.map((b) => ({
      date: `${month}-${b.birthday.slice(8, 10)}`,
      kind: 'birthday' as const,
      title: `${b.name} 生日`,
      unitId: num(b.unit_id),
      unitLabel: b.label,
      residentId: num(b.id),
      residentName: b.name,
    })),
    ...anniversaries.rows.map((a) => ({
      date: `${month}-${a.handover.slice(8, 10)}`,
      kind: 'anniversary' as const,
      title: `入住 ${year - Number(a.handover.slice(0, 4))} 周年`,
      unitId: num(a.id),
      unitLabel: a.label,
      residentId: null,
      residentName: null,
    })),
    ...warranties.rows.map((w) => ({
      date: w.until,
      kind: 'warranty' as const,
      title: '房屋保修期满',
      unitId: num(w.id),
      unitLabel: w.label,
      residentId: null,
      residentName: null,
    })),
    ...seasonal.map((c) => ({
      date: c.dueOn,
      kind: 'seasonal' as const,
      title: `${c.name}（${c.kind}）截止`,
      unitId: null,
      unitLabel: null,
      residentId: null,
      residentName: null,
    })),
  ];
  // A birthday on 02-29 in a common year is shown on 02-28.
  for (const i of items) if (Number.isNaN(Date.parse(`${i.date}T00:00:00Z`))) i.date = `${month}-28`;
  return { items: items.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind)) };
}

/** Seasonal campaigns with coverage: households visited for the campaign ÷ households of the project. */
export async function listCareCampaigns(db: DbOrTx, auth: AuthContext, projectId: number) {
  assertInScope(auth, projectId, 'Project');
  const rows = await db
    .select()
    .from(careCampaigns)
    .where(eq(careCampaigns.projectId, projectId))
    .orderBy(asc(careCampaigns.startsOn));
  const [h] = (
    (await db.execute(sql`
    select count(*) as n from units u where u.project_id = ${projectId} ${zoneCond(auth)}
       and exists (select 1 from resident_units ru where ru.unit_id = u.id)`)) as unknown as Rows<{
      n: string | number;
    }>
  ).rows;
  const households = num(h?.n ?? 0);
  const covered = rows.length
    ? (
        (await db.execute(sql`
        select v.care_campaign_id as id, count(distinct v.unit_id) as n from visits v join units u on u.id = v.unit_id
         where v.care_campaign_id = any(${sql.param(rows.map((r) => r.id))}::bigint[]) and v.status = 'visited' ${zoneCond(auth)}
         group by v.care_campaign_id`)) as unknown as Rows<{ id: string | number; n: string | number }>
      ).rows
    : [];
  const n = new Map(covered.map((c) => [num(c.id), num(c.n)]));
  return rows.map((c) => ({
    id: c.id,
    projectId: c.projectId,
    kind: c.kind,
    name: c.name,
    startsOn: c.startsOn,
    dueOn: c.dueOn,
    households,
    covered: n.get(c.id) ?? 0,
    coverage: households ? Math.round(((n.get(c.id) ?? 0) / households) * 10_000) / 10_000 : 0,
    version: c.version,
  }));
}

export async function createCareCampaign(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  body: z.infer<typeof careCampaignInput>,
) {
  assertInScope(auth, body.projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(careCampaigns)
      .values({ ...body, companyId: auth.companyId, createdAt: now, updatedAt: now })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'care_campaign.created',
      entityType: 'care_campaign',
      entityId: row.id,
      projectId: row.projectId,
      after: { kind: row.kind, name: row.name, dueOn: row.dueOn },
    });
    return row.id;
  });
}

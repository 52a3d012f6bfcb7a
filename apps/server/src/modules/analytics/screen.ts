import type { BigScreen } from '@guanjia/shared/api';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { localDayOf, startOfLocalDay } from '../reports/rules/days';

type Rows<T> = { rows: T[] };
const n = (v: unknown) => Number(v ?? 0);

/** 数据大屏: today's figures (local day), what is at risk or active right now, open items per building. */
export async function bigScreen(
  db: DbOrTx,
  projectId: number,
  timeZone: string,
  now: Date,
): Promise<BigScreen> {
  const start = startOfLocalDay(localDayOf(now, timeZone), timeZone);
  const one = async (q: ReturnType<typeof sql>) =>
    ((await db.execute(q)) as unknown as Rows<Record<string, unknown>>).rows[0] ?? {};
  const calls = await one(sql`
    select count(*) as offered, count(*) filter (where answered_at is not null) as answered,
           count(*) filter (where answered_at is null and ended_at is not null) as abandoned
      from calls where project_id = ${projectId} and direction = 'in' and started_at >= ${start} and started_at <= ${now}`);
  const tickets = await one(sql`
    select (select count(*) from tickets where project_id = ${projectId} and created_at >= ${start} and created_at <= ${now}) as today,
           count(*) as open,
           count(*) filter (where sla_state = 'warning') as risk,
           count(*) filter (where sla_state = 'breached') as breached
      from tickets where project_id = ${projectId} and status in ('待受理', '处理中', '待回访')`);
  const hours = (await db.execute(sql`
    select extract(hour from created_at at time zone ${timeZone})::int as h, count(*) as n from tickets
     where project_id = ${projectId} and created_at >= ${start} and created_at <= ${now} group by 1`)) as unknown as Rows<{
    h: number;
    n: number;
  }>;
  const byHour = Array.from({ length: 24 }, () => 0);
  for (const r of hours.rows) byHour[Number(r.h)] = n(r.n);
  const incidents = (await db.execute(sql`
    select id, kind, title, starts_at from incidents where project_id = ${projectId} and status = '进行中'
     order by starts_at desc limit 20`)) as unknown as Rows<{
    id: number;
    kind: string;
    title: string;
    starts_at: Date | string;
  }>;
  const emergencies = (await db.execute(sql`
    select id, type, level, place, status from emergencies where project_id = ${projectId}
       and status not in ('已结束', '已复盘') order by id desc limit 20`)) as unknown as Rows<{
    id: number;
    type: string;
    level: string;
    place: string;
    status: string;
  }>;
  const buildings = (await db.execute(sql`
    select b.id, b.name,
           count(t.id) filter (where t.status in ('待受理', '处理中', '待回访')) as open,
           count(t.id) filter (where t.status in ('待受理', '处理中', '待回访') and t.sla_state <> 'ok') as risk
      from buildings b
      left join units u on u.building_id = b.id
      left join tickets t on t.unit_id = u.id and t.project_id = ${projectId} and t.status in ('待受理', '处理中', '待回访')
     where b.project_id = ${projectId}
     group by b.id, b.name, b.sort_order order by b.sort_order, b.id limit 200`)) as unknown as Rows<{
    id: number;
    name: string;
    open: number;
    risk: number;
  }>;
  return {
    projectId,
    at: now.toISOString(),
    callsToday: n(calls.offered),
    callsAnswered: n(calls.answered),
    callsAbandoned: n(calls.abandoned),
    ticketsToday: n(tickets.today),
    openTickets: n(tickets.open),
    slaAtRisk: n(tickets.risk),
    slaBreached: n(tickets.breached),
    activeIncidents: incidents.rows.map((r) => ({
      id: n(r.id),
      kind: r.kind,
      title: r.title,
      startsAt: new Date(r.starts_at).toISOString(),
    })),
    activeEmergencies: emergencies.rows.map((r) => ({ ...r, id: n(r.id) })),
    ticketsByHour: byHour,
    buildings: buildings.rows.map((r) => ({ id: n(r.id), name: r.name, open: n(r.open), atRisk: n(r.risk) })),
  };
}

import { type SQL, sql } from 'drizzle-orm';
import { startOfLocalDay } from '../../reports/rules/days';
import type { DrillColumn, KpiContext, RowSource } from '../registry';
import { localDays } from '../rules/kpi';

// Fragments the dashboard files share, so "a ticket of the window" means the same thing on every card.

/** Tickets of the project created in the window, as `t`. */
export const ticketWindow = (c: KpiContext, alias = 't'): SQL =>
  sql`${sql.raw(alias)}.project_id = ${c.projectId} and ${sql.raw(alias)}.created_at >= ${c.from} and ${sql.raw(alias)}.created_at < ${c.to}`;

/**
 * The same window on a row that carries its ticket's project and created_at (sla_clocks, callbacks):
 * a ticket's created_at never changes, so these are exactly the rows of the window's tickets.
 */
export const copiedWindow = (c: KpiContext, alias: string): SQL =>
  sql`${sql.raw(alias)}.project_id = ${c.projectId} and ${sql.raw(alias)}.ticket_created_at >= ${c.from} and ${sql.raw(alias)}.ticket_created_at < ${c.to}`;

/** Columns of a ticket drill row (t aliased). */
export const TICKET_SELECT = sql`t.id, t.number, t.type, t.channel, t.status, t.priority, t.title, t.created_at, t.closed_at`;
export const TICKET_COLUMNS: readonly DrillColumn[] = [
  { key: 'number', label: '工单号', kind: 'text' },
  { key: 'type', label: '类型', kind: 'text' },
  { key: 'channel', label: '渠道', kind: 'text' },
  { key: 'status', label: '状态', kind: 'text' },
  { key: 'priority', label: '紧急程度', kind: 'text' },
  { key: 'title', label: '标题', kind: 'text' },
  { key: 'created_at', label: '受理时间', kind: 'time' },
  { key: 'closed_at', label: '关闭时间', kind: 'time' },
];

/** The window's tickets, the rows most ticket cards count a part of. */
export const WINDOW_TICKETS: RowSource = {
  from: () => sql`from tickets t`,
  where: (c) => ticketWindow(c),
  select: TICKET_SELECT,
  columns: TICKET_COLUMNS,
};

/**
 * The day ("YYYY-MM-DD", in the project's zone) of a column the query keeps within the window. The
 * window's local midnights are computed here once and each row only finds its place among them
 * (width_bucket): a third of the time of formatting every row's zoned time (bench/analytics).
 */
export const localDay = (c: KpiContext, column: SQL) => {
  const days = localDays(c.from, c.to, c.timeZone);
  const midnights = days.map((d) => startOfLocalDay(d, c.timeZone).toISOString());
  return sql`(${sql.param(days)}::text[])[width_bucket(${column}, ${sql.param(midnights)}::timestamptz[])]`;
};
export const localHour = (c: KpiContext, column: SQL) =>
  sql`to_char(${column} at time zone ${c.timeZone}, 'HH24')`;

export const OPEN_TICKET = sql`t.status in ('待受理', '处理中', '待回访')`;

/** Second level of the category tree (水/电/…) or the category itself, 未分类 without one. */
export const CATEGORY_JOIN = sql`left join ticket_categories c on c.id = t.category_id
  left join ticket_categories c2 on c2.id = c.path_ids[2]`;
export const CATEGORY_NAME = sql`coalesce(c2.name, c.name, '未分类')`;

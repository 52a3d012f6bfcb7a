import type { SlaClockKind } from '@guanjia/shared';
import { sql } from 'drizzle-orm';
import { type CardDef, type DrillColumn, defineDashboard, type RowSource, sourcedCard } from '../registry';
import { dailyCounts } from '../rollup';
import { AGE_BUCKETS, localDays } from '../rules/kpi';
import {
  CATEGORY_JOIN,
  CATEGORY_NAME,
  copiedWindow,
  localDay,
  OPEN_TICKET,
  TICKET_COLUMNS,
  TICKET_SELECT,
  ticketWindow,
  WINDOW_TICKETS,
} from './parts';

const CLOCKS: { kind: SlaClockKind; label: string }[] = [
  { kind: 'dispatch', label: '派单' },
  { kind: 'arrive', label: '到场' },
  { kind: 'resolve', label: '完成' },
  { kind: 'reply', label: '答复' },
  { kind: 'callback', label: '回访' },
];

const CLOCK_COLUMNS: readonly DrillColumn[] = [
  { key: 'number', label: '工单号', kind: 'text' },
  { key: 'type', label: '类型', kind: 'text' },
  { key: 'kind', label: '时限', kind: 'text' },
  { key: 'state', label: '结果', kind: 'text' },
  { key: 'due_at', label: '期限', kind: 'time' },
  { key: 'stopped_at', label: '完成时间', kind: 'time' },
];

/**
 * The SLA clocks of the window's tickets, found by the ticket's created_at copied onto the clock. The
 * ticket is left-joined for the drill's columns only: a count reads none of them, so PostgreSQL drops
 * the join (the ticket is unique by id) and counts from sla_clocks_project_ticket_created_idx alone.
 */
const WINDOW_CLOCKS: RowSource = {
  from: () => sql`from sla_clocks k left join tickets t on t.id = k.ticket_id`,
  where: (c) => copiedWindow(c, 'k'),
  select: sql`k.id, t.number, t.type, k.kind, k.state, k.due_at, k.stopped_at`,
  columns: CLOCK_COLUMNS,
};

/** Callbacks of the window's tickets that were not cancelled (the ticket joined as for WINDOW_CLOCKS). */
const WINDOW_CALLBACKS: RowSource = {
  from: () => sql`from callbacks b left join tickets t on t.id = b.ticket_id`,
  where: (c) => sql`${copiedWindow(c, 'b')} and b.status <> '已取消'`,
  select: sql`b.id, t.number, b.round, b.score_overall, b.satisfied, b.completed_at`,
  columns: [
    { key: 'number', label: '工单号', kind: 'text' },
    { key: 'round', label: '轮次', kind: 'number' },
    { key: 'score_overall', label: '评分', kind: 'number' },
    { key: 'satisfied', label: '满意', kind: 'text' },
    { key: 'completed_at', label: '回访时间', kind: 'time' },
  ],
};

/** Stopped clocks of a kind on the window's tickets (met or breached), and the met ones. */
function clockCards(kind: SlaClockKind, label: string): CardDef[] {
  const states = (list: string[]) => sql`k.kind = ${kind} and k.state = any(${sql.param(list)}::text[])`;
  return [
    sourcedCard(WINDOW_CLOCKS, states(['met', 'breached']), {
      key: `clock_${kind}_done`,
      label: `${label}时限已结束`,
    }),
    sourcedCard(WINDOW_CLOCKS, states(['met']), {
      key: `clock_${kind}_met`,
      label: `${label}按时`,
      base: `clock_${kind}_done`,
      good: 'high',
    }),
  ];
}

/**
 * The window's tickets that have a clock that was not cancelled, with whether one of them breached.
 * Grouped by created_at too (the same for all of a ticket's clocks), so the groups follow the index's
 * order.
 */
const CLOCKED_TICKETS: RowSource = {
  from: (c) => sql`
    from (select k.ticket_id, bool_or(k.state = 'breached') as breached from sla_clocks k
           where ${copiedWindow(c, 'k')} and k.state <> 'cancelled'
           group by k.ticket_created_at, k.ticket_id) kt
    left join tickets t on t.id = kt.ticket_id`,
  where: () => sql`true`,
  select: TICKET_SELECT,
  columns: TICKET_COLUMNS,
};

const DONE = sql`(t.resolved_at is not null or t.status = '已关闭')`;
const CONSULTATION = sql`t.type = '咨询' and t.status <> '已取消'`;

/**
 * 客服与工单 (service): intake, SLA per clock, backlog, rework, first-contact resolution, satisfaction,
 * hotspots and complaints — the R03/R05 figures of the seed's monthly 客服统计.
 */
export const serviceDashboard = defineDashboard({
  key: 'service',
  title: '客服与工单',
  permission: 'tickets.read',
  cards: [
    sourcedCard(WINDOW_TICKETS, sql`true`, { key: 'intake', label: '受理量' }),
    sourcedCard(CLOCKED_TICKETS, sql`true`, { key: 'sla_tracked', label: '计时工单' }),
    sourcedCard(CLOCKED_TICKETS, sql`kt.breached`, {
      key: 'breached',
      label: '超时工单',
      base: 'sla_tracked',
      good: 'low',
    }),
    {
      key: 'backlog',
      label: '未办结(截至期末)',
      // Every open ticket created before the window's end, however old: the backlog the window leaves.
      records: (c) =>
        sql`select ${TICKET_SELECT} from tickets t where t.project_id = ${c.projectId} and t.created_at < ${c.to} and ${OPEN_TICKET}`,
      columns: TICKET_COLUMNS,
    },
    sourcedCard(WINDOW_TICKETS, DONE, { key: 'completed', label: '已完成' }),
    sourcedCard(WINDOW_TICKETS, sql`t.reopen_count > 0 and ${DONE}`, {
      key: 'reopened',
      label: '返工(重开)',
      base: 'completed',
      good: 'low',
    }),
    sourcedCard(WINDOW_TICKETS, CONSULTATION, { key: 'consultations', label: '咨询' }),
    // Answered on the spot: the consultation carries its answer, never reopened, no work order.
    sourcedCard(
      WINDOW_TICKETS,
      sql`${CONSULTATION} and t.answer is not null and t.reopen_count = 0
          and not exists (select 1 from work_orders w where w.ticket_id = t.id)`,
      { key: 'first_contact', label: '首问解决', base: 'consultations', good: 'high' },
    ),
    sourcedCard(WINDOW_CALLBACKS, sql`b.satisfied is not null`, { key: 'rated', label: '已评价回访' }),
    sourcedCard(WINDOW_CALLBACKS, sql`b.satisfied`, {
      key: 'satisfied',
      label: '满意回访',
      columns: [
        { key: 'number', label: '工单号', kind: 'text' },
        { key: 'round', label: '轮次', kind: 'number' },
        { key: 'score_overall', label: '评分', kind: 'number' },
        { key: 'completed_at', label: '回访时间', kind: 'time' },
      ],
      base: 'rated',
      good: 'high',
    }),
    sourcedCard(WINDOW_TICKETS, sql`t.type = '投诉'`, { key: 'complaints', label: '投诉' }),
    {
      key: 'warnings',
      label: '投诉预警',
      records: (c) =>
        sql`select w.id, w.rule, w.cause, w.count, w.window_start, w.window_end from complaint_warnings w
             where w.project_id = ${c.projectId} and w.created_at >= ${c.from} and w.created_at < ${c.to}`,
      columns: [
        { key: 'rule', label: '规则', kind: 'text' },
        { key: 'cause', label: '原因', kind: 'text' },
        { key: 'count', label: '次数', kind: 'number' },
        { key: 'window_start', label: '起', kind: 'time' },
        { key: 'window_end', label: '止', kind: 'time' },
      ],
    },
    ...CLOCKS.flatMap((k) => clockCards(k.kind, k.label)),
  ],
  series: [
    {
      key: 'intake_by_day',
      label: '每日受理量(按渠道)',
      chart: 'line',
      // Settled days from the nightly rollup, the rest live (rollup.ts).
      rows: { compute: (c) => dailyCounts(c, 'intake.channel') },
      categories: (c) => localDays(c.from, c.to, c.timeZone),
    },
    {
      key: 'intake_by_type',
      label: '受理类型',
      chart: 'pie',
      rows: { compute: (c) => dailyCounts(c, 'intake.type', true) },
    },
    {
      key: 'on_time_by_day',
      label: '按时率趋势(按时限)',
      chart: 'line',
      rows: {
        sql: (c) => sql`
          select ${localDay(c, sql`k.ticket_created_at`)} as x, k.kind as name,
                 round(100.0 * count(*) filter (where k.state = 'met') / count(*), 1) as value
            from sla_clocks k
           where ${copiedWindow(c, 'k')} and k.state in ('met', 'breached')
           group by 1, 2`,
      },
      categories: (c) => localDays(c.from, c.to, c.timeZone),
      missing: null,
    },
    {
      key: 'backlog_age',
      label: '未办结账龄',
      chart: 'bar',
      rows: {
        sql: (c) => sql`
          select case when age < 1 then '<1天' when age < 3 then '1-3天' when age < 7 then '3-7天'
                      when age < 30 then '7-30天' else '>30天' end as x, '未办结' as name, count(*) as value
            from (select extract(epoch from (${c.to}::timestamptz - t.created_at)) / 86400 as age
                    from tickets t where t.project_id = ${c.projectId} and t.created_at < ${c.to} and ${OPEN_TICKET}) a
           group by 1`,
      },
      categories: () => [...AGE_BUCKETS],
    },
    {
      key: 'hotspots',
      label: '楼栋 × 类别 热力',
      chart: 'heatmap',
      rows: {
        sql: (c) => sql`
          select ${CATEGORY_NAME} as x, coalesce(b.name, '公共/未知') as name, count(*) as value
            from tickets t ${CATEGORY_JOIN}
            left join units u on u.id = t.unit_id left join buildings b on b.id = u.building_id
           where ${ticketWindow(c)} and t.type = '报修'
           group by 1, 2`,
      },
    },
    {
      key: 'repeat_problems',
      label: '重复问题 Top 10(楼栋·类别)',
      chart: 'bar',
      rows: {
        sql: (c) => sql`
          select coalesce(b.name, '公共') || '·' || coalesce(c.name, '未分类') as x, '次数' as name, count(*) as value
            from tickets t left join ticket_categories c on c.id = t.category_id
            left join units u on u.id = t.unit_id left join buildings b on b.id = u.building_id
           where ${ticketWindow(c)} and t.type = '报修'
           group by 1 having count(*) > 1 order by 3 desc, 1 limit 10`,
      },
    },
    {
      key: 'satisfaction_by_category',
      label: '满意度(回访平均分,按类别)',
      chart: 'bar',
      // Both windows, though either alone selects the rows: with the tickets' own, PostgreSQL reads the
      // window's tickets from their index instead of scanning every ticket to hash-join the callbacks.
      rows: {
        sql: (c) => sql`
          select ${CATEGORY_NAME} as x, '平均分' as name, round(avg(b.score_overall), 2) as value
            from callbacks b join tickets t on t.id = b.ticket_id ${CATEGORY_JOIN}
           where ${copiedWindow(c, 'b')} and ${ticketWindow(c)} and b.score_overall is not null
           group by 1 order by 1`,
      },
      missing: null,
    },
    {
      key: 'complaints_by_cause',
      label: '投诉原因',
      chart: 'bar',
      rows: {
        sql: (c) => sql`
          select coalesce(t.cause, '未定') as x, coalesce(d.name, '未指派部门') as name, count(*) as value
            from tickets t left join departments d on d.id = t.department_id
           where ${ticketWindow(c)} and t.type = '投诉'
           group by 1, 2`,
      },
    },
  ],
});

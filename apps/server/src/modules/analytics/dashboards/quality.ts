import { sql } from 'drizzle-orm';
import { type DrillColumn, defineDashboard, type KpiContext } from '../registry';
import { localDay } from './parts';

const INSPECTION_COLUMNS: readonly DrillColumn[] = [
  { key: 'title', label: '检查', kind: 'text' },
  { key: 'mode', label: '方式', kind: 'text' },
  { key: 'area', label: '区域', kind: 'text' },
  { key: 'percent', label: '得分率(%)', kind: 'number' },
  { key: 'submitted_at', label: '提交时间', kind: 'time' },
];
/** Inspections submitted in the window (cancelled ones never reach 'submitted'). */
const submitted = (c: KpiContext) => sql`
  select i.id, i.title, i.mode, i.area, i.percent, i.submitted_at from inspections i
   where i.project_id = ${c.projectId} and i.state = 'submitted'
     and i.submitted_at >= ${c.from} and i.submitted_at < ${c.to}`;

const RECT_COLUMNS: readonly DrillColumn[] = [
  { key: 'title', label: '整改事项', kind: 'text' },
  { key: 'source_type', label: '来源', kind: 'text' },
  { key: 'state', label: '状态', kind: 'text' },
  { key: 'round', label: '轮次', kind: 'number' },
  { key: 'deadline', label: '期限', kind: 'time' },
  { key: 'closed_at', label: '关闭时间', kind: 'time' },
];
const rect = (c: KpiContext, where: ReturnType<typeof sql>) => sql`
  select r.id, r.title, r.source_type, r.state, r.round, r.deadline, r.closed_at from rectifications r
   where r.project_id = ${c.projectId} and (${where})`;
/** Rectifications whose deadline fell in the window and had passed by now: the ones due. */
const dueWhere = (c: KpiContext) =>
  sql`r.state <> 'cancelled' and r.deadline >= ${c.from} and r.deadline < ${c.to} and r.deadline <= ${c.now}`;

const FINDING_COLUMNS: readonly DrillColumn[] = [
  { key: 'item_key', label: '扣分项', kind: 'text' },
  { key: 'count', label: '处数', kind: 'number' },
  { key: 'nc_type', label: '不合格类型', kind: 'text' },
  { key: 'created_at', label: '发现时间', kind: 'time' },
];

/** 品质检查: inspection scores (W-19/W-20) and the 整改单 they and the other modules open. */
export const qualityDashboard = defineDashboard({
  key: 'quality',
  title: '品质检查',
  permission: 'quality.read',
  cards: [
    { key: 'inspections', label: '已提交检查', records: submitted, columns: INSPECTION_COLUMNS },
    {
      key: 'findings',
      label: '检查发现问题',
      records: (c) => sql`
        select f.id, f.item_key, f.count, f.nc_type, f.created_at from inspection_findings f
          join inspections i on i.id = f.inspection_id
         where i.project_id = ${c.projectId} and f.created_at >= ${c.from} and f.created_at < ${c.to}`,
      columns: FINDING_COLUMNS,
    },
    {
      key: 'rect_opened',
      label: '新开整改单',
      records: (c) => rect(c, sql`r.created_at >= ${c.from} and r.created_at < ${c.to}`),
      columns: RECT_COLUMNS,
    },
    { key: 'rect_due', label: '到期整改单', records: (c) => rect(c, dueWhere(c)), columns: RECT_COLUMNS },
    {
      key: 'rect_on_time',
      label: '按期关闭',
      records: (c) => rect(c, sql`${dueWhere(c)} and r.state = 'closed' and r.closed_at <= r.deadline`),
      columns: RECT_COLUMNS,
      base: 'rect_due',
      good: 'high',
    },
    {
      key: 'rect_overdue',
      label: '逾期未关闭(当前)',
      records: (c) => rect(c, sql`r.state in ('open', 'submitted') and r.deadline < ${c.now}`),
      columns: RECT_COLUMNS,
      good: 'low',
    },
    {
      key: 'rect_closed',
      label: '期内关闭',
      records: (c) => rect(c, sql`r.state = 'closed' and r.closed_at >= ${c.from} and r.closed_at < ${c.to}`),
      columns: RECT_COLUMNS,
    },
    {
      // Closed at the first re-check: a failed re-check starts round 2, so round 1 at closing = passed first time.
      key: 'rect_first_pass',
      label: '一次复查通过',
      records: (c) =>
        rect(
          c,
          sql`r.state = 'closed' and r.round = 1 and r.closed_at >= ${c.from} and r.closed_at < ${c.to}`,
        ),
      columns: RECT_COLUMNS,
      base: 'rect_closed',
      good: 'high',
    },
  ],
  series: [
    {
      key: 'score_by_month',
      label: '平均得分率(按月)',
      chart: 'line',
      rows: {
        sql: (c) => sql`
          select to_char(i.submitted_at at time zone ${c.timeZone}, 'YYYY-MM') as x, '得分率' as name,
                 round(avg(i.percent)::numeric, 1) as value from inspections i
           where i.project_id = ${c.projectId} and i.state = 'submitted' and i.percent is not null
             and i.submitted_at >= ${c.from} and i.submitted_at < ${c.to} group by 1 order by 1`,
      },
      missing: null,
    },
    {
      key: 'score_by_department',
      label: '平均得分率(按部门/片区)',
      chart: 'bar',
      rows: {
        sql: (c) => sql`
          select coalesce(d.name, z.name, '未指定') as x, '得分率' as name,
                 round(avg(i.percent)::numeric, 1) as value from inspections i
            left join departments d on d.id = i.department_id left join zones z on z.id = i.zone_id
           where i.project_id = ${c.projectId} and i.state = 'submitted' and i.percent is not null
             and i.submitted_at >= ${c.from} and i.submitted_at < ${c.to} group by 1 order by 1`,
      },
      missing: null,
    },
    {
      key: 'findings_9s_by_month',
      label: '9S 问题(按月)',
      chart: 'bar',
      rows: {
        // 9S findings name the person at fault (Q21); the other sheets' findings do not.
        sql: (c) => sql`
          select to_char(f.created_at at time zone ${c.timeZone}, 'YYYY-MM') as x, '9S' as name,
                 sum(f.count) as value from inspection_findings f join inspections i on i.id = f.inspection_id
           where i.project_id = ${c.projectId} and f.subject_user_id is not null
             and f.created_at >= ${c.from} and f.created_at < ${c.to} group by 1 order by 1`,
      },
    },
    {
      key: 'top_items',
      label: '扣分最多的检查项',
      chart: 'bar',
      rows: {
        sql: (c) => sql`
          select f.item_key as x, '处数' as name, sum(f.count) as value from inspection_findings f
            join inspections i on i.id = f.inspection_id
           where i.project_id = ${c.projectId} and f.created_at >= ${c.from} and f.created_at < ${c.to}
           group by 1 order by 3 desc, 1 limit 10`,
      },
    },
    {
      key: 'rect_by_day',
      label: '整改单(按日)',
      chart: 'line',
      rows: {
        sql: (c) => sql`
          select ${localDay(c, sql`r.created_at`)} as x, '新开' as name, count(*) as value from rectifications r
           where r.project_id = ${c.projectId} and r.created_at >= ${c.from} and r.created_at < ${c.to} group by 1
          union all
          select ${localDay(c, sql`r.closed_at`)} as x, '关闭' as name, count(*) as value from rectifications r
           where r.project_id = ${c.projectId} and r.state = 'closed' and r.closed_at >= ${c.from} and r.closed_at < ${c.to}
           group by 1`,
      },
    },
  ],
});

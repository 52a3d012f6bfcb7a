import { sql } from 'drizzle-orm';
import { type DrillColumn, defineDashboard, type RowSource, sourcedCard } from '../registry';
import { localDays } from '../rules/kpi';
import { localDay } from './parts';

const WO_COLUMNS: readonly DrillColumn[] = [
  { key: 'number', label: '派工单号', kind: 'text' },
  { key: 'technician', label: '技术员', kind: 'text' },
  { key: 'status', label: '状态', kind: 'text' },
  { key: 'dispatched_at', label: '派单时间', kind: 'time' },
  { key: 'completed_at', label: '完成时间', kind: 'time' },
  { key: 'resolve_due_at', label: '完成期限', kind: 'time' },
];

/** Work orders completed in the window (by completion time), as `w`. */
const COMPLETED: RowSource = {
  from: () => sql`from work_orders w left join users u on u.id = w.technician_id`,
  where: (c) =>
    sql`w.project_id = ${c.projectId} and w.status = '已完成' and w.completed_at >= ${c.from} and w.completed_at < ${c.to}`,
  select: sql`w.id, w.number, u.display_name as technician, w.status, w.dispatched_at, w.completed_at, w.resolve_due_at`,
  columns: WO_COLUMNS,
};

/** 人员绩效: technicians' orders, on-time %, MTTR, rework and workload by day (弹性工作制); agents' tickets. */
export const peopleDashboard = defineDashboard({
  key: 'people',
  title: '人员绩效',
  permission: 'tickets.read',
  cards: [
    sourcedCard(COMPLETED, sql`true`, { key: 'completed', label: '完成派工单' }),
    sourcedCard(COMPLETED, sql`w.resolve_due_at is null or w.completed_at <= w.resolve_due_at`, {
      key: 'on_time',
      label: '按时完成',
      base: 'completed',
      good: 'high',
    }),
    sourcedCard(COMPLETED, sql`w.return_count > 0 or w.transfer_count > 0`, {
      key: 'returned',
      label: '退回/转派过',
      base: 'completed',
      good: 'low',
    }),
    sourcedCard(
      COMPLETED,
      sql`exists (select 1 from tickets t where t.id = w.ticket_id and t.reopen_count > 0)`,
      {
        key: 'reworked',
        label: '返工(工单重开)',
        base: 'completed',
        good: 'low',
      },
    ),
  ],
  series: [
    {
      key: 'orders_by_technician',
      label: '技术员完成量',
      chart: 'bar',
      rows: {
        sql: (c) => sql`
          select coalesce(u.display_name, '外包/未知') as x, '完成' as name, count(*) as value
            from work_orders w left join users u on u.id = w.technician_id
           where w.project_id = ${c.projectId} and w.status = '已完成' and w.completed_at >= ${c.from} and w.completed_at < ${c.to}
           group by 1 order by 3 desc limit 30`,
      },
    },
    {
      key: 'on_time_by_technician',
      label: '技术员按时率(%)',
      chart: 'bar',
      rows: {
        sql: (c) => sql`
          select coalesce(u.display_name, '外包/未知') as x, '按时率' as name,
                 round(100.0 * count(*) filter (where w.resolve_due_at is null or w.completed_at <= w.resolve_due_at) / count(*), 1) as value
            from work_orders w left join users u on u.id = w.technician_id
           where w.project_id = ${c.projectId} and w.status = '已完成' and w.completed_at >= ${c.from} and w.completed_at < ${c.to}
           group by 1`,
      },
      missing: null,
    },
    {
      key: 'mttr_by_technician',
      label: '平均修复时长 MTTR(分钟,派单→完成)',
      chart: 'bar',
      rows: {
        sql: (c) => sql`
          select coalesce(u.display_name, '外包/未知') as x, 'MTTR' as name,
                 round(avg(extract(epoch from (w.completed_at - coalesce(w.dispatched_at, w.created_at))) / 60)::numeric, 1) as value
            from work_orders w left join users u on u.id = w.technician_id
           where w.project_id = ${c.projectId} and w.status = '已完成' and w.completed_at >= ${c.from} and w.completed_at < ${c.to}
           group by 1`,
      },
      missing: null,
    },
    {
      key: 'workload',
      label: '技术员每日工作量',
      chart: 'heatmap',
      rows: {
        sql: (c) => sql`
          select ${localDay(c, sql`w.completed_at`)} as x, coalesce(u.display_name, '外包/未知') as name, count(*) as value
            from work_orders w left join users u on u.id = w.technician_id
           where w.project_id = ${c.projectId} and w.status = '已完成' and w.completed_at >= ${c.from} and w.completed_at < ${c.to}
           group by 1, 2`,
      },
      categories: (c) => localDays(c.from, c.to, c.timeZone),
    },
    {
      key: 'tickets_by_owner',
      label: '坐席/管家受理量(首问负责)',
      chart: 'bar',
      rows: {
        sql: (c) => sql`
          select coalesce(u.display_name, '系统') as x, t.type as name, count(*) as value
            from tickets t left join users u on u.id = t.owner_id
           where t.project_id = ${c.projectId} and t.created_at >= ${c.from} and t.created_at < ${c.to}
           group by 1, 2`,
      },
    },
  ],
});

import { sql } from 'drizzle-orm';
import { type DrillColumn, defineDashboard, type KpiContext } from '../registry';

const TASK_COLUMNS: readonly DrillColumn[] = [
  { key: 'title', label: '任务', kind: 'text' },
  { key: 'system', label: '系统', kind: 'text' },
  { key: 'status', label: '状态', kind: 'text' },
  { key: 'due_at', label: '应完成', kind: 'time' },
  { key: 'completed_at', label: '完成时间', kind: 'time' },
];
const tasks = (c: KpiContext, where = sql`true`) => sql`
  select k.id, k.title, k.system, k.status, k.due_at, k.completed_at from inspection_tasks k
   where k.project_id = ${c.projectId} and k.due_at >= ${c.from} and k.due_at < ${c.to} and (${where})`;

const PATROL_COLUMNS: readonly DrillColumn[] = [
  { key: 'route_name', label: '路线', kind: 'text' },
  { key: 'kind', label: '类型', kind: 'text' },
  { key: 'status', label: '状态', kind: 'text' },
  { key: 'starts_at', label: '开始', kind: 'time' },
];
const patrolsOf = (c: KpiContext, where = sql`true`) => sql`
  select p.id, p.route_name, p.kind, p.status, p.starts_at from patrols p
   where p.project_id = ${c.projectId} and p.starts_at >= ${c.from} and p.starts_at < ${c.to}
     and p.closes_at <= ${c.now} and (${where})`;

/** 工程运维: maintenance completion (设备保养/巡检 tasks), equipment down, defects and patrols. */
export const operationsDashboard = defineDashboard({
  key: 'operations',
  title: '工程运维',
  permission: 'assets.read',
  cards: [
    {
      key: 'tasks_due',
      label: '到期保养任务',
      records: (c) => tasks(c, sql`k.status <> 'pending' or k.expires_at <= ${c.now}`),
      columns: TASK_COLUMNS,
    },
    {
      key: 'tasks_on_time',
      label: '按时完成',
      records: (c) => tasks(c, sql`k.status = 'done' and k.on_time`),
      columns: TASK_COLUMNS,
      base: 'tasks_due',
      good: 'high',
    },
    {
      key: 'tasks_missed',
      label: '漏做',
      records: (c) => tasks(c, sql`k.status = 'missed'`),
      columns: TASK_COLUMNS,
      base: 'tasks_due',
      good: 'low',
    },
    {
      key: 'equipment_down',
      label: '停用/维修中设备(当前)',
      records: (c) => sql`
        select e.id, e.code, e.name, e.system, e.status, e.status_since from equipment e
         where e.project_id = ${c.projectId} and e.status in ('停用', '维修中')`,
      columns: [
        { key: 'code', label: '编号', kind: 'text' },
        { key: 'name', label: '设备', kind: 'text' },
        { key: 'system', label: '系统', kind: 'text' },
        { key: 'status', label: '状态', kind: 'text' },
        { key: 'status_since', label: '自', kind: 'time' },
      ],
    },
    {
      key: 'defects',
      label: '新发现缺陷',
      records: (c) => sql`
        select d.id, d.system, d.item_id, d.occurrences, d.opened_at from equipment_defects d
         where d.project_id = ${c.projectId} and d.opened_at >= ${c.from} and d.opened_at < ${c.to}`,
      columns: [
        { key: 'system', label: '系统', kind: 'text' },
        { key: 'item_id', label: '检查项', kind: 'text' },
        { key: 'occurrences', label: '次数', kind: 'number' },
        { key: 'opened_at', label: '发现时间', kind: 'time' },
      ],
    },
    { key: 'patrols', label: '到期巡更', records: (c) => patrolsOf(c), columns: PATROL_COLUMNS },
    {
      key: 'patrols_missed',
      label: '漏巡',
      records: (c) => patrolsOf(c, sql`p.status = '漏检'`),
      columns: PATROL_COLUMNS,
      base: 'patrols',
      good: 'low',
    },
  ],
  series: [
    {
      key: 'tasks_by_system',
      label: '保养完成(按系统)',
      chart: 'bar',
      rows: {
        sql: (c) => sql`
          select k.system as x, case k.status when 'done' then '完成' when 'missed' then '漏做' else '待做' end as name,
                 count(*) as value from inspection_tasks k
           where k.project_id = ${c.projectId} and k.due_at >= ${c.from} and k.due_at < ${c.to} group by 1, 2`,
      },
    },
    {
      key: 'downtime_by_system',
      label: '设备停机时长(小时,按系统)',
      chart: 'bar',
      rows: {
        // Each spell out of service: from a change into 停用/维修中 to the next change (or now), clipped to the window.
        sql: (c) => sql`
          select e.system as x, '停机' as name,
                 round(sum(extract(epoch from (least(coalesce(s.until, ${c.now}::timestamptz), ${c.to}::timestamptz)
                                     - greatest(s.at, ${c.from}::timestamptz))) / 3600)::numeric, 1) as value
            from (select x.equipment_id, x.at, x.to_status,
                         lead(x.at) over (partition by x.equipment_id order by x.at, x.id) as until
                    from equipment_status_changes x where x.project_id = ${c.projectId}) s
            join equipment e on e.id = s.equipment_id
           where s.to_status in ('停用', '维修中') and s.at < ${c.to} and coalesce(s.until, ${c.now}::timestamptz) > ${c.from}
           group by 1`,
      },
      missing: null,
    },
  ],
});

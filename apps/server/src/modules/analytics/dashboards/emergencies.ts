import { sql } from 'drizzle-orm';
import { defineDashboard } from '../registry';

/** 应急与停水停电: incidents (outages) and emergencies of the window, and what is still active. */
export const emergenciesDashboard = defineDashboard({
  key: 'emergencies',
  title: '应急与停水停电',
  permission: 'incidents.read',
  cards: [
    {
      key: 'incidents',
      label: '停水停电/事件',
      records: (c) => sql`
        select i.id, i.kind, i.title, i.status, i.starts_at, i.resolved_at from incidents i
         where i.project_id = ${c.projectId} and i.starts_at >= ${c.from} and i.starts_at < ${c.to}`,
      columns: [
        { key: 'kind', label: '类型', kind: 'text' },
        { key: 'title', label: '标题', kind: 'text' },
        { key: 'status', label: '状态', kind: 'text' },
        { key: 'starts_at', label: '开始', kind: 'time' },
        { key: 'resolved_at', label: '恢复', kind: 'time' },
      ],
    },
    {
      key: 'emergencies',
      label: '特别事件',
      records: (c) => sql`
        select e.id, e.number, e.type, e.level, e.status, e.place, e.created_at from emergencies e
         where e.project_id = ${c.projectId} and e.created_at >= ${c.from} and e.created_at < ${c.to}`,
      columns: [
        { key: 'number', label: '编号', kind: 'text' },
        { key: 'type', label: '类型', kind: 'text' },
        { key: 'level', label: '级别', kind: 'text' },
        { key: 'status', label: '状态', kind: 'text' },
        { key: 'place', label: '地点', kind: 'text' },
        { key: 'created_at', label: '上报时间', kind: 'time' },
      ],
    },
    {
      key: 'emergencies_active',
      label: '处置中特别事件(当前)',
      records: (c) => sql`
        select e.id, e.number, e.type, e.level, e.status, e.place, e.created_at from emergencies e
         where e.project_id = ${c.projectId} and e.status not in ('已结束', '已复盘')`,
      columns: [
        { key: 'number', label: '编号', kind: 'text' },
        { key: 'type', label: '类型', kind: 'text' },
        { key: 'level', label: '级别', kind: 'text' },
        { key: 'status', label: '状态', kind: 'text' },
        { key: 'place', label: '地点', kind: 'text' },
        { key: 'created_at', label: '上报时间', kind: 'time' },
      ],
    },
  ],
  series: [
    {
      key: 'by_kind',
      label: '事件类型',
      chart: 'pie',
      rows: {
        sql: (c) => sql`
          select kind as x, '数量' as name, count(*) as value from (
            select i.kind from incidents i where i.project_id = ${c.projectId} and i.starts_at >= ${c.from} and i.starts_at < ${c.to}
            union all
            select e.type from emergencies e where e.project_id = ${c.projectId} and e.created_at >= ${c.from} and e.created_at < ${c.to}) k
           group by 1`,
      },
    },
  ],
});

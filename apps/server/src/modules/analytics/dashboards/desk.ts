import { sql } from 'drizzle-orm';
import { getSetting } from '../../../platform/settings/get-setting';
import { PARCEL_REMINDER_DAYS } from '../../frontdesk/settings';
import { type DrillColumn, defineDashboard, type KpiContext } from '../registry';

const ENTRY_COLUMNS: readonly DrillColumn[] = [
  { key: 'code', label: '编号', kind: 'text' },
  { key: 'register', label: '登记簿', kind: 'text' },
  { key: 'status', label: '状态', kind: 'text' },
  { key: 'unit', label: '房号', kind: 'text' },
  { key: 'created_at', label: '登记时间', kind: 'time' },
  { key: 'closed_at', label: '办结时间', kind: 'time' },
];
/** Desk entries of one register (no visitor/recipient names or phones: PII stays in the desk's own lists). */
const entries = (c: KpiContext, register: string, where = sql`true`) => sql`
  select e.id, e.code, e.register, e.status, u.label as unit, e.created_at, e.closed_at from desk_entries e
    left join units u on u.id = e.unit_id
   where e.project_id = ${c.projectId} and e.register = ${register} and (${where})`;
const created = (c: KpiContext) => sql`e.created_at >= ${c.from} and e.created_at < ${c.to}`;

const BOOKING_COLUMNS: readonly DrillColumn[] = [
  { key: 'facility', label: '场地', kind: 'text' },
  { key: 'state', label: '状态', kind: 'text' },
  { key: 'people', label: '人数', kind: 'number' },
  { key: 'starts_at', label: '开始', kind: 'time' },
  { key: 'ends_at', label: '结束', kind: 'time' },
];
/** Bookings starting in the window (rejected and cancelled ones never took a slot). */
const bookings = (c: KpiContext, where = sql`true`) => sql`
  select b.id, f.name as facility, b.state, b.people, b.starts_at, b.ends_at from facility_bookings b
    join facilities f on f.id = b.facility_id
   where b.project_id = ${c.projectId} and b.starts_at >= ${c.from} and b.starts_at < ${c.to}
     and b.state not in ('cancelled', 'rejected') and (${where})`;

const DECORATION_COLUMNS: readonly DrillColumn[] = [
  { key: 'number', label: '装修编号', kind: 'text' },
  { key: 'unit', label: '房号', kind: 'text' },
  { key: 'state', label: '状态', kind: 'text' },
  { key: 'starts_on', label: '开工', kind: 'text' },
  { key: 'ends_on', label: '完工', kind: 'text' },
];

const MOVE_IN_COLUMNS: readonly DrillColumn[] = [
  { key: 'unit', label: '房号', kind: 'text' },
  { key: 'state', label: '状态', kind: 'text' },
  { key: 'created_at', label: '开始', kind: 'time' },
  { key: 'completed_at', label: '完成', kind: 'time' },
];

/** 前台与生活服务: visitors, parcels, releases, keys (W-16, W-32), facility bookings, decorations and move-ins. */
export const deskDashboard = defineDashboard({
  key: 'desk',
  title: '前台与生活服务',
  permission: 'desk.read',
  prepare: async (c) => ({
    // A parcel waiting longer than the second-notice threshold counts as waiting too long.
    parcelDays: await getSetting(c.db, PARCEL_REMINDER_DAYS, {
      companyId: c.companyId,
      projectId: c.projectId,
    }),
  }),
  cards: [
    {
      key: 'visitors',
      label: '访客登记',
      records: (c) => entries(c, 'visitor', created(c)),
      columns: ENTRY_COLUMNS,
    },
    {
      key: 'visitors_used',
      label: '通行证已使用',
      records: (c) => entries(c, 'visitor', sql`${created(c)} and e.uses_count > 0`),
      columns: ENTRY_COLUMNS,
      base: 'visitors',
    },
    {
      key: 'parcels',
      label: '快递入库',
      records: (c) => entries(c, 'parcel', created(c)),
      columns: ENTRY_COLUMNS,
    },
    {
      key: 'parcels_picked',
      label: '已取件',
      records: (c) => entries(c, 'parcel', sql`${created(c)} and e.status in ('已取件', '已送达')`),
      columns: ENTRY_COLUMNS,
      base: 'parcels',
      good: 'high',
    },
    {
      key: 'parcels_waiting',
      label: '待取超期(当前)',
      records: (c) =>
        entries(
          c,
          'parcel',
          sql`e.status = '待取' and e.created_at < ${c.now}::timestamptz - make_interval(days => ${c.params.parcelDays ?? 3})`,
        ),
      columns: ENTRY_COLUMNS,
      good: 'low',
    },
    {
      key: 'releases',
      label: '物品放行',
      records: (c) => entries(c, 'release', sql`${created(c)} and e.status = '已放行'`),
      columns: ENTRY_COLUMNS,
    },
    {
      key: 'keys_out',
      label: '钥匙借出(当前)',
      records: (c) => entries(c, 'key', sql`e.status = '借出'`),
      columns: ENTRY_COLUMNS,
    },
    {
      key: 'keys_overdue',
      label: '钥匙逾期未还',
      records: (c) => entries(c, 'key', sql`e.status = '借出' and e.due_at < ${c.now}`),
      columns: ENTRY_COLUMNS,
      base: 'keys_out',
      good: 'low',
    },
    { key: 'bookings', label: '场地预约', records: (c) => bookings(c), columns: BOOKING_COLUMNS },
    {
      key: 'no_shows',
      label: '爽约',
      records: (c) => bookings(c, sql`b.state = 'no_show'`),
      columns: BOOKING_COLUMNS,
      base: 'bookings',
      good: 'low',
    },
    {
      key: 'decorations_active',
      label: '在施装修(当前)',
      records: (c) => sql`
        select d.id, d.number, u.label as unit, d.state, d.starts_on, d.ends_on from decorations d
          left join units u on u.id = d.unit_id
         where d.project_id = ${c.projectId} and d.state in ('approved', 'in_progress', 'acceptance')`,
      columns: DECORATION_COLUMNS,
    },
    {
      key: 'decoration_findings',
      label: '装修巡查发现问题',
      records: (c) => sql`
        select n.id, d.number, n.day, n.note, n.done_at from decoration_inspections n
          join decorations d on d.id = n.decoration_id
         where n.project_id = ${c.projectId} and n.state = 'done' and n.ok = false
           and n.done_at >= ${c.from} and n.done_at < ${c.to}`,
      columns: [
        { key: 'number', label: '装修编号', kind: 'text' },
        { key: 'day', label: '巡查日', kind: 'text' },
        { key: 'note', label: '问题', kind: 'text' },
        { key: 'done_at', label: '巡查时间', kind: 'time' },
      ],
    },
    {
      key: 'move_ins',
      label: '入住办理',
      records: (c) => sql`
        select m.id, u.label as unit, m.state, m.created_at, m.completed_at from move_ins m
          left join units u on u.id = m.unit_id
         where m.project_id = ${c.projectId} and m.state <> 'cancelled'
           and m.created_at >= ${c.from} and m.created_at < ${c.to}`,
      columns: MOVE_IN_COLUMNS,
    },
    {
      key: 'move_in_defects_open',
      label: '入住缺陷未修复(当前)',
      records: (c) => sql`
        select x.id, u.label as unit, x.location, x.description, x.created_at from move_in_defects x
          join move_ins m on m.id = x.move_in_id left join units u on u.id = m.unit_id
         where x.project_id = ${c.projectId} and x.fixed_at is null and m.state <> 'cancelled'`,
      columns: [
        { key: 'unit', label: '房号', kind: 'text' },
        { key: 'location', label: '位置', kind: 'text' },
        { key: 'description', label: '缺陷', kind: 'text' },
        { key: 'created_at', label: '登记时间', kind: 'time' },
      ],
      good: 'low',
    },
  ],
  series: [
    {
      key: 'desk_by_day',
      label: '前台登记(按日)',
      chart: 'line',
      rows: {
        sql: (c) => sql`
          select to_char(e.created_at at time zone ${c.timeZone}, 'YYYY-MM-DD') as x,
                 case e.register when 'visitor' then '访客' when 'parcel' then '快递' when 'release' then '放行'
                   when 'key' then '钥匙' else '借用' end as name, count(*) as value
            from desk_entries e where e.project_id = ${c.projectId} and ${created(c)} group by 1, 2`,
      },
    },
    {
      key: 'bookings_by_facility',
      label: '场地预约(按场地)',
      chart: 'bar',
      rows: {
        sql: (c) => sql`
          select f.name as x, case b.state when 'no_show' then '爽约' else '预约' end as name, count(*) as value
            from facility_bookings b join facilities f on f.id = b.facility_id
           where b.project_id = ${c.projectId} and b.starts_at >= ${c.from} and b.starts_at < ${c.to}
             and b.state not in ('cancelled', 'rejected') group by 1, 2`,
      },
    },
    {
      key: 'utilisation_by_facility',
      label: '场地使用率(%,按场地)',
      chart: 'bar',
      rows: {
        // Booked lane-hours over open lane-hours of the window (open_from/open_to 'HH:MM' each day).
        sql: (c) => sql`
          select f.name as x, '使用率' as name,
                 round((100 * coalesce(sum(extract(epoch from (b.ends_at - b.starts_at))), 0)
                   / nullif(extract(epoch from (f.open_to::time - f.open_from::time)) * f.capacity
                            * greatest(1, ceil(extract(epoch from (${c.to}::timestamptz - ${c.from}::timestamptz)) / 86400)), 0))::numeric, 1) as value
            from facilities f left join facility_bookings b on b.facility_id = f.id
                 and b.starts_at >= ${c.from} and b.starts_at < ${c.to} and b.state in ('confirmed', 'checked_in', 'completed')
           where f.project_id = ${c.projectId} and f.active group by f.id, f.name, f.open_to, f.open_from, f.capacity`,
      },
      missing: null,
    },
  ],
});

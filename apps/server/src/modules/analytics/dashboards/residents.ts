import { sql } from 'drizzle-orm';
import { type DrillColumn, defineDashboard, type KpiContext } from '../registry';

const INVITATION_COLUMNS: readonly DrillColumn[] = [
  { key: 'campaign', label: '问卷', kind: 'text' },
  { key: 'unit', label: '房号', kind: 'text' },
  { key: 'channel', label: '渠道', kind: 'text' },
  { key: 'answered_at', label: '答卷时间', kind: 'time' },
];
/**
 * Households invited by the campaigns that started in the window (local dates), one invitation each —
 * the same households the survey's own results count (surveys/rules/results.ts: coverage = responded ÷
 * households, satisfaction = satisfied ÷ households answering the overall question).
 */
const invitations = (c: KpiContext, where = sql`true`) => sql`
  select i.id, s.name as campaign, u.label as unit, i.channel, i.answered_at from survey_invitations i
    join survey_campaigns s on s.id = i.campaign_id left join units u on u.id = i.unit_id
   where s.project_id = ${c.projectId}
     and s.starts_on >= (${c.from}::timestamptz at time zone ${c.timeZone})::date
     and s.starts_on < (${c.to}::timestamptz at time zone ${c.timeZone})::date and (${where})`;

const VISIT_COLUMNS: readonly DrillColumn[] = [
  { key: 'unit', label: '房号', kind: 'text' },
  { key: 'purpose', label: '目的', kind: 'text' },
  { key: 'method', label: '方式', kind: 'text' },
  { key: 'status', label: '状态', kind: 'text' },
  { key: 'planned_on', label: '计划日', kind: 'text' },
  { key: 'due_on', label: '最迟', kind: 'text' },
  { key: 'done_at', label: '完成时间', kind: 'time' },
];
const localDate = (c: KpiContext, at: Date) => sql`(${at}::timestamptz at time zone ${c.timeZone})::date`;
/** Visits planned for a day of the window (local dates). */
const visitsOf = (c: KpiContext, where = sql`true`) => sql`
  select v.id, u.label as unit, v.purpose, v.method, v.status, v.planned_on::text as planned_on,
         v.due_on::text as due_on, v.done_at from visits v left join units u on u.id = v.unit_id
   where v.project_id = ${c.projectId} and v.planned_on >= ${localDate(c, c.from)}
     and v.planned_on < ${localDate(c, c.to)} and v.status <> 'cancelled' and (${where})`;
/** Move-in visits (Q86 three days / a week / a month, Q87 care) whose last day fell in the window and has passed. */
const moveInDue = (c: KpiContext) =>
  sql`v.source_key is not null and v.due_on is not null and v.due_on < ${localDate(c, c.now)}`;

const HOUSEHOLD_COLUMNS: readonly DrillColumn[] = [
  { key: 'unit', label: '房号', kind: 'text' },
  { key: 'zone', label: '片区', kind: 'text' },
];
/** Occupied units (a resident on file), as visits' own R08 report counts them. */
const households = (c: KpiContext, where = sql`true`) => sql`
  select u.id, u.label as unit, coalesce(z.name, '未分片区') as zone from units u
    left join zone_buildings zb on zb.building_id = u.building_id left join zones z on z.id = zb.zone_id
   where u.project_id = ${c.projectId} and exists (select 1 from resident_units ru where ru.unit_id = u.id)
     and (${where})`;
/** Q84 counts every contact with a household: a visit made or a survey answered in the window. */
const contacted = (c: KpiContext) => sql`
  exists (select 1 from visits v where v.unit_id = u.id and v.status = 'visited'
           and v.done_at >= ${c.from} and v.done_at < ${c.to})
  or exists (select 1 from survey_invitations i where i.unit_id = u.id
           and i.answered_at >= ${c.from} and i.answered_at < ${c.to})`;

/** 住户满意度与走访: survey coverage (Q81) and satisfaction (Q82), visits and visit coverage (Q84). */
export const residentsDashboard = defineDashboard({
  key: 'residents',
  title: '满意度与走访',
  permission: 'surveys.read',
  cards: [
    {
      key: 'survey_households',
      label: '问卷户数',
      records: (c) => invitations(c),
      columns: INVITATION_COLUMNS,
    },
    {
      key: 'survey_responded',
      label: '已答卷户数(覆盖率,Q81 目标 45%)',
      records: (c) => invitations(c, sql`i.answered_at is not null`),
      columns: INVITATION_COLUMNS,
      base: 'survey_households',
      good: 'high',
    },
    {
      key: 'survey_overall_answered',
      label: '回答总体满意度户数',
      records: (c) => invitations(c, sql`i.answered_at is not null and i.overall_satisfied is not null`),
      columns: INVITATION_COLUMNS,
    },
    {
      key: 'survey_satisfied',
      label: '满意户数(满意率,Q82 目标 70%)',
      records: (c) => invitations(c, sql`i.answered_at is not null and i.overall_satisfied`),
      columns: INVITATION_COLUMNS,
      base: 'survey_overall_answered',
      good: 'high',
    },
    { key: 'visits_planned', label: '计划走访', records: (c) => visitsOf(c), columns: VISIT_COLUMNS },
    {
      key: 'visits_done',
      label: '已走访',
      records: (c) => visitsOf(c, sql`v.status = 'visited'`),
      columns: VISIT_COLUMNS,
      base: 'visits_planned',
      good: 'high',
    },
    {
      key: 'visits_missed',
      label: '未遇/拒访',
      records: (c) => visitsOf(c, sql`v.status in ('absent', 'refused')`),
      columns: VISIT_COLUMNS,
      base: 'visits_planned',
      good: 'low',
    },
    {
      key: 'movein_due',
      label: '到期入住回访(Q86/Q87)',
      records: (c) => visitsOf(c, moveInDue(c)),
      columns: VISIT_COLUMNS,
    },
    {
      key: 'movein_on_time',
      label: '入住回访按时完成',
      records: (c) =>
        visitsOf(
          c,
          sql`${moveInDue(c)} and v.status = 'visited' and (v.done_at at time zone ${c.timeZone})::date <= v.due_on`,
        ),
      columns: VISIT_COLUMNS,
      base: 'movein_due',
      good: 'high',
    },
    { key: 'households', label: '住户户数', records: (c) => households(c), columns: HOUSEHOLD_COLUMNS },
    {
      key: 'households_contacted',
      label: '期内已沟通户数(走访覆盖率,Q84)',
      records: (c) => households(c, contacted(c)),
      columns: HOUSEHOLD_COLUMNS,
      base: 'households',
      good: 'high',
    },
  ],
  series: [
    {
      key: 'survey_by_zone',
      label: '问卷覆盖与满意(按片区)',
      chart: 'bar',
      rows: {
        sql: (c) => sql`
          select coalesce(z.name, '未分片区') as x, k.name, k.value from (
            select i.zone_id, '答卷' as name, count(*) filter (where i.answered_at is not null) as value
              from survey_invitations i join survey_campaigns s on s.id = i.campaign_id
             where s.project_id = ${c.projectId} and s.starts_on >= ${localDate(c, c.from)} and s.starts_on < ${localDate(c, c.to)}
             group by 1
            union all
            select i.zone_id, '满意' as name, count(*) filter (where i.overall_satisfied) as value
              from survey_invitations i join survey_campaigns s on s.id = i.campaign_id
             where s.project_id = ${c.projectId} and s.starts_on >= ${localDate(c, c.from)} and s.starts_on < ${localDate(c, c.to)}
             group by 1) k left join zones z on z.id = k.zone_id`,
      },
    },
    {
      key: 'visits_by_zone',
      label: '走访(按片区)',
      chart: 'bar',
      rows: {
        sql: (c) => sql`
          select coalesce(z.name, '未分片区') as x,
                 case when v.status = 'visited' then '已走访' when v.status in ('absent', 'refused') then '未遇/拒访' else '待走访' end as name,
                 count(*) as value from visits v join units u on u.id = v.unit_id
            left join zone_buildings zb on zb.building_id = u.building_id left join zones z on z.id = zb.zone_id
           where v.project_id = ${c.projectId} and v.planned_on >= ${localDate(c, c.from)}
             and v.planned_on < ${localDate(c, c.to)} and v.status <> 'cancelled' group by 1, 2`,
      },
    },
  ],
});

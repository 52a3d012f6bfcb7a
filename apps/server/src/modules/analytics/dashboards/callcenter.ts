import { sql } from 'drizzle-orm';
import { getSetting } from '../../../platform/settings/get-setting';
import { PHONE_ANSWER_RINGS } from '../../../platform/settings/registry';
import { RING_SECONDS } from '../../telephony/settings';
import { type DrillColumn, defineDashboard, type RowSource, sourcedCard } from '../registry';
import { dailyCounts } from '../rollup';
import { HOURS, localDays } from '../rules/kpi';
import { localHour, TICKET_COLUMNS, TICKET_SELECT, ticketWindow } from './parts';

/** The rollup's call outcomes (calls.inbound dims) as the chart's lines. */
const CALL_OUTCOMES: Readonly<Record<string, string>> = {
  answered: '接通',
  abandoned: '放弃',
  ringing: '振铃中',
};

// No caller numbers in the drill: they are PII, and the call log (with its masking) is one click away.
const CALL_COLUMNS: readonly DrillColumn[] = [
  { key: 'external_id', label: '呼叫编号', kind: 'text' },
  { key: 'agent', label: '坐席', kind: 'text' },
  { key: 'queue', label: '队列', kind: 'text' },
  { key: 'started_at', label: '来电时间', kind: 'time' },
  { key: 'wait_seconds', label: '等待(秒)', kind: 'number' },
  { key: 'talk_seconds', label: '通话(秒)', kind: 'number' },
];

/** The window's inbound calls. */
const INBOUND: RowSource = {
  from: () => sql`from calls k left join users u on u.id = k.agent_id`,
  where: (c) =>
    sql`k.project_id = ${c.projectId} and k.direction = 'in' and k.started_at >= ${c.from} and k.started_at < ${c.to}`,
  select: sql`k.id, k.external_id, u.display_name as agent, k.queue, k.started_at, k.wait_seconds, k.talk_seconds`,
  columns: CALL_COLUMNS,
};

/** 呼叫中心: offered/answered/abandoned, Q01 answered within three rings, waits, agents by hour, QA. */
export const callcenterDashboard = defineDashboard({
  key: 'callcenter',
  title: '呼叫中心',
  permission: 'calls.read',
  prepare: async (c) => {
    const scope = { companyId: c.companyId, projectId: c.projectId };
    // Q01: N rings × the ring length, as the wallboard counts it.
    const rings = await getSetting(c.db, PHONE_ANSWER_RINGS, scope);
    const ringSeconds = await getSetting(c.db, RING_SECONDS, scope);
    return { targetSeconds: rings * ringSeconds };
  },
  cards: [
    sourcedCard(INBOUND, sql`true`, { key: 'offered', label: '呼入' }),
    sourcedCard(INBOUND, sql`k.answered_at is not null`, {
      key: 'answered',
      label: '接通',
      base: 'offered',
      good: 'high',
    }),
    sourcedCard(INBOUND, sql`k.answered_at is null and k.ended_at is not null`, {
      key: 'abandoned',
      label: '放弃',
      base: 'offered',
      good: 'low',
    }),
    sourcedCard(
      INBOUND,
      (c) =>
        sql`k.answered_at is not null and extract(epoch from (k.answered_at - k.started_at)) <= ${c.params.targetSeconds ?? 15}`,
      { key: 'answered_fast', label: '三声内接听', base: 'offered', good: 'high' },
    ),
    {
      key: 'voicemails',
      label: '非工作时间留言',
      records: (c) =>
        sql`select ${TICKET_SELECT} from tickets t where ${ticketWindow(c)} and t.channel = 'voicemail'`,
      columns: TICKET_COLUMNS,
    },
    {
      key: 'qa_scored',
      label: '已质检录音',
      records: (c) => sql`
        select r.id, u.display_name as agent, r.subject_type, r.total, r.scored_at
          from qa_reviews r left join users u on u.id = r.agent_id
         where r.project_id = ${c.projectId} and r.subject_at >= ${c.from} and r.subject_at < ${c.to}
           and r.total is not null`,
      columns: [
        { key: 'agent', label: '坐席', kind: 'text' },
        { key: 'subject_type', label: '对象', kind: 'text' },
        { key: 'total', label: '得分', kind: 'number' },
        { key: 'scored_at', label: '评分时间', kind: 'time' },
      ],
    },
  ],
  series: [
    {
      key: 'calls_by_day',
      label: '每日呼入(接通/放弃)',
      chart: 'bar',
      rows: {
        compute: async (c) =>
          (await dailyCounts(c, 'calls.inbound')).map((r) => ({
            ...r,
            name: CALL_OUTCOMES[r.name] ?? r.name,
          })),
      },
      categories: (c) => localDays(c.from, c.to, c.timeZone),
    },
    {
      key: 'agent_hour',
      label: '坐席 × 时段 接听量',
      chart: 'heatmap',
      rows: {
        sql: (c) => sql`
          select ${localHour(c, sql`k.started_at`)} as x, coalesce(u.display_name, '未接通') as name, count(*) as value
            from calls k left join users u on u.id = k.agent_id
           where k.project_id = ${c.projectId} and k.direction = 'in' and k.started_at >= ${c.from} and k.started_at < ${c.to}
           group by 1, 2`,
      },
      categories: () => HOURS,
    },
    {
      key: 'agent_wait_talk',
      label: '坐席平均等待/通话(秒)',
      chart: 'bar',
      rows: {
        sql: (c) => sql`
          select coalesce(u.display_name, '—') as x, m.name, m.value from (
            select k.agent_id, '平均等待' as name, round(avg(k.wait_seconds), 1) as value from calls k
             where k.project_id = ${c.projectId} and k.direction = 'in' and k.answered_at is not null
               and k.started_at >= ${c.from} and k.started_at < ${c.to} group by 1
            union all
            select k.agent_id, '平均通话', round(avg(k.talk_seconds), 1) from calls k
             where k.project_id = ${c.projectId} and k.direction = 'in' and k.answered_at is not null
               and k.started_at >= ${c.from} and k.started_at < ${c.to} group by 1) m
          left join users u on u.id = m.agent_id`,
      },
      missing: null,
    },
    {
      key: 'qa_by_agent',
      label: '质检平均分(按坐席)',
      chart: 'bar',
      rows: {
        sql: (c) => sql`
          select coalesce(u.display_name, '—') as x, '平均分' as name, round(avg(r.total), 1) as value
            from qa_reviews r left join users u on u.id = r.agent_id
           where r.project_id = ${c.projectId} and r.subject_at >= ${c.from} and r.subject_at < ${c.to}
             and r.total is not null group by 1`,
      },
      missing: null,
    },
  ],
});

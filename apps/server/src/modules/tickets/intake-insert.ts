import { TICKET_NUMBER_PREFIX, WORK_ORDER_NUMBER_PREFIX } from '@guanjia/shared';
import type { Database } from '../../platform/db/client';
import { jsonRows, keysOf } from '../../platform/db/json-rows';
import type { Actor } from '../../platform/events/record-event';
import { events } from '../../platform/events/schema';
import type { JobQueue } from '../../platform/jobs/queue';
import { jobs } from '../../platform/jobs/schema';
import type { TicketRow, WorkOrderRow } from '../sla/engine';
import { clockValues, SLA_TIMER_JOB } from '../sla/engine';
import { slaClocks } from '../sla/schema';
import { workOrderHandoffs, workOrders } from '../workorders/schema';
import type { IntakePlan } from './intake-rows';
import { localDay } from './numbering';
import { tickets } from './schema';

const T = jsonRows(tickets, keysOf(tickets, ['number', 'searchText']));
const W = jsonRows(workOrders, keysOf(workOrders, ['number']));
const H = jsonRows(workOrderHandoffs, keysOf(workOrderHandoffs, ['id']));
const E = jsonRows(events, keysOf(events, ['id']));
const K = jsonRows(slaClocks, keysOf(slaClocks, ['id']));
const J = jsonRows(jobs, ['name', 'payload', 'runAt', 'dedupeKey', 'maxAttempts']);

/**
 * Whole intakes — one or a batch — as one statement, the same text every time (rows travel as json
 * parameters): the day's counters, the tickets and their work orders with numbers made from the
 * counters, the pool hand-offs, the timeline events, the SLA clocks and the timer jobs. $1 lists the
 * numbers wanted (`entity` t<ticket id> / w<work order id>, in request order); a counter moves once
 * per batch by the count it hands out. Numbers past 9999 keep all their digits.
 */
const INSERT_INTAKE = `
with req as (select * from json_to_recordset($1::json)
               as x(ord int, entity text, project_id bigint, prefix text, day text, rest text)),
agg as (select project_id, prefix, day, count(*)::int as k from req group by project_id, prefix, day),
c as (
  insert into ticket_counters (project_id, prefix, day, value)
  select project_id, prefix, day, k from agg order by project_id, prefix, day
  on conflict (project_id, prefix, day) do update set value = ticket_counters.value + excluded.value
  returning project_id, prefix, day, value),
n as (
  select q.entity, q.rest,
         q.prefix || '-' || q.day || '-' || lpad(q.v::text, greatest(4, length(q.v::text)), '0') as number
    from (select req.*, c.value - agg.k
                   + row_number() over (partition by req.project_id, req.prefix, req.day order by req.ord) as v
            from req join agg using (project_id, prefix, day) join c using (project_id, prefix, day)) q),
t as (
  insert into tickets (${T.columns}, "number", "search_text") overriding system value
  select ${T.fromRecord}, n.number, n.number || ' ' || n.rest
    from ${T.recordset('$2')} join n on n.entity = 't' || r.id
  returning id, number),
w as (
  insert into work_orders (${W.columns}, "number") overriding system value
  select ${W.fromRecord}, n.number from ${W.recordset('$3')} join n on n.entity = 'w' || r.id
  returning id, number),
h as (insert into work_order_handoffs (${H.columns}) select ${H.fromRecord} from ${H.recordset('$4')}),
e as (insert into events (${E.columns}) select ${E.fromRecord} from ${E.recordset('$5')}),
k as (insert into sla_clocks (${K.columns}) select ${K.fromRecord} from ${K.recordset('$6')}
      returning id, ticket_id, subject, kind),
j as (insert into jobs (${J.columns}) select ${J.fromRecord} from ${J.recordset('$7')}
      on conflict (dedupe_key) do nothing)
select (select json_agg(json_build_object('id', id, 'number', number)) from t) as tickets,
       (select json_agg(json_build_object('id', id, 'number', number)) from w) as work_orders,
       (select json_agg(json_build_object('id', id, 'key', ticket_id || '/' || subject || '/' || kind)) from k)
         as clocks`;

export interface IntakeWrite {
  plan: IntakePlan;
  actor: Actor;
  timeZone: string;
}

export interface IntakeNumbers {
  ticketNumber: string;
  workOrderNumber: string | null;
  clockIds: Map<string, number>;
}

/**
 * Write planned intakes in ONE statement (one autocommitted transaction): one round trip for the
 * batch, and the day's counter rows stay locked only while it runs. A statement that fails (e.g. a
 * duplicate Idempotency-Key) gives its numbers back. Answers, per intake, the numbers and the clock ids
 * (keyed subject/kind).
 */
export async function insertIntakes(
  database: Database,
  queue: JobQueue,
  writes: readonly IntakeWrite[],
): Promise<IntakeNumbers[]> {
  const wanted: {
    ord: number;
    entity: string;
    project_id: number;
    prefix: string;
    day: string;
    rest?: string;
  }[] = [];
  const ticketRows: TicketRow[] = [];
  const workOrderRows: WorkOrderRow[] = [];
  const handoffs: Partial<typeof workOrderHandoffs.$inferSelect>[] = [];
  const eventRows: Partial<typeof events.$inferSelect>[] = [];
  const clockRows: Partial<typeof slaClocks.$inferSelect>[] = [];
  const jobRows: NonNullable<ReturnType<NonNullable<JobQueue['jobRow']>>>[] = [];
  const later: NonNullable<IntakePlan['timer']>[] = [];
  for (const { plan, actor, timeZone } of writes) {
    const { ticket: t, workOrders: wos } = plan.bundle;
    const now = t.createdAt;
    const day = localDay(now, timeZone);
    const entry = { project_id: t.projectId, day };
    wanted.push({
      ...entry,
      ord: wanted.length,
      entity: `t${t.id}`,
      prefix: TICKET_NUMBER_PREFIX[t.type],
      rest: plan.searchRest,
    });
    for (const wo of wos)
      wanted.push({ ...entry, ord: wanted.length, entity: `w${wo.id}`, prefix: WORK_ORDER_NUMBER_PREFIX });
    ticketRows.push(t);
    workOrderRows.push(...wos);
    handoffs.push(
      ...wos.map((wo) => ({
        workOrderId: wo.id,
        projectId: wo.projectId,
        fromAt: now,
        byUserId: actor.userId,
      })),
    );
    const event = (action: string, entityType: string, entityId: number, after: unknown) => ({
      occurredAt: now,
      companyId: actor.companyId,
      projectId: t.projectId,
      actorId: actor.userId,
      source: actor.source,
      action,
      entityType,
      entityId: String(entityId),
      after,
    });
    eventRows.push(
      // The human number is not in the event: the statement decides it.
      event('ticket.created', 'ticket', t.id, {
        type: t.type,
        priority: t.priority,
        status: t.status,
        channel: t.channel,
      }),
      ...wos.map((wo) =>
        event('workorder.created', 'work_order', wo.id, {
          ticketId: t.id,
          mode: wo.dispatchMode,
          skill: wo.skill,
        }),
      ),
    );
    clockRows.push(...plan.clocks.map((c) => ({ ...clockValues(t, c.plan, now), warningsFired: 0 })));
    const timer = plan.timer;
    // A queue that keeps its jobs elsewhere gets the timer the ordinary way, after the intake.
    const jobRow = timer && queue.jobRow?.(SLA_TIMER_JOB, timer.payload, timer.options);
    if (jobRow) jobRows.push(jobRow);
    else if (timer) later.push(timer);
  }
  const [row] = await database.query<{
    tickets: { id: number | string; number: string }[] | null;
    work_orders: { id: number | string; number: string }[] | null;
    clocks: { id: number | string; key: string }[] | null;
  }>(INSERT_INTAKE, [
    JSON.stringify(wanted),
    T.json(ticketRows),
    W.json(workOrderRows),
    H.json(handoffs),
    E.json(eventRows),
    K.json(clockRows),
    J.json(jobRows),
  ]);
  const numbers = new Map<string, string>();
  for (const x of row?.tickets ?? []) numbers.set(`t${x.id}`, x.number);
  for (const x of row?.work_orders ?? []) numbers.set(`w${x.id}`, x.number);
  const clockIds = new Map((row?.clocks ?? []).map((c) => [c.key, Number(c.id)]));
  for (const timer of later) await queue.enqueue(SLA_TIMER_JOB, timer.payload, timer.options);
  return writes.map(({ plan }) => {
    const { ticket: t, workOrders: wos } = plan.bundle;
    const ticketNumber = numbers.get(`t${t.id}`);
    if (!ticketNumber) throw new Error('intake insert returned no number');
    const wo = wos[0];
    return {
      ticketNumber,
      workOrderNumber: wo ? (numbers.get(`w${wo.id}`) ?? null) : null,
      clockIds: new Map(
        plan.clocks.map((c) => [
          `${c.plan.subject}/${c.plan.kind}`,
          clockIds.get(`${t.id}/${c.plan.subject}/${c.plan.kind}`) ?? 0,
        ]),
      ),
    };
  });
}

import { TICKET_NUMBER_PREFIX, WORK_ORDER_NUMBER_PREFIX } from '@guanjia/shared';
import type { Database } from '../../platform/db/client';
import { jsonRows, keysOf } from '../../platform/db/json-rows';
import type { Actor } from '../../platform/events/record-event';
import { events } from '../../platform/events/schema';
import type { JobQueue } from '../../platform/jobs/queue';
import { jobs } from '../../platform/jobs/schema';
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
 * The whole intake write as one statement, the same text every time (rows travel as json parameters):
 * the day's counters ($3: ticket prefix, then the work order's), the ticket and its work order with
 * their numbers made from the counters, the pool hand-off, the timeline events, the SLA clocks and the
 * timer job. Numbers past 9999 keep all their digits.
 */
const INSERT_INTAKE = `
with c as (
  insert into ticket_counters (project_id, prefix, day, value)
  select $1::bigint, p.prefix, $2::text, 1 from unnest($3::text[]) with ordinality as p(prefix, ord) order by p.ord
  on conflict (project_id, prefix, day) do update set value = ticket_counters.value + 1
  returning prefix, value),
n as (select prefix, prefix || '-' || $2::text || '-' || lpad(value::text, greatest(4, length(value::text)), '0') as number
        from c),
t as (
  insert into tickets (${T.columns}, "number", "search_text") overriding system value
  select ${T.fromRecord}, n.number, n.number || ' ' || $5::text
    from ${T.recordset('$4')} join n on n.prefix = $6::text
  returning number),
w as (
  insert into work_orders (${W.columns}, "number") overriding system value
  select ${W.fromRecord}, n.number from ${W.recordset('$7')} join n on n.prefix = $8::text
  returning number),
h as (insert into work_order_handoffs (${H.columns}) select ${H.fromRecord} from ${H.recordset('$9')}),
e as (insert into events (${E.columns}) select ${E.fromRecord} from ${E.recordset('$10')}),
k as (insert into sla_clocks (${K.columns}) select ${K.fromRecord} from ${K.recordset('$11')}
      returning id, subject, kind),
j as (insert into jobs (${J.columns}) select ${J.fromRecord} from ${J.recordset('$12')}
      on conflict (dedupe_key) do nothing)
select (select number from t) as ticket_number, (select number from w) as work_order_number,
       (select json_agg(json_build_object('id', id, 'key', subject || '/' || kind)) from k) as clocks`;

/**
 * Write a planned intake in ONE statement (one autocommitted transaction). One statement means one
 * round trip, and the day's counter rows stay locked only while it runs — they used to stay locked for
 * a whole multi-statement transaction, so intakes of a project queued on them. A statement that fails
 * (e.g. a duplicate Idempotency-Key) gives its numbers back. Answers the numbers and the clock ids.
 */
export async function insertIntake(
  database: Database,
  queue: JobQueue,
  plan: IntakePlan,
  actor: Actor,
  timeZone: string,
): Promise<{ ticketNumber: string; workOrderNumber: string | null; clockIds: Map<string, number> }> {
  const { ticket: t, workOrders: wos } = plan.bundle;
  const now = t.createdAt;
  const prefix = TICKET_NUMBER_PREFIX[t.type];
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
  const timer = plan.timer;
  // A queue that keeps its jobs elsewhere gets the timer the ordinary way, after the intake.
  const jobRow = timer && queue.jobRow?.(SLA_TIMER_JOB, timer.payload, timer.options);
  const [row] = await database.query<{
    ticket_number: string;
    work_order_number: string | null;
    clocks: { id: number | string; key: string }[] | null;
  }>(INSERT_INTAKE, [
    t.projectId,
    localDay(now, timeZone),
    wos.length ? [prefix, WORK_ORDER_NUMBER_PREFIX] : [prefix],
    T.json([t]),
    plan.searchRest,
    prefix,
    W.json(wos),
    WORK_ORDER_NUMBER_PREFIX,
    H.json(
      wos.map((wo) => ({ workOrderId: wo.id, projectId: wo.projectId, fromAt: now, byUserId: actor.userId })),
    ),
    E.json([
      // The human number is not in the event: this very statement decides it.
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
    ]),
    K.json(plan.clocks.map((c) => ({ ...clockValues(t, c.plan, now), warningsFired: 0 }))),
    J.json(jobRow ? [jobRow] : []),
  ]);
  if (!row?.ticket_number) throw new Error('intake insert returned nothing');
  if (timer && !jobRow) await queue.enqueue(SLA_TIMER_JOB, timer.payload, timer.options);
  return {
    ticketNumber: row.ticket_number,
    workOrderNumber: row.work_order_number,
    clockIds: new Map((row.clocks ?? []).map((c) => [c.key, Number(c.id)])),
  };
}

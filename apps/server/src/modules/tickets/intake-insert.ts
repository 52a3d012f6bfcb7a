import { TICKET_NUMBER_PREFIX, WORK_ORDER_NUMBER_PREFIX } from '@guanjia/shared';
import type { BusMessage } from '../../platform/bus/bus';
import { jsonRows, keysOf } from '../../platform/db/json-rows';
import type { Actor } from '../../platform/events/record-event';
import { events } from '../../platform/events/schema';
import type { JobQueue } from '../../platform/jobs/queue';
import { jobs } from '../../platform/jobs/schema';
import { technicianStatus } from '../dispatch/schema';
import type { TicketRow, WorkOrderRow } from '../sla/engine';
import { clockValues, SLA_TIMER_JOB } from '../sla/engine';
import { type NotificationInput, notificationMessages } from '../sla/notify';
import { notifications, slaClocks } from '../sla/schema';
import { workOrderHandoffs, workOrders } from '../workorders/schema';
import type { IntakePlan } from './intake-rows';
import { localDay } from './numbering';
import { tickets } from './schema';
import type { DrainedRows, PendingJob } from './write-batch';

const T = jsonRows(tickets, keysOf(tickets, ['number', 'searchText']));
const W = jsonRows(workOrders, keysOf(workOrders, ['number']));
const H = jsonRows(workOrderHandoffs, keysOf(workOrderHandoffs, ['id']));
const E = jsonRows(events, keysOf(events, ['id']));
const K = jsonRows(slaClocks, keysOf(slaClocks, ['id']));
const J = jsonRows(jobs, ['name', 'payload', 'runAt', 'dedupeKey', 'maxAttempts']);
const N = jsonRows(notifications, keysOf(notifications, ['id', 'readAt']));
const ST = jsonRows(technicianStatus, ['userId', 'lastAssignedAt']);

/**
 * Whole intakes — one or a batch — as one statement, the same text every time (rows travel as json
 * parameters): the day's counters, the tickets and their work orders with numbers made from the
 * counters, the tickets, their work orders, hand-offs, timeline events, SLA clocks and timer jobs — and,
 * for orders dispatched with the intake, the technician's notification and round-robin stamp. $1 lists the
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
      on conflict (dedupe_key) do nothing),
nt as (insert into notifications (${N.columns}) select ${N.fromRecord} from ${N.recordset('$8')}
       on conflict do nothing returning id, user_id, kind, ticket_id),
st as (update technician_status s set "last_assigned_at" = r."last_assigned_at"
         from ${ST.recordset('$9')} where s.user_id = r.user_id)
select (select json_agg(json_build_object('id', id, 'number', number)) from t) as tickets,
       (select json_agg(json_build_object('id', id, 'number', number)) from w) as work_orders,
       (select json_agg(json_build_object('id', id, 'key', ticket_id || '/' || subject || '/' || kind)) from k)
         as clocks,
       (select json_agg(json_build_object('id', id, 'userId', user_id, 'kind', kind, 'ticketId', ticket_id)) from nt)
         as notices`;

/** The insert's name as a prepared statement: its text never changes. */
export const INSERT_INTAKE_NAME = 'guanjia_intake_insert';

export interface IntakeWrite {
  plan: IntakePlan;
  actor: Actor;
  timeZone: string;
  /**
   * The rows the dispatch of the new work order produced in memory (intake-dispatch-planned.ts): they
   * replace the planned clocks and timer and join the planned rows, so the ticket is written once,
   * already dispatched.
   */
  dispatched?: DrainedRows;
}

export interface IntakeNumbers {
  ticketNumber: string;
  workOrderNumber: string | null;
  clockIds: Map<string, number>;
}

/** Runs one statement: the pool outside a transaction, the transaction's connection inside one. */
export type Exec = <T>(text: string, params: unknown[]) => Promise<T[]>;
type JobRow = NonNullable<ReturnType<NonNullable<JobQueue['jobRow']>>>;

/**
 * Write planned intakes in ONE statement: one round trip for the batch, and the day's counter rows stay
 * locked only while it runs (autocommitted, or to the end of the caller's transaction). A statement that
 * fails (e.g. a duplicate Idempotency-Key) gives its numbers back. Answers, per intake, the numbers and
 * the clock ids (keyed subject/kind), and the bus messages of the notifications stored.
 */
export async function insertIntakes(
  exec: Exec,
  queue: JobQueue,
  writes: readonly IntakeWrite[],
): Promise<{ numbers: IntakeNumbers[]; notices: BusMessage[] }> {
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
  const jobRows: JobRow[] = [];
  const later: PendingJob[] = [];
  const notices: (NotificationInput & { createdAt: Date })[] = [];
  const stamps = new Map<number, Date>();
  const stored: DrainedRows['clocks'] = [];
  for (const { plan, actor, timeZone, dispatched: d } of writes) {
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
      // The pool held the order first; a dispatch with the intake closed that row at once.
      ...wos.map((wo) => ({
        workOrderId: wo.id,
        projectId: wo.projectId,
        fromAt: now,
        byUserId: actor.userId,
        ...d?.closedHandoffs.get(wo.id),
      })),
      ...(d?.openedHandoffs ?? []),
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
    if (d) {
      eventRows.push(...d.events);
      // The dispatch recomputed every clock and re-armed the timer: the planned ones are out of date.
      clockRows.push(...d.clocks.map((c) => ({ ...c.row, warningsFired: 0 })));
      stored.push(...d.clocks);
      notices.push(...d.notices.map((n) => ({ ...n, level: n.level ?? 0, createdAt: now })));
      for (const [userId, at] of d.stamps)
        if (at.getTime() > (stamps.get(userId)?.getTime() ?? 0)) stamps.set(userId, at);
    } else clockRows.push(...plan.clocks.map((c) => ({ ...clockValues(t, c.plan, now), warningsFired: 0 })));
    const timers: PendingJob[] = d
      ? d.jobs
      : plan.timer
        ? [{ name: SLA_TIMER_JOB, payload: plan.timer.payload, options: plan.timer.options }]
        : [];
    for (const job of timers) {
      // A queue that keeps its jobs elsewhere gets them the ordinary way, after the intake.
      const jobRow = queue.jobRow?.(job.name, job.payload, job.options);
      if (jobRow) jobRows.push(jobRow);
      else later.push(job);
    }
  }
  const [row] = await exec<{
    tickets: { id: number | string; number: string }[] | null;
    work_orders: { id: number | string; number: string }[] | null;
    clocks: { id: number | string; key: string }[] | null;
    notices:
      | { id: number; userId: number; kind: NotificationInput['kind']; ticketId: number | null }[]
      | null;
  }>(INSERT_INTAKE, [
    JSON.stringify(wanted),
    T.json(ticketRows),
    W.json(workOrderRows),
    H.json(handoffs),
    E.json(eventRows),
    K.json(clockRows),
    J.json(jobRows),
    N.json(notices),
    ST.json([...stamps].map(([userId, lastAssignedAt]) => ({ userId, lastAssignedAt }))),
  ]);
  const numbers = new Map<string, string>();
  for (const x of row?.tickets ?? []) numbers.set(`t${x.id}`, x.number);
  for (const x of row?.work_orders ?? []) numbers.set(`w${x.id}`, x.number);
  const clockIds = new Map((row?.clocks ?? []).map((c) => [c.key, Number(c.id)]));
  for (const c of stored) c.stored(clockIds.get(`${c.row.ticketId}/${c.row.subject}/${c.row.kind}`) ?? 0);
  // Only a queue that keeps its jobs elsewhere: after the statement (the minute sweep repairs a timer lost in between).
  for (const job of later) await queue.enqueue(job.name, job.payload, job.options);
  const numbered = writes.map(({ plan }) => {
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
  const messages = notificationMessages(
    (row?.notices ?? []).map((n) => ({
      id: Number(n.id),
      userId: Number(n.userId),
      kind: n.kind,
      ticketId: n.ticketId === null ? null : Number(n.ticketId),
    })),
  );
  return { numbers: numbered, notices: messages };
}

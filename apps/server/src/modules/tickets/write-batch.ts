import type { BusMessage } from '../../platform/bus/bus';
import type { DbOrTx } from '../../platform/db/client';
import { jsonRows, keysOf } from '../../platform/db/json-rows';
import { rawQuery } from '../../platform/db/raw-query';
import { events } from '../../platform/events/schema';
import type { EnqueueOptions, JobQueue } from '../../platform/jobs/queue';
import { jobs } from '../../platform/jobs/schema';
import { technicianStatus } from '../dispatch/schema';
import { monthOf } from '../reports/rules/days';
import { type RollupSpan, slaReportDayMarks } from '../reports/schema';
import { type NotificationInput, notificationMessages } from '../sla/notify';
import { notifications, slaClocks } from '../sla/schema';
import { type HandoffReason, workOrderHandoffs, workOrders } from '../workorders/schema';
import { tickets } from './schema';

type EventRow = typeof events.$inferInsert;
type HandoffRow = typeof workOrderHandoffs.$inferInsert;
type TicketSla = Pick<
  typeof tickets.$inferSelect,
  'slaDueAt' | 'slaNextAt' | 'slaState' | 'respondDueAt' | 'replyDueAt' | 'callbackDueAt'
>;
type WorkOrderRow = typeof workOrders.$inferSelect;
type ClockRow = typeof slaClocks.$inferInsert;
interface HandoffClose {
  toAt: Date;
  leftReason: HandoffReason;
  note: string | null;
}
export interface PendingJob {
  name: string;
  payload: unknown;
  options: Omit<EnqueueOptions, 'tx'>;
}

const snake = (key: string) => key.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
const set = (columns: readonly string[]) => columns.map((c) => `"${c}" = r."${c}"`).join(', ');
const E = jsonRows(events, keysOf(events, ['id']));
const HC = jsonRows(workOrderHandoffs, ['workOrderId', 'toAt', 'leftReason', 'note']);
const HO = jsonRows(workOrderHandoffs, keysOf(workOrderHandoffs, ['id']));
const ST = jsonRows(technicianStatus, ['userId', 'lastAssignedAt']);
const SLA_COLUMNS = [
  'slaDueAt',
  'slaNextAt',
  'slaState',
  'respondDueAt',
  'replyDueAt',
  'callbackDueAt',
] as const;
const TP = jsonRows(tickets, ['id', ...SLA_COLUMNS]);
const WP = jsonRows(workOrders, keysOf(workOrders));
const WO_COLUMNS = keysOf(workOrders, ['id']).map(snake);
const K = jsonRows(slaClocks, keysOf(slaClocks, ['id', 'warningsFired', 'breachNotifiedAt']));
/** The columns a recomputation rewrites; the announcement markers are the timers' own. */
const CLOCK_COLUMNS = keysOf(slaClocks, [
  'id',
  'ticketId',
  'projectId',
  'subject',
  'kind',
  'warningsFired',
  'breachNotifiedAt',
]).map(snake);
const J = jsonRows(jobs, ['name', 'payload', 'runAt', 'dedupeKey', 'maxAttempts']);
const N = jsonRows(notifications, keysOf(notifications, ['id', 'readAt']));
const RD = jsonRows(slaReportDayMarks, ['projectId', 'span', 'day']);

/**
 * What a batch holds for rows that do not exist yet (a ticket being created): the intake writes them
 * itself, merged into its own rows (intake-insert.ts). The ticket's SLA columns and the work orders are
 * not here: those rows were changed in memory, where the intake reads them.
 */
export interface DrainedRows {
  events: EventRow[];
  openedHandoffs: HandoffRow[];
  closedHandoffs: Map<number, HandoffClose>;
  stamps: Map<number, Date>;
  notices: NotificationInput[];
  jobs: PendingJob[];
  clocks: { row: ClockRow; stored: (id: number) => void }[];
}

/**
 * Every batched write in one statement with a fixed text (rows travel as json parameters, an empty
 * array writes nothing). Each row is touched by one part at most — the batch guarantees it — because
 * the parts share one snapshot and cannot see each other.
 */
const FLUSH = `
with e as (insert into events (${E.columns}) select ${E.fromRecord} from ${E.recordset('$1')}),
hc as (update work_order_handoffs h set "to_at" = r."to_at", "left_reason" = r."left_reason", "note" = r."note"
         from ${HC.recordset('$2')} where h.work_order_id = r.work_order_id and h.to_at is null),
ho as (insert into work_order_handoffs (${HO.columns}) select ${HO.fromRecord} from ${HO.recordset('$3')}),
st as (update technician_status s set "last_assigned_at" = r."last_assigned_at"
         from ${ST.recordset('$4')} where s.user_id = r.user_id),
tp as (update tickets x set ${set(SLA_COLUMNS.map(snake))} from ${TP.recordset('$5')} where x.id = r.id),
wp as (update work_orders x set ${set(WO_COLUMNS)} from ${WP.recordset('$6')} where x.id = r.id),
j as (insert into jobs (${J.columns}) select ${J.fromRecord} from ${J.recordset('$7')}
        on conflict (dedupe_key) do nothing),
n as (insert into notifications (${N.columns}) select ${N.fromRecord} from ${N.recordset('$8')}
        on conflict do nothing returning id, user_id, kind, ticket_id),
k as (insert into sla_clocks (${K.columns}) select ${K.fromRecord} from ${K.recordset('$9')}
        on conflict (ticket_id, subject, kind) do update set ${CLOCK_COLUMNS.map((c) => `"${c}" = excluded."${c}"`).join(', ')}
        returning id, ticket_id, subject, kind),
rd as (insert into sla_report_day_marks (project_id, span, day) select r.project_id, r.span, r.day
         from ${RD.recordset('$10')}
         on conflict (project_id, span, day) do update set version = sla_report_day_marks.version + 1)
select (select json_agg(json_build_object('id', id, 'userId', user_id, 'kind', kind, 'ticketId', ticket_id)) from n)
         as notices,
       (select json_agg(json_build_object('id', id, 'key', ticket_id || '/' || subject || '/' || kind)) from k)
         as clocks`;

/**
 * The writes of a ticket transaction that nothing reads back before it commits — timeline events,
 * hand-off rows, round-robin stamps, notifications, the SLA columns and timer jobs — collected and sent
 * as ONE statement at the end instead of one round trip each. An intake used to spend most of its time
 * on those round trips while holding the technician's row lock.
 *
 * A hand-off opened and closed within the write is one row; patches to one row merge. Reads that
 * depend on a pending write (round-robin order reads the stamps) call flush() first.
 */
export class WriteBatch {
  private readonly events: EventRow[] = [];
  private readonly openedHandoffs: HandoffRow[] = [];
  /** The open hand-off row that existed before this write, closed: by work order id. */
  private readonly closedHandoffs = new Map<number, HandoffClose>();
  private readonly stamps = new Map<number, Date>();
  private readonly notices: NotificationInput[] = [];
  private readonly ticketSla = new Map<number, TicketSla>();
  private readonly workOrders = new Map<number, WorkOrderRow>();
  private readonly jobs: PendingJob[] = [];
  private readonly clocks: { row: ClockRow; stored: (id: number) => void }[] = [];
  private readonly reportDays = new Map<string, { projectId: number; span: RollupSpan; day: string }>();

  get empty(): boolean {
    return (
      !this.events.length &&
      !this.openedHandoffs.length &&
      !this.closedHandoffs.size &&
      !this.stamps.size &&
      !this.notices.length &&
      !this.ticketSla.size &&
      !this.workOrders.size &&
      !this.jobs.length &&
      !this.clocks.length &&
      !this.reportDays.size
    );
  }

  /** Technician loads and round-robin order would read these: flush before choosing a technician. */
  get pendingDispatchFacts(): boolean {
    return this.stamps.size > 0 || this.workOrders.size > 0;
  }

  event(row: EventRow): void {
    this.events.push(row);
  }

  openHandoff(row: HandoffRow): void {
    this.openedHandoffs.push(row);
  }

  closeHandoff(workOrderId: number, close: HandoffClose): void {
    const opened = this.openedHandoffs.find((h) => h.workOrderId === workOrderId && !h.toAt);
    if (opened) Object.assign(opened, close);
    // Closing twice with nothing opened in between finds no open row, as two UPDATEs in a row would.
    else if (!this.closedHandoffs.has(workOrderId)) this.closedHandoffs.set(workOrderId, close);
  }

  stampTechnician(userId: number, at: Date): void {
    this.stamps.set(userId, at);
  }

  notify(items: NotificationInput[]): void {
    this.notices.push(...items);
  }

  /** The SLA columns of a ticket (all of them: a null clears the column). */
  patchTicketSla(id: number, sla: TicketSla): void {
    this.ticketSla.set(id, sla);
  }

  /**
   * Store a work order row as it is in memory (every column): the bundle was read under the ticket's
   * lock and every change goes through it, so the row in hand is the truth.
   */
  saveWorkOrder(row: WorkOrderRow): void {
    this.workOrders.set(row.id, row);
  }

  /** The SLA report's rollups of that day and its month are out of date (reports/rollup.ts). */
  markReportDay(projectId: number, day: string): void {
    this.reportDays.set(`${projectId}:${day}`, { projectId, span: 'day', day });
    this.reportDays.set(`${projectId}:${monthOf(day)}:m`, { projectId, span: 'month', day: monthOf(day) });
  }

  /** Insert or recompute a clock row; `stored` learns its id once flushed. */
  upsertClock(row: ClockRow, stored: (id: number) => void): void {
    this.clocks.push({ row, stored });
  }

  enqueue(name: string, payload: unknown, options: Omit<EnqueueOptions, 'tx'>): void {
    this.jobs.push({ name, payload, options });
  }

  /** Take everything pending, leaving the batch empty, for a caller that writes the rows itself. */
  drain(): DrainedRows {
    const drained: DrainedRows = {
      events: this.events.splice(0),
      openedHandoffs: this.openedHandoffs.splice(0),
      closedHandoffs: new Map(this.closedHandoffs),
      stamps: new Map(this.stamps),
      notices: this.notices.splice(0),
      jobs: this.jobs.splice(0),
      clocks: this.clocks.splice(0),
    };
    this.closedHandoffs.clear();
    this.stamps.clear();
    this.ticketSla.clear();
    this.workOrders.clear();
    this.reportDays.clear();
    return drained;
  }

  /** Send everything pending in one statement; notification messages join the outbox. */
  async flush(tx: DbOrTx, queue: JobQueue, outbox: BusMessage[], now: Date): Promise<void> {
    if (this.empty) return;
    const jobRows = [];
    for (const job of this.jobs.splice(0)) {
      const row = queue.jobRow?.(job.name, job.payload, job.options);
      if (row) jobRows.push(row);
      else await queue.enqueue(job.name, job.payload, { ...job.options, tx });
    }
    const clocks = this.clocks.splice(0);
    const [result] = await rawQuery<{
      notices: { id: number; userId: number; kind: string; ticketId: number | null }[] | null;
      clocks: { id: number | string; key: string }[] | null;
    }>(tx, FLUSH, [
      E.json(this.events.splice(0)),
      HC.json([...this.closedHandoffs].map(([workOrderId, close]) => ({ workOrderId, ...close }))),
      HO.json(this.openedHandoffs.splice(0)),
      ST.json([...this.stamps].map(([userId, lastAssignedAt]) => ({ userId, lastAssignedAt }))),
      TP.json([...this.ticketSla].map(([id, sla]) => ({ id, ...sla }))),
      WP.json([...this.workOrders.values()]),
      J.json(jobRows),
      N.json(this.notices.splice(0).map((i) => ({ ...i, level: i.level ?? 0, createdAt: now }))),
      K.json(clocks.map((c) => c.row)),
      RD.json([...this.reportDays.values()]),
    ]);
    this.reportDays.clear();
    this.closedHandoffs.clear();
    this.stamps.clear();
    this.ticketSla.clear();
    this.workOrders.clear();
    const ids = new Map((result?.clocks ?? []).map((c) => [c.key, Number(c.id)]));
    for (const { row, stored } of clocks) stored(ids.get(`${row.ticketId}/${row.subject}/${row.kind}`) ?? 0);
    outbox.push(
      ...notificationMessages(
        (result?.notices ?? []).map((r) => ({
          id: Number(r.id),
          userId: Number(r.userId),
          kind: r.kind as NotificationInput['kind'],
          ticketId: r.ticketId === null ? null : Number(r.ticketId),
        })),
      ),
    );
  }
}

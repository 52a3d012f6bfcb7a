import { count, eq, sql } from 'drizzle-orm';
import { callbacks } from '../modules/callbacks/schema';
import { projects } from '../modules/org/schema';
import { refreshProjectRollups } from '../modules/reports/rollup';
import { CALENDAR_24X7 } from '../modules/sla/rules/business-calendar';
import { slaClocks } from '../modules/sla/schema';
import { ticketCounters, tickets } from '../modules/tickets/schema';
import { workOrders } from '../modules/workorders/schema';
import type { Database } from '../platform/db/client';
import { insertUnnest, reserveIds } from './bulk';
import { LARGE } from './large-plan';
import { CALLBACK_COLUMNS, CLOCK_COLUMNS, TICKET_COLUMNS, WORK_ORDER_COLUMNS } from './large-tickets-columns';
import { ensureLargeStaff, loadTicketLookups } from './large-tickets-lookups';
import { largeTicket } from './large-tickets-plan';
import { Counters, type TicketRows, ticketRows } from './large-tickets-rows';

export interface LargeTicketsProgress {
  done: number;
  total: number;
  rows: number;
  elapsedMs: number;
}

export interface LargeTicketsResult {
  ticketsBefore: number;
  ticketsAdded: number;
  rowsWritten: number;
  elapsedMs: number;
}

/**
 * Add (or complete) `tickets` service requests to the 压测小区 (seedLargeEstate first): two years of
 * them up to `now`, with work orders for repairs, SLA clocks, callback rounds and human numbers, in
 * bulk batches (one unnest INSERT per table per batch). Each batch is a transaction; a stopped run
 * resumes. Timeline events and hand-off rows are not generated (nothing the lists or reports read).
 */
export async function seedLargeTickets(
  database: Database,
  options: { tickets: number; batch?: number; now: Date; onProgress?: (p: LargeTicketsProgress) => void },
): Promise<LargeTicketsResult> {
  const { db } = database;
  const started = performance.now();
  const [project] = await db
    .select({ id: projects.id, companyId: projects.companyId, timezone: projects.timezone })
    .from(projects)
    .where(eq(projects.code, LARGE.code));
  if (!project) throw new Error('no 压测小区: seed the large estate first');
  // The desk (and its project manager, who reads the reports) exists even when no ticket is added.
  await ensureLargeStaff(db, project.companyId, project.id, options.now);
  const [have] = await db.select({ n: count() }).from(tickets).where(eq(tickets.projectId, project.id));
  const before = have?.n ?? 0;
  if (before >= options.tickets)
    return { ticketsBefore: before, ticketsAdded: 0, rowsWritten: 0, elapsedMs: 0 };

  const look = await loadTicketLookups(db, project.companyId, project.id, options.now);
  const counters = new Counters(LARGE.code);
  const stored = await db
    .select({ prefix: ticketCounters.prefix, day: ticketCounters.day, value: ticketCounters.value })
    .from(ticketCounters)
    .where(eq(ticketCounters.projectId, project.id));
  for (const c of stored) counters.values.set(`${c.prefix}:${c.day}`, c.value);

  const batch = options.batch ?? 10_000;
  let rowsWritten = 0;
  for (let start = before; start < options.tickets; start += batch) {
    const specs = Array.from({ length: Math.min(batch, options.tickets - start) }, (_, k) =>
      largeTicket(start + k, options.tickets, options.now),
    );
    rowsWritten += await db.transaction(async (tx) => {
      const ticketIds = await reserveIds(tx, tickets, specs.length);
      const woIds = await reserveIds(tx, workOrders, specs.filter((s) => s.workOrder).length);
      const cbIds = await reserveIds(tx, callbacks, specs.filter((s) => s.callback).length);
      let w = 0;
      let b = 0;
      const rows: TicketRows[] = specs.map((spec, k) =>
        ticketRows(
          spec,
          {
            ticket: ticketIds[k] as number,
            workOrder: spec.workOrder ? (woIds[w++] as number) : null,
            callback: spec.callback ? (cbIds[b++] as number) : null,
          },
          look,
          counters,
          options.now,
        ),
      );
      const wos = rows.flatMap((r) => (r.workOrder ? [r.workOrder] : []));
      const cbs = rows.flatMap((r) => (r.callback ? [r.callback] : []));
      const clocks = rows.flatMap((r) => r.clocks);
      const big = { overridingSystemValue: true, chunk: 20_000 };
      await insertUnnest(
        tx,
        tickets,
        TICKET_COLUMNS,
        rows.map((r) => r.ticket),
        big,
      );
      await insertUnnest(tx, workOrders, WORK_ORDER_COLUMNS, wos, big);
      await insertUnnest(tx, callbacks, CALLBACK_COLUMNS, cbs, big);
      await insertUnnest(tx, slaClocks, CLOCK_COLUMNS, clocks, {
        chunk: 40_000,
        constants: { calendar: ['jsonb', CALENDAR_24X7] },
      });
      return rows.length + wos.length + cbs.length + clocks.length;
    });
    options.onProgress?.({
      done: start + specs.length,
      total: options.tickets,
      rows: rowsWritten,
      elapsedMs: performance.now() - started,
    });
  }
  // Later intakes continue the day's numbers instead of colliding with generated ones.
  const entries = [...counters.values].map(([key, value]) => {
    const [prefix, day] = key.split(':') as [string, string];
    return { projectId: project.id, prefix, day, value };
  });
  for (let k = 0; k < entries.length; k += 5_000) {
    await db
      .insert(ticketCounters)
      .values(entries.slice(k, k + 5_000))
      .onConflictDoUpdate({
        target: [ticketCounters.projectId, ticketCounters.prefix, ticketCounters.day],
        set: { value: sql`greatest(${ticketCounters.value}, excluded.value)` },
      });
  }
  // Statistics for the planner and the visibility map for index-only counts: PGlite has no autovacuum,
  // and PostgreSQL's has not caught up with millions of fresh rows (counts would read the table).
  await db.execute(sql`vacuum analyze tickets, work_orders, sla_clocks, callbacks`);
  // The SLA report's daily rollups: days that got tickets are stale; roll up the settled ones now, so
  // no report has to aggregate two years of them on a request.
  await db.execute(
    sql`update sla_report_day_marks set version = version + 1 where project_id = ${project.id}`,
  );
  await refreshProjectRollups(database, project.id, project.timezone, options.now);
  return {
    ticketsBefore: before,
    ticketsAdded: options.tickets - before,
    rowsWritten,
    elapsedMs: performance.now() - started,
  };
}

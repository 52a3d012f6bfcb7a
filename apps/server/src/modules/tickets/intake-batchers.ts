import { batchOrEach, Coalescer } from '../../platform/db/coalescer';
import { type IntakeFacts, type IntakeQuestion, readIntakeFacts } from './intake-read';
import { type Admitted, type IntakeOutcome, writeIntakes } from './intake-together';
import type { Ctx } from './ticket-write';

/**
 * Concurrent intakes of one server share their round trips (platform/db/coalescer.ts): one read for
 * a batch, and one dispatch transaction with one insert statement for the next. The two run side by
 * side, so a batch's read overlaps the previous batch's write. One pair per app, so each batch
 * publishes on that app's bus.
 */
const batchersByApp = new WeakMap<Ctx, ReturnType<typeof makeBatchers>>();

function makeBatchers(ctx: Ctx) {
  return {
    facts: new Coalescer<IntakeQuestion, IntakeFacts>(async (questions) =>
      (await readIntakeFacts(ctx.database, questions)).map((value) => ({ ok: true, value })),
    ),
    write: new Coalescer<Admitted, IntakeOutcome>(
      (items) => batchOrEach(items, (some) => writeIntakes(ctx, some)),
      // Fewer, larger batches: each one is a transaction holding the technicians' locks. Measured with
      // bench/intake at 8 in flight: on the embedded engine, whose statements run on this thread,
      // 65 → 170 intakes/s; on PostgreSQL within the run-to-run noise.
      { gatherTurns: 3 },
    ),
  };
}

export function batchersOf(ctx: Ctx) {
  let batchers = batchersByApp.get(ctx);
  if (!batchers) {
    batchers = makeBatchers(ctx);
    batchersByApp.set(ctx, batchers);
  }
  return batchers;
}

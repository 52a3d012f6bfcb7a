import { batchOrEach, Coalescer } from '../../platform/db/coalescer';
import { dispatchIntakes, type IntakeDispatchItem, type IntakeDispatchResult } from './intake-dispatch-batch';
import { type IntakeNumbers, type IntakeWrite, insertIntakes } from './intake-insert';
import { type IntakeFacts, type IntakeQuestion, readIntakeFacts } from './intake-read';
import type { Ctx } from './ticket-write';

/**
 * Concurrent intakes of one server share their insert statement and their dispatch transaction
 * (platform/db/coalescer.ts): one per app, so each batch publishes on that app's bus.
 */
const batchersByApp = new WeakMap<Ctx, ReturnType<typeof makeBatchers>>();

function makeBatchers(ctx: Ctx) {
  return {
    facts: new Coalescer<IntakeQuestion, IntakeFacts>(async (questions) =>
      (await readIntakeFacts(ctx.database, questions)).map((value) => ({ ok: true, value })),
    ),
    insert: new Coalescer<IntakeWrite, IntakeNumbers>((writes) =>
      batchOrEach(writes, (some) => insertIntakes(ctx.database, ctx.queue, some)),
    ),
    dispatch: new Coalescer<IntakeDispatchItem, IntakeDispatchResult>((items) => dispatchIntakes(ctx, items)),
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

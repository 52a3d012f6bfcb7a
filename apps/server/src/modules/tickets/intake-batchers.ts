import { Coalescer } from '../../platform/db/coalescer';
import { type IntakeOutcome, type IntakeRequest, intakeTogether } from './intake-together';
import type { Ctx } from './ticket-write';

/**
 * Concurrent intakes of one server go as one batch (platform/db/coalescer.ts): one read, one dispatch
 * transaction, one insert statement for all of them. One coalescer per app, so each batch publishes on
 * that app's bus.
 */
const batchersByApp = new WeakMap<Ctx, Coalescer<IntakeRequest, IntakeOutcome>>();

export function intakeBatcherOf(ctx: Ctx) {
  let batcher = batchersByApp.get(ctx);
  if (!batcher) {
    batcher = new Coalescer<IntakeRequest, IntakeOutcome>((requests) => intakeTogether(ctx, requests));
    batchersByApp.set(ctx, batcher);
  }
  return batcher;
}

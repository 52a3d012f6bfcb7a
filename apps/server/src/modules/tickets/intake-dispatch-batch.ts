import type { BusMessage } from '../../platform/bus/bus';
import type { DbOrTx } from '../../platform/db/client';
import type { Outcome } from '../../platform/db/coalescer';
import type { Actor } from '../../platform/events/record-event';
import { assignTechnician } from '../dispatch/auto-dispatch';
import { lockOnDutyTechnicians, type TechnicianRow, technicianCandidates } from '../dispatch/candidates';
import { slaContextFor } from '../sla/cached-context';
import type { TicketBundle } from '../sla/engine';
import type { TrackedClock } from '../sla/rules/aggregate';
import { dispatchAfterIntake, type IntakeDispatch, relockIntakes } from './intake-dispatch';
import { chooseTechnician, isAutoMode } from './rules/dispatch-choice';
import { type Ctx, openWrite, publishAll, settleWrite } from './ticket-write';
import { WriteBatch } from './write-batch';

export interface IntakeDispatchItem {
  known: TicketBundle;
  knownClocks: readonly TrackedClock[];
  workOrderId: number;
  actor: Actor;
  now: Date;
}

export type IntakeDispatchResult = IntakeDispatch | null | 'stale';

/**
 * Automatic dispatch of a batch of new tickets' work orders in ONE short transaction: the tickets
 * locked and re-read in one statement, the on-duty technicians of each project locked and their loads
 * read once, each order given to the technician the dispatch rules choose (loads and rotation updated
 * in memory as orders are handed out), and every resulting row written by one flush. A ticket someone
 * acted on meanwhile goes through the one-ticket path afterwards. Answers as dispatchAfterIntake.
 */
export async function dispatchIntakes(
  ctx: Ctx,
  items: readonly IntakeDispatchItem[],
): Promise<Outcome<IntakeDispatchResult>[]> {
  let done: Awaited<ReturnType<typeof dispatchTogether>>;
  try {
    done = await ctx.database.db.transaction((tx) => dispatchTogether(ctx, tx, items));
  } catch {
    // The tickets are stored either way; their orders wait in the pool for the sweep's next try.
    return items.map(() => ({ ok: true, value: 'stale' }));
  }
  await publishAll(ctx, done.outbox);
  const outcomes: Outcome<IntakeDispatchResult>[] = [];
  for (const [i, result] of done.results.entries()) {
    const item = items[i] as IntakeDispatchItem;
    const value =
      result === 'alone'
        ? await dispatchAfterIntake(
            ctx,
            item.known,
            item.knownClocks,
            item.workOrderId,
            null,
            item.actor,
            item.now,
          )
        : result;
    outcomes.push({ ok: true, value });
  }
  return outcomes;
}

async function dispatchTogether(ctx: Ctx, tx: DbOrTx, items: readonly IntakeDispatchItem[]) {
  const current = await relockIntakes(
    tx,
    items.map((i) => ({ bundle: i.known, clocks: i.knownClocks })),
  );
  const pools = await lockPools(ctx, tx, items);
  const batch = new WriteBatch();
  const outbox: BusMessage[] = [];
  const results: (IntakeDispatch | null | 'alone')[] = [];
  let stampedUntil = 0;
  for (const [i, item] of items.entries()) {
    const bundle = current[i];
    const wo = bundle?.workOrders.find((o) => o.id === item.workOrderId);
    if (!bundle || !wo) {
      results.push('alone');
      continue;
    }
    const pool = pools.get(poolKey(bundle.ticket)) ?? [];
    const mode = wo.dispatchMode;
    const chosenId =
      wo.status === '待派单' && isAutoMode(mode)
        ? chooseTechnician({ candidates: pool, requiredSkill: wo.skill, mode })
        : null;
    const chosen = pool.find((c) => c.id === chosenId);
    if (!chosen) {
      results.push(null);
      continue;
    }
    const w = await openWrite(tx, ctx, bundle, item.actor, null, item.now, { batch, outbox });
    await assignTechnician(w, wo, chosen.id, 'dispatched');
    // The next choice in this batch sees this order: one more held, and last in the rotation.
    chosen.openCount += 1;
    stampedUntil = Math.max(item.now.getTime(), stampedUntil + 1);
    chosen.lastAssignedAt = new Date(stampedUntil);
    const clocks = await settleWrite(w);
    results.push({ bundle, clocks, technician: { id: chosen.id, displayName: chosen.displayName } });
  }
  const last = items[items.length - 1];
  if (last) await batch.flush(tx, ctx.queue, outbox, last.now);
  return { results, outbox };
}

const poolKey = (t: { companyId: number; projectId: number }) => `${t.companyId}:${t.projectId}`;

/**
 * The on-duty technicians of every project in the batch, locked (in project order, so two batches
 * never wait on each other crosswise) and read with their loads. Only locked rows are offered: a
 * technician who came on duty after the lock was taken waits for the next batch.
 */
async function lockPools(ctx: Ctx, tx: DbOrTx, items: readonly IntakeDispatchItem[]) {
  const projects = new Map<string, { companyId: number; projectId: number }>();
  for (const { known } of items) projects.set(poolKey(known.ticket), known.ticket);
  const pools = new Map<string, TechnicianRow[]>();
  for (const p of [...projects.values()].sort((a, b) => a.projectId - b.projectId)) {
    const locked = new Set(await lockOnDutyTechnicians(tx, p.companyId, p.projectId));
    if (!locked.size) continue;
    const sla = await slaContextFor(ctx.database, tx, p.companyId, p.projectId);
    const all = await technicianCandidates(tx, p.companyId, p.projectId, sla.settings.dispatchOpenCap, {
      onlyIds: [...locked],
    });
    pools.set(poolKey(p), all);
  }
  return pools;
}

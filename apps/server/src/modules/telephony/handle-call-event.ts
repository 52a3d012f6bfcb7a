import { and, eq, sql } from 'drizzle-orm';
import type { BusMessage } from '../../platform/bus/bus';
import type { DbOrTx } from '../../platform/db/client';
import { type Actor, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { flagForbidden } from '../quality/flag-forbidden';
import type { CallEventInput } from './inputs';
import { followCall } from './presence';
import { e164Of, type ProjectLink } from './project-link';
import { applyCallEvent, type CallFacts } from './rules/call-state';
import { agentExtensions, blockedNumbers, type CallCallbackState, callEvents, calls } from './schema';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus'>;
type CallRow = typeof calls.$inferSelect;

export interface CallEventResult {
  action: 'ok' | 'reject';
  callId: number;
  duplicate: boolean;
}

export async function isBlocked(db: DbOrTx, projectId: number, e164: string | null): Promise<boolean> {
  if (!e164) return false;
  const [row] = await db
    .select({ id: blockedNumbers.id })
    .from(blockedNumbers)
    .where(and(eq(blockedNumbers.projectId, projectId), eq(blockedNumbers.e164, e164)));
  return Boolean(row);
}

export async function agentOfExtension(db: DbOrTx, companyId: number, extension: string | null | undefined) {
  if (!extension) return null;
  const [row] = await db
    .select({ userId: agentExtensions.userId })
    .from(agentExtensions)
    .where(and(eq(agentExtensions.companyId, companyId), eq(agentExtensions.extension, extension)));
  return row?.userId ?? null;
}

const factsOf = (row: CallRow): CallFacts => ({
  state: row.state,
  startedAt: row.startedAt,
  answeredAt: row.answeredAt,
  endedAt: row.endedAt,
  waitSeconds: row.waitSeconds,
  talkSeconds: row.talkSeconds,
  missed: row.callbackState !== null,
});

/**
 * One PBX webhook: find or open the call by the PBX's id, apply the event once (a retried webhook is
 * a no-op), keep the callback list in step, and pop the caller on the agent's console.
 */
export async function handleCallEvent(
  ctx: Ctx,
  link: ProjectLink,
  input: CallEventInput,
): Promise<CallEventResult> {
  const { db } = ctx.database;
  const now = input.at ? new Date(input.at) : ctx.clock.now();
  const party = input.direction === 'in' ? input.from : input.to;
  const partyE164 = e164Of(party, link.areaCode);
  const blocked = input.direction === 'in' && (await isBlocked(db, link.projectId, partyE164));
  const agentId = await agentOfExtension(db, link.companyId, input.agent);
  const actor: Actor = { userId: null, companyId: link.companyId, source: 'channel' };

  const result = await db.transaction(async (tx) => {
    const { row: existing, created } = await lockOrOpenCall(tx, link, input, partyE164, now);
    const [fresh] = await tx
      .insert(callEvents)
      .values({ callId: existing.id, event: input.event, receivedAt: ctx.clock.now(), payload: input })
      .onConflictDoNothing()
      .returning({ callId: callEvents.callId });
    if (!fresh) return { row: existing, duplicate: true };

    const facts = applyCallEvent(created ? null : factsOf(existing), input.event, now, input.direction);
    // Blocked callers are not called back; a late answer takes a call off the list again, unless the
    // caller left a voicemail in the IVR (callbackDueAt), which is called back whatever the PBX says.
    const callbackState: CallCallbackState | null =
      facts.missed && !blocked
        ? (existing.callbackState ?? 'pending')
        : existing.callbackDueAt
          ? existing.callbackState
          : null;
    const [row] = await tx
      .update(calls)
      .set({
        state: facts.state,
        startedAt: facts.startedAt,
        answeredAt: facts.answeredAt,
        endedAt: facts.endedAt,
        waitSeconds: facts.waitSeconds,
        talkSeconds: facts.talkSeconds,
        callbackState,
        agentExtension: input.agent ?? existing.agentExtension,
        agentId: agentId ?? existing.agentId,
        queue: input.queue ?? existing.queue,
        recordingUrl: input.recordingUrl ?? existing.recordingUrl,
        transcript: input.transcript ?? existing.transcript,
        cause: blocked ? 'blocked' : (input.cause ?? existing.cause),
        updatedAt: ctx.clock.now(),
        version: existing.version + 1,
      })
      .where(eq(calls.id, existing.id))
      .returning();
    if (!row) throw new Error('update returned nothing');
    if (row.direction === 'out' && row.answeredAt && row.partyE164) await settleMissedCalls(tx, row);
    if (row.agentId && (input.event === 'answer' || input.event === 'hangup'))
      await followCall(
        tx,
        row.companyId,
        row.agentId,
        row.id,
        row.state === 'ended' ? 'hangup' : 'answer',
        now,
      );
    if (input.transcript) await flagTranscript(tx, actor, ctx.clock.now(), row, input.transcript);
    await recordEvent(tx, actor, ctx.clock.now(), {
      action: `call.${input.event}`,
      entityType: 'call',
      entityId: row.id,
      projectId: row.projectId,
      before: created ? null : { state: existing.state },
      after: {
        state: row.state,
        agentId: row.agentId,
        queue: row.queue,
        waitSeconds: row.waitSeconds,
        talkSeconds: row.talkSeconds,
        callbackState: row.callbackState,
      },
    });
    return { row, duplicate: false };
  });

  const { row } = result;
  if (!result.duplicate) await ctx.bus.publish(updated(row));
  if (!result.duplicate && row.agentId && (input.event === 'newCall' || input.event === 'answer')) {
    // The screen pop: ids and small facts only; the console reads the caller 360 through the API.
    await ctx.bus.publish({
      type: 'call',
      companyId: row.companyId,
      projectId: row.projectId,
      userId: row.agentId,
      entityType: 'call',
      entityId: row.id,
      data: { event: input.event, state: row.state, direction: row.direction },
    });
  }
  return { action: blocked ? 'reject' : 'ok', callId: row.id, duplicate: result.duplicate };
}

/** Forbidden phrases in the call's transcript are flagged against the agent who took the call. */
async function flagTranscript(tx: DbOrTx, actor: Actor, at: Date, row: CallRow, text: string) {
  const phrases = await flagForbidden(tx, {
    companyId: row.companyId,
    projectId: row.projectId,
    subjectType: 'call',
    subjectId: row.id,
    source: 'transcript',
    authorId: row.agentId,
    text,
    at,
  });
  if (phrases.length)
    await recordEvent(tx, actor, at, {
      action: 'qa.flagged',
      entityType: 'call',
      entityId: row.id,
      projectId: row.projectId,
      after: { source: 'transcript', phrases, authorId: row.agentId },
    });
}

const updated = (row: CallRow): BusMessage => ({
  type: 'call.updated',
  companyId: row.companyId,
  projectId: row.projectId,
  entityType: 'call',
  entityId: row.id,
  data: { state: row.state },
});

async function lockOrOpenCall(
  tx: DbOrTx,
  link: ProjectLink,
  input: CallEventInput,
  partyE164: string | null,
  now: Date,
): Promise<{ row: CallRow; created: boolean }> {
  const where = and(eq(calls.projectId, link.projectId), eq(calls.externalId, input.callId));
  const [existing] = await tx.select().from(calls).where(where).for('update');
  if (existing) return { row: existing, created: false };
  const [inserted] = await tx
    .insert(calls)
    .values({
      companyId: link.companyId,
      projectId: link.projectId,
      externalId: input.callId,
      direction: input.direction,
      state: 'ringing',
      fromNumber: input.from,
      toNumber: input.to,
      partyE164,
      startedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { row: inserted, created: true };
  // Two webhooks of one new call raced: the other one created it; wait for its lock.
  const [raced] = await tx.select().from(calls).where(where).for('update');
  if (!raced) throw new Error('call vanished');
  return { row: raced, created: false };
}

/** An answered outbound call to a number settles that number's missed calls on the callback list. */
export async function settleMissedCalls(tx: DbOrTx, outbound: CallRow): Promise<void> {
  await tx
    .update(calls)
    .set({
      callbackState: 'done',
      calledBackById: outbound.id,
      updatedAt: outbound.updatedAt,
      version: sql`${calls.version} + 1`,
    })
    .where(
      and(
        eq(calls.projectId, outbound.projectId),
        eq(calls.partyE164, outbound.partyE164 ?? ''),
        eq(calls.callbackState, 'pending'),
        eq(calls.direction, 'in'),
      ),
    );
}

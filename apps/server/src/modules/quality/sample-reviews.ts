import { and, eq, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { calls } from '../telephony/schema';
import { tickets } from '../tickets/schema';
import type { sampleInput } from './inputs';
import { sampleWithFlagged } from './rules/sampling';
import { qaFlags, qaReviews } from './schema';
import { QA_SAMPLE_PERCENT } from './settings';

type Ctx = Pick<Services, 'database' | 'clock'>;

/**
 * Draw this period's QA sample: N % of each agent's answered calls and of the tickets they own, plus
 * every one of them with a forbidden-phrase flag, skipping what was already sampled. The draw is seeded by project and period, so re-running the
 * same plan adds nothing.
 */
export async function sampleReviews(ctx: Ctx, auth: AuthContext, input: z.infer<typeof sampleInput>) {
  assertInScope(auth, input.projectId, 'Project');
  const { db } = ctx.database;
  const from = new Date(input.from);
  const to = new Date(input.to);
  const percent =
    input.percent ??
    (await getSetting(db, QA_SAMPLE_PERCENT, { companyId: auth.companyId, projectId: input.projectId }));
  const callRows = await db
    .select({ id: calls.id, agentId: calls.agentId, at: calls.startedAt })
    .from(calls)
    .where(
      and(
        eq(calls.projectId, input.projectId),
        isNotNull(calls.answeredAt),
        isNotNull(calls.agentId),
        gte(calls.startedAt, from),
        lt(calls.startedAt, to),
      ),
    );
  const ticketRows = await db
    .select({ id: tickets.id, agentId: tickets.ownerId, at: tickets.createdAt })
    .from(tickets)
    .where(
      and(
        eq(tickets.projectId, input.projectId),
        isNotNull(tickets.ownerId),
        gte(tickets.createdAt, from),
        lt(tickets.createdAt, to),
      ),
    );
  const flagRows = await db
    .selectDistinct({ type: qaFlags.subjectType, id: qaFlags.subjectId })
    .from(qaFlags)
    // A flag is written after its call or ticket began, so flags older than the period are not its items'.
    .where(and(eq(qaFlags.projectId, input.projectId), gte(qaFlags.createdAt, from)));
  const flaggedOf = (type: 'call' | 'ticket') =>
    new Set(flagRows.filter((f) => f.type === type).map((f) => f.id));
  const seed = `${input.projectId}:${input.from}:${input.to}`;
  const pick = (rows: { id: number; agentId: number | null; at: Date }[], type: 'call' | 'ticket') =>
    sampleWithFlagged(
      rows.flatMap((r) => (r.agentId ? [{ id: r.id, agentId: r.agentId, at: r.at }] : [])),
      percent,
      `${seed}:${type}`,
      flaggedOf(type),
    ).map((r) => ({ ...r, type }));
  const picked = [...pick(callRows, 'call'), ...pick(ticketRows, 'ticket')];
  const now = ctx.clock.now();
  return db.transaction(async (tx) => {
    const existing = picked.length
      ? await tx
          .select({ type: qaReviews.subjectType, id: qaReviews.subjectId })
          .from(qaReviews)
          .where(
            inArray(
              qaReviews.subjectId,
              picked.map((p) => p.id),
            ),
          )
      : [];
    const fresh = picked.filter((p) => !existing.some((e) => e.type === p.type && e.id === p.id));
    const rows = fresh.length
      ? await tx
          .insert(qaReviews)
          .values(
            fresh.map((p) => ({
              companyId: auth.companyId,
              projectId: input.projectId,
              subjectType: p.type,
              subjectId: p.id,
              agentId: p.agentId,
              subjectAt: p.at,
              createdAt: now,
              updatedAt: now,
            })),
          )
          .onConflictDoNothing()
          .returning({ id: qaReviews.id })
      : [];
    await recordEvent(tx, userActor(auth), now, {
      action: 'qa.sampled',
      entityType: 'project',
      entityId: input.projectId,
      projectId: input.projectId,
      after: { from: input.from, to: input.to, percent, created: rows.length },
    });
    const flagged = picked.filter((p) => flaggedOf(p.type).has(p.id)).length;
    return { created: rows.length, percent, calls: callRows.length, tickets: ticketRows.length, flagged };
  });
}

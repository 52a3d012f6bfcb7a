import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { userProjects, users } from '../../platform/auth/schema';
import type { Db } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { residentPhones, residents } from '../residents/schema';
import type { ProjectLink } from './project-link';
import { assignCalls, type RoutingAgent } from './rules/routing';
import { agentExtensions, agentPresence, callQueues, calls } from './schema';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus'>;

/** Calls waiting in a queue: ringing inbound calls that no agent holds yet. */
export const waitingIn = (projectId: number) =>
  and(
    eq(calls.projectId, projectId),
    eq(calls.state, 'ringing'),
    eq(calls.direction, 'in'),
    isNull(calls.agentId),
  );

/** Agents who may take the queue's calls (or its web/e-mail items), with presence, skills and extension. */
export async function queueCandidates(db: Db, projectId: number, companyId: number, memberIds: number[]) {
  const rows = await db
    .select({
      id: users.id,
      skills: users.skills,
      state: agentPresence.state,
      idleSince: agentPresence.idleSince,
      extension: agentExtensions.extension,
    })
    .from(agentPresence)
    .innerJoin(users, eq(users.id, agentPresence.userId))
    .innerJoin(agentExtensions, eq(agentExtensions.userId, users.id))
    .where(
      and(
        eq(agentPresence.companyId, companyId),
        eq(users.active, true),
        memberIds.length
          ? inArray(users.id, memberIds)
          : or(
              eq(users.allProjects, true),
              inArray(
                users.id,
                sql`(select ${userProjects.userId} from ${userProjects} where ${userProjects.projectId} = ${projectId})`,
              ),
            ),
      ),
    );
  // An agent whose phone is already ringing with a routed call is not free either.
  const ringing = await db
    .select({ agentId: calls.agentId })
    .from(calls)
    .where(and(eq(calls.projectId, projectId), eq(calls.state, 'ringing')));
  const busy = new Set(ringing.map((r) => r.agentId));
  return rows.map((r) => ({ ...r, state: busy.has(r.id) ? ('通话中' as const) : r.state }));
}

/**
 * The PBX asks who takes a waiting call. All waiting calls of the queue are ordered (VIP first) and
 * matched with free agents by the queue's strategy; if this call gets one, the call is reserved for
 * that agent (who gets the screen pop while it rings), otherwise the PBX hears its queue position.
 */
export async function routeCall(ctx: Ctx, link: ProjectLink, input: { callId: string; queue: string }) {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const [queue] = await db
    .select()
    .from(callQueues)
    .where(and(eq(callQueues.projectId, link.projectId), eq(callQueues.name, input.queue)));
  if (!queue) throw notFound('Queue');
  const [call] = await db
    .select()
    .from(calls)
    .where(and(eq(calls.projectId, link.projectId), eq(calls.externalId, input.callId)));
  if (!call) throw notFound('Call');
  if (call.queue !== queue.name && call.agentId === null)
    await db.update(calls).set({ queue: queue.name }).where(eq(calls.id, call.id));
  const waiting = await db
    .select({ id: calls.id, startedAt: calls.startedAt, party: calls.partyE164 })
    .from(calls)
    .where(and(waitingIn(link.projectId), eq(calls.queue, queue.name)));
  const parties = waiting.map((w) => w.party).filter((p): p is string => Boolean(p));
  const vipRows = parties.length
    ? await db
        .select({ e164: residentPhones.e164 })
        .from(residentPhones)
        .innerJoin(residents, eq(residents.id, residentPhones.residentId))
        .where(
          and(
            eq(residentPhones.projectId, link.projectId),
            inArray(residentPhones.e164, parties),
            eq(residents.vip, true),
          ),
        )
    : [];
  const vips = new Set(vipRows.map((v) => v.e164));
  const agents = await queueCandidates(db, link.projectId, link.companyId, queue.memberIds);
  const routing: RoutingAgent[] = agents.map((a) => ({ ...a, skills: a.skills }));
  const { assigned, waiting: left } = assignCalls(
    waiting.map((w) => ({ id: w.id, vip: w.party ? vips.has(w.party) : false, waitingSince: w.startedAt })),
    routing,
    { strategy: queue.strategy, skills: queue.skills, lastAssignedId: queue.lastAssignedId },
    now,
  );
  const mine = assigned.find((a) => a.callId === call.id);
  if (!mine) {
    const position = left.findIndex((w) => w.id === call.id);
    return { action: 'wait' as const, position: position >= 0 ? position + 1 : null, waiting: left.length };
  }
  const agent = agents.find((a) => a.id === mine.agentId)!;
  await db.transaction(async (tx) => {
    await tx
      .update(calls)
      .set({
        agentId: agent.id,
        agentExtension: agent.extension,
        updatedAt: now,
        version: sql`${calls.version} + 1`,
      })
      .where(eq(calls.id, call.id));
    await tx.update(callQueues).set({ lastAssignedId: agent.id }).where(eq(callQueues.id, queue.id));
    await recordEvent(tx, { userId: null, companyId: link.companyId, source: 'rule' }, now, {
      action: 'call.routed',
      entityType: 'call',
      entityId: call.id,
      projectId: link.projectId,
      after: { agentId: agent.id, queue: queue.name, strategy: queue.strategy },
    });
  });
  await ctx.bus.publish({
    type: 'call',
    companyId: link.companyId,
    projectId: link.projectId,
    userId: agent.id,
    entityType: 'call',
    entityId: call.id,
    data: { event: 'routed', state: call.state, direction: call.direction },
  });
  return { action: 'route' as const, agent: agent.extension, agentId: agent.id };
}

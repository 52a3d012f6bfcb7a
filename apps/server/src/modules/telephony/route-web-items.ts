import type { TicketChannel } from '@guanjia/shared';
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { residents } from '../residents/schema';
import { tickets } from '../tickets/schema';
import { patchTicket } from '../tickets/ticket-ops';
import { type Ctx, writeTicket } from '../tickets/ticket-write';
import { queueCandidates } from './route-call';
import { assignCalls } from './rules/routing';
import { callQueues } from './schema';
import { WEB_ITEMS_QUEUE } from './settings';

/** Items that arrive without an agent on the line: they wait for an owner like calls wait for an answer. */
export const WEB_ITEM_CHANNELS: TicketChannel[] = ['portal', 'email'];

const waitingItems = (projectId: number) =>
  and(
    eq(tickets.projectId, projectId),
    eq(tickets.status, '待受理'),
    inArray(tickets.channel, WEB_ITEM_CHANNELS),
  );

/**
 * Hand out the project's waiting portal/e-mail tickets to ready agents of the web-items queue, by the
 * queue's strategy and with VIP residents first — the same rules as calls (rules/routing.ts). An agent
 * holding an offered item not yet accepted, or whose phone rings, is busy. The ticket becomes the
 * agent's (owner) and the agent's console hears it on /api/live.
 */
export async function routeWebItems(ctx: Ctx, companyId: number, projectId: number) {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  const queueName = await getSetting(db, WEB_ITEMS_QUEUE, { companyId, projectId });
  const [queue] = await db
    .select()
    .from(callQueues)
    .where(and(eq(callQueues.projectId, projectId), eq(callQueues.name, queueName)));
  if (!queue) return { assigned: [] as { ticketId: number; agentId: number }[] };
  const waiting = await db
    .select({ id: tickets.id, createdAt: tickets.createdAt, vip: residents.vip })
    .from(tickets)
    .leftJoin(residents, eq(residents.id, tickets.residentId))
    .where(and(waitingItems(projectId), isNull(tickets.ownerId)));
  if (!waiting.length) return { assigned: [] };
  const offered = await db
    .select({ ownerId: tickets.ownerId })
    .from(tickets)
    .where(and(waitingItems(projectId), isNotNull(tickets.ownerId)));
  const holding = new Set(offered.map((o) => o.ownerId));
  const agents = (await queueCandidates(db, projectId, companyId, queue.memberIds)).map((a) =>
    holding.has(a.id) ? { ...a, state: '通话中' as const } : a,
  );
  const { assigned } = assignCalls(
    waiting.map((w) => ({ id: w.id, vip: Boolean(w.vip), waitingSince: w.createdAt })),
    agents,
    { strategy: queue.strategy, skills: queue.skills, lastAssignedId: queue.lastAssignedId },
    now,
  );
  const actor: Actor = { userId: null, companyId, source: 'rule' };
  const done: { ticketId: number; agentId: number }[] = [];
  for (const { callId: ticketId, agentId } of assigned) {
    const taken = await writeTicket(
      ctx,
      null,
      ticketId,
      async (w) => {
        const t = w.bundle.ticket;
        // Someone accepted or took it since the list was read: leave it.
        if (t.ownerId !== null || t.status !== '待受理') return false;
        await patchTicket(w, { ownerId: agentId });
        await w.event({
          action: 'ticket.routed',
          entityType: 'ticket',
          entityId: t.id,
          after: { ownerId: agentId, queue: queue.name, strategy: queue.strategy, channel: t.channel },
        });
        w.outbox.push({
          type: 'ticket.offered',
          companyId,
          projectId,
          userId: agentId,
          entityType: 'ticket',
          entityId: t.id,
          data: { event: 'routed', channel: t.channel, number: t.number },
        });
        return true;
      },
      actor,
    );
    if (!taken) continue;
    done.push({ ticketId, agentId });
    await db.update(callQueues).set({ lastAssignedId: agentId }).where(eq(callQueues.id, queue.id));
  }
  return { assigned: done };
}

/** Job name: run at once after a portal or e-mail intake, and every minute for agents who became free. */
export const ROUTE_WEB_ITEMS_JOB = 'routing.webItems';

/** Every minute (and on demand for one project): offer waiting web items in each project with queues. */
export function registerWebItemRouting(services: Services): void {
  services.queue.register<{ companyId?: number; projectId?: number }>(
    ROUTE_WEB_ITEMS_JOB,
    async ({ payload }) => {
      const targets =
        payload.companyId && payload.projectId
          ? [{ companyId: payload.companyId, projectId: payload.projectId }]
          : await services.database.db
              .selectDistinct({ companyId: callQueues.companyId, projectId: callQueues.projectId })
              .from(callQueues);
      let assigned = 0;
      for (const p of targets)
        assigned += (await routeWebItems(services, p.companyId, p.projectId)).assigned.length;
      return { projects: targets.length, assigned };
    },
  );
  services.queue.schedule(ROUTE_WEB_ITEMS_JOB, '* * * * *');
}

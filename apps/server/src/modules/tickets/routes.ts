import { ticketDetailSchema, ticketPageSchema, ticketTimelineSchema } from '@guanjia/shared/api';
import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { currentAuth, guard } from '../../platform/auth/guard';
import { users } from '../../platform/auth/schema';
import { events } from '../../platform/events/schema';
import type { App } from '../../platform/http/app-types';
import { idParam, versioned } from '../../platform/http/pagination';
import { callbacks } from '../callbacks/schema';
import { workOrders } from '../workorders/schema';
import { acceptTicket } from './accept-ticket';
import { addTicketNote } from './add-ticket-note';
import { addWorkOrderToTicket } from './add-ticket-work-order';
import { answerTicket } from './answer-ticket';
import { cancelTicket } from './cancel-ticket';
import { categoryRoutes } from './category-routes';
import { closeTicket } from './close-ticket';
import { createTicket } from './create-ticket';
import { ticketInput } from './create-ticket.types';
import { ticketDetail } from './detail';
import { editTicket } from './edit-ticket';
import { editTicketBody } from './edit-ticket.types';
import {
  answerBody,
  noteBody,
  optionalReasonBody,
  reasonBody,
  resolveBody,
  ticketListQuery,
  workOrderInput,
} from './inputs';
import { listTickets } from './list-tickets';
import { presentTicketSummary, ticketLookups } from './queries';
import { reopenTicket } from './reopen-ticket';
import { resolveTicket } from './resolve-ticket';
import { urgeTicket } from './urge-ticket';
import { urgeTicketBody } from './urge-ticket.types';

const idempotencyHeaders = z.object({ 'idempotency-key': z.string().trim().min(1).max(100).optional() });

export async function ticketRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const detail = (request: Parameters<typeof currentAuth>[0], id: number) =>
    ticketDetail(services.database, currentAuth(request), id, services.clock.now());

  app.post(
    '/api/tickets',
    {
      onRequest: guard('tickets.write'),
      schema: {
        tags: ['tickets'],
        body: ticketInput,
        headers: idempotencyHeaders,
        response: { 200: ticketDetailSchema, 201: ticketDetailSchema },
      },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const key = request.headers['idempotency-key'];
      const { id, created } = await createTicket(services, auth, request.body, key);
      // A repeated key answers 200 with the ticket the first request created.
      return reply.status(created ? 201 : 200).send(await detail(request, id));
    },
  );

  app.get(
    '/api/tickets',
    {
      onRequest: guard('tickets.read'),
      schema: { tags: ['tickets'], querystring: ticketListQuery, response: { 200: ticketPageSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const q = request.query;
      const { rows, total, totalCapped } = await listTickets(services.database, auth, q);
      const names = await ticketLookups(services.database, rows);
      return {
        items: rows.map((t) => presentTicketSummary(auth, t, names)),
        total,
        totalCapped,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );

  app.get(
    '/api/tickets/:id',
    {
      onRequest: guard('tickets.read'),
      schema: { tags: ['tickets'], params: idParam, response: { 200: ticketDetailSchema } },
    },
    async (request) => detail(request, request.params.id),
  );

  app.get(
    '/api/tickets/:id/events',
    {
      onRequest: guard('tickets.read'),
      schema: { tags: ['tickets'], params: idParam, response: { 200: ticketTimelineSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const t = await detail(request, request.params.id);
      const [wos, cbs] = await Promise.all([
        db.select({ id: workOrders.id }).from(workOrders).where(eq(workOrders.ticketId, t.id)),
        db.select({ id: callbacks.id }).from(callbacks).where(eq(callbacks.ticketId, t.id)),
      ]);
      const of = (type: string, ids: number[]): SQL | undefined =>
        ids.length ? and(eq(events.entityType, type), inArray(events.entityId, ids.map(String))) : undefined;
      const rows = await db
        .select()
        .from(events)
        .where(
          or(
            of('ticket', [t.id]),
            of(
              'work_order',
              wos.map((w) => w.id),
            ),
            of(
              'callback',
              cbs.map((c) => c.id),
            ),
          ),
        )
        .orderBy(asc(events.id));
      // Names of the people the timeline mentions (actors, technicians): agents read it without staff.read.
      const ids = new Set<number>();
      for (const e of rows) {
        if (e.actorId !== null) ids.add(e.actorId);
        const technicianId = (e.after as { technicianId?: unknown } | null)?.technicianId;
        if (typeof technicianId === 'number') ids.add(technicianId);
      }
      const people = ids.size
        ? await db
            .select({ id: users.id, name: users.displayName })
            .from(users)
            .where(and(eq(users.companyId, auth.companyId), inArray(users.id, [...ids])))
        : [];
      return {
        people: Object.fromEntries(people.map((p) => [p.id, p.name])),
        items: rows.map((e) => ({
          id: e.id,
          at: e.occurredAt.toISOString(),
          actorId: e.actorId,
          source: e.source,
          action: e.action,
          entityType: e.entityType,
          entityId: Number(e.entityId),
          before: e.before,
          after: e.after,
        })),
      };
    },
  );

  const params = idParam;
  // Every command answers with the ticket as it is now: 200, or 201 where it adds something (a note).
  const opts = (body: z.ZodType) => ({
    onRequest: guard('tickets.write'),
    schema: { tags: ['tickets'], params, body, response: { 200: ticketDetailSchema } },
  });
  const adding = (body: z.ZodType) => ({
    ...opts(body),
    schema: { ...opts(body).schema, response: { 201: ticketDetailSchema } },
  });
  // A correction after intake: answers the detail view (as GET does) with the re-planned SLA clocks.
  app.patch('/api/tickets/:id', opts(editTicketBody), async (request) => {
    const body = editTicketBody.parse(request.body);
    await editTicket(services, currentAuth(request), request.params.id, body);
    return detail(request, request.params.id);
  });
  app.post('/api/tickets/:id/accept', opts(versioned), async (request) => {
    const body = versioned.parse(request.body);
    await acceptTicket(services, currentAuth(request), request.params.id, body.version);
    return detail(request, request.params.id);
  });
  app.post('/api/tickets/:id/answer', opts(answerBody), async (request) => {
    const body = answerBody.parse(request.body);
    await answerTicket(services, currentAuth(request), request.params.id, body.version, body.answer);
    return detail(request, request.params.id);
  });
  app.post('/api/tickets/:id/notes', adding(noteBody), async (request, reply) => {
    const body = noteBody.parse(request.body);
    await addTicketNote(services, currentAuth(request), request.params.id, body.note);
    return reply.status(201).send(await detail(request, request.params.id));
  });
  // 催单: the resident chased the open ticket again (Q44); counted, logged, owner and technicians told.
  app.post('/api/tickets/:id/urge', opts(urgeTicketBody), async (request) => {
    const body = urgeTicketBody.parse(request.body);
    await urgeTicket(services, currentAuth(request), request.params.id, body);
    return detail(request, request.params.id);
  });
  app.post('/api/tickets/:id/resolve', opts(resolveBody), async (request) => {
    const body = resolveBody.parse(request.body);
    await resolveTicket(services, currentAuth(request), request.params.id, body.version, body.reply);
    return detail(request, request.params.id);
  });
  app.post('/api/tickets/:id/close', opts(optionalReasonBody), async (request) => {
    const body = optionalReasonBody.parse(request.body);
    await closeTicket(services, currentAuth(request), request.params.id, body.version, body.reason);
    return detail(request, request.params.id);
  });
  app.post('/api/tickets/:id/cancel', opts(reasonBody), async (request) => {
    const body = reasonBody.parse(request.body);
    await cancelTicket(services, currentAuth(request), request.params.id, body.version, body.reason);
    return detail(request, request.params.id);
  });
  app.post('/api/tickets/:id/reopen', opts(reasonBody), async (request) => {
    const body = reasonBody.parse(request.body);
    await reopenTicket(services, currentAuth(request), request.params.id, body.version, body.reason);
    return detail(request, request.params.id);
  });

  const newWorkOrder = workOrderInput.extend({ version: z.number().int().positive() });
  app.post(
    '/api/tickets/:id/work-orders',
    {
      onRequest: guard('tickets.dispatch'),
      schema: { tags: ['tickets'], params, body: newWorkOrder, response: { 201: ticketDetailSchema } },
    },
    async (request, reply) => {
      const { version, ...input } = request.body;
      await addWorkOrderToTicket(services, currentAuth(request), request.params.id, version, input);
      return reply.status(201).send(await detail(request, request.params.id));
    },
  );

  await categoryRoutes(app);
}

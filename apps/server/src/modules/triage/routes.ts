import {
  activateModelBody,
  linkSimilarBody,
  linkSimilarResult,
  similarTicketsSchema,
  ticketTriageSchema,
  triageOverviewSchema,
  triageRequest,
  triageResultSchema,
  urgentPhraseInput,
  urgentPhrasePatch,
  urgentPhraseSchema,
} from '@guanjia/shared/api';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { assertInScope } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { tickets } from '../tickets/schema';
import { activateModel } from './activate-model';
import { linkSimilarTickets } from './link-similar';
import { addPhrase, listPhrases, updatePhrase } from './phrase-commands';
import { ticketTriageOf, triageOverview } from './queries';
import { recordTicketTriage } from './record-triage';
import { retrainCompany } from './retrain';
import type { triagePhrases } from './schema';
import { similarTickets } from './similar';
import { suggestForProject } from './suggest-text';

const tags = ['triage'];

const present = (row: NonNullable<Awaited<ReturnType<typeof ticketTriageOf>>>) => ({
  ticketId: row.ticketId,
  source: row.source,
  suggestion: row.suggestion,
  autoUrgent: row.autoUrgent,
  corrected: row.corrected,
  createdAt: row.createdAt.toISOString(),
});

const presentPhrase = (p: typeof triagePhrases.$inferSelect) => ({
  id: p.id,
  phrase: p.phrase,
  kind: p.kind,
  active: p.active,
  version: p.version,
});

export async function triageRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();

  // As the agent types: type, urgency and the top 3 categories with the words that drove them.
  app.post(
    '/api/triage',
    {
      onRequest: guard('tickets.write'),
      schema: { tags, body: triageRequest, response: { 200: triageResultSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      assertInScope(auth, request.body.projectId, 'Project');
      return suggestForProject(
        services.database,
        db,
        auth.companyId,
        request.body.projectId,
        request.body.text,
      );
    },
  );

  app.get(
    '/api/tickets/:id/triage',
    {
      onRequest: guard('tickets.read'),
      schema: {
        tags,
        params: idParam,
        response: { 200: z.object({ triage: ticketTriageSchema.nullable() }) },
      },
    },
    async (request) => {
      const auth = currentAuth(request);
      const [t] = await db
        .select({ projectId: tickets.projectId })
        .from(tickets)
        .where(and(eq(tickets.id, request.params.id), eq(tickets.companyId, auth.companyId)));
      if (!t) throw notFound('Ticket');
      assertInScope(auth, t.projectId, 'Ticket');
      const row = await ticketTriageOf(db, auth.companyId, request.params.id);
      return { triage: row ? present(row) : null };
    },
  );

  // The console's intake: what the ticket was suggested (re-classified from its text, so the record
  // never depends on what a browser claims), and whether the agent took another category or type.
  app.post(
    '/api/tickets/:id/triage',
    {
      onRequest: guard('tickets.write'),
      schema: { tags, params: idParam, response: { 200: ticketTriageSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const [t] = await db
        .select({ projectId: tickets.projectId, description: tickets.description })
        .from(tickets)
        .where(and(eq(tickets.id, request.params.id), eq(tickets.companyId, auth.companyId)));
      if (!t) throw notFound('Ticket');
      assertInScope(auth, t.projectId, 'Ticket');
      const result = await suggestForProject(
        services.database,
        db,
        auth.companyId,
        t.projectId,
        t.description,
      );
      await recordTicketTriage(services, {
        ticketId: request.params.id,
        source: 'console',
        result,
        autoUrgent: false,
        actor: userActor(auth),
      });
      const row = await ticketTriageOf(db, auth.companyId, request.params.id);
      if (!row) throw notFound('Ticket');
      return present(row);
    },
  );

  app.get(
    '/api/tickets/:id/similar',
    {
      onRequest: guard('tickets.read'),
      schema: { tags, params: idParam, response: { 200: similarTicketsSchema } },
    },
    async (request) => similarTickets(services.database, currentAuth(request), request.params.id),
  );

  app.post(
    '/api/tickets/:id/similar/link',
    {
      onRequest: guard('tickets.write'),
      schema: { tags, params: idParam, body: linkSimilarBody, response: { 200: linkSimilarResult } },
    },
    async (request) =>
      linkSimilarTickets(services, currentAuth(request), {
        ticketId: request.params.id,
        ticketIds: request.body.ticketIds,
      }),
  );

  app.get(
    '/api/triage/overview',
    { onRequest: guard('triage.manage'), schema: { tags, response: { 200: triageOverviewSchema } } },
    async (request) => triageOverview(db, currentAuth(request), now()),
  );

  app.post(
    '/api/triage/models/retrain',
    { onRequest: guard('triage.manage'), schema: { tags, response: { 201: triageOverviewSchema } } },
    async (request, reply) => {
      const auth = currentAuth(request);
      await retrainCompany(services, auth.companyId, userActor(auth));
      return reply.status(201).send(await triageOverview(db, auth, now()));
    },
  );

  app.post(
    '/api/triage/models/:id/activate',
    {
      onRequest: guard('triage.manage'),
      schema: { tags, params: idParam, body: activateModelBody, response: { 200: triageOverviewSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      await activateModel(services, auth, request.params.id);
      return triageOverview(db, auth, now());
    },
  );

  app.get(
    '/api/triage/phrases',
    { onRequest: guard('triage.manage'), schema: { tags, response: { 200: z.array(urgentPhraseSchema) } } },
    async (request) => listPhrases(services, currentAuth(request)),
  );

  app.post(
    '/api/triage/phrases',
    {
      onRequest: guard('triage.manage'),
      schema: { tags, body: urgentPhraseInput, response: { 201: urgentPhraseSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(presentPhrase(await addPhrase(services, currentAuth(request), request.body))),
  );

  app.patch(
    '/api/triage/phrases/:id',
    {
      onRequest: guard('triage.manage'),
      schema: { tags, params: idParam, body: urgentPhrasePatch, response: { 200: urgentPhraseSchema } },
    },
    async (request) =>
      presentPhrase(await updatePhrase(services, currentAuth(request), request.params.id, request.body)),
  );
}

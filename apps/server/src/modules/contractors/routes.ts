import {
  contractBody,
  contractorListQuery,
  contractorPageSchema,
  contractorSchema,
  contractSchema,
  createContractorBody,
  createEvaluationBody,
  createVisitBody,
  editContractorBody,
  editEvaluationBody,
  evaluationListQuery,
  evaluationPageSchema,
  evaluationSchema,
  evaluationSuggestionSchema,
  signOutBody,
  suggestQuery,
  visitListQuery,
  visitPageSchema,
  visitSchema,
  xlsxFile,
} from '@guanjia/shared/api';
import { z } from 'zod';
import type { AuthContext } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam } from '../../platform/http/pagination';
import { guardAny } from '../tickets/guard-any';
import { sendContractorsXlsx } from './contractor-export';
import { contractorInScope, listContractors, presentContractors } from './contractor-queries';
import { editEvaluation, evaluateContractor, listEvaluations, suggestEvaluation } from './evaluations';
import { createContractor, editContractor, saveContract } from './save-contractor';
import { listVisits, signInVisit, signOutVisit } from './visits';

const tags = ['contractors'];
const contractParams = z.object({
  id: z.coerce.number().int().positive(),
  contractId: z.coerce.number().int().positive(),
});

/** 维保单位 (W-27): read with assets.read, kept with assets.write; the duty room signs visits in too. */
export async function contractorRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const now = () => services.clock.now();
  const one = async (auth: AuthContext, id: number) =>
    (await presentContractors(db, [await contractorInScope(db, auth, id)], now()))[0]!;
  const signIn = guardAny('assets.write', 'inspections.execute');

  app.get(
    '/api/contractors',
    {
      onRequest: guard('assets.read'),
      schema: { tags, querystring: contractorListQuery, response: { 200: contractorPageSchema } },
    },
    async (request) => listContractors(db, currentAuth(request), request.query, now()),
  );
  app.get(
    '/api/contractors/export.xlsx',
    {
      onRequest: guard('assets.read', 'export.run'),
      schema: {
        tags,
        querystring: contractorListQuery.omit({ page: true, pageSize: true }),
        response: { 200: xlsxFile },
      },
    },
    async (request, reply) => {
      const { items, total } = await listContractors(
        db,
        currentAuth(request),
        { ...request.query, page: 1, pageSize: 5000 },
        now(),
      );
      return sendContractorsXlsx(reply, items, total);
    },
  );
  app.get(
    '/api/contractors/:id',
    {
      onRequest: guard('assets.read'),
      schema: { tags, params: idParam, response: { 200: contractorSchema } },
    },
    async (request) => one(currentAuth(request), request.params.id),
  );
  app.post(
    '/api/contractors',
    {
      onRequest: guard('assets.write'),
      schema: { tags, body: createContractorBody, response: { 201: contractorSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const row = await createContractor(services, auth, request.body);
      return reply.status(201).send(await one(auth, row.id));
    },
  );
  app.patch(
    '/api/contractors/:id',
    {
      onRequest: guard('assets.write'),
      schema: { tags, params: idParam, body: editContractorBody, response: { 200: contractorSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      await editContractor(services, auth, request.params.id, request.body);
      return one(auth, request.params.id);
    },
  );
  app.post(
    '/api/contractors/:id/contracts',
    {
      onRequest: guard('assets.write'),
      schema: { tags, params: idParam, body: contractBody, response: { 201: contractSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const row = await saveContract(services, auth, request.params.id, request.body);
      const c = await one(auth, request.params.id);
      return reply.status(201).send(c.contracts.find((k) => k.id === row.id)!);
    },
  );
  app.put(
    '/api/contractors/:id/contracts/:contractId',
    {
      onRequest: guard('assets.write'),
      schema: { tags, params: contractParams, body: contractBody, response: { 200: contractSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const row = await saveContract(
        services,
        auth,
        request.params.id,
        request.body,
        request.params.contractId,
      );
      const c = await one(auth, request.params.id);
      return c.contracts.find((k) => k.id === row.id)!;
    },
  );

  app.get(
    '/api/contractor-visits',
    {
      onRequest: guard('assets.read'),
      schema: { tags, querystring: visitListQuery, response: { 200: visitPageSchema } },
    },
    async (request) => listVisits(db, currentAuth(request), request.query),
  );
  app.post(
    '/api/contractor-visits',
    { onRequest: signIn, schema: { tags, body: createVisitBody, response: { 201: visitSchema } } },
    async (request, reply) => {
      const auth = currentAuth(request);
      const row = await signInVisit(services, auth, request.body);
      const page = await listVisits(db, auth, { ids: [row.id], page: 1, pageSize: 1 });
      return reply.status(201).send(page.items[0]!);
    },
  );
  app.post(
    '/api/contractor-visits/:id/sign-out',
    {
      onRequest: signIn,
      schema: { tags, params: idParam, body: signOutBody, response: { 200: visitSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const row = await signOutVisit(services, auth, request.params.id, request.body);
      return (await listVisits(db, auth, { ids: [row.id], page: 1, pageSize: 1 })).items[0]!;
    },
  );

  app.get(
    '/api/contractor-evaluations',
    {
      onRequest: guard('assets.read'),
      schema: { tags, querystring: evaluationListQuery, response: { 200: evaluationPageSchema } },
    },
    async (request) => listEvaluations(db, currentAuth(request), request.query),
  );
  app.get(
    '/api/contractor-evaluations/suggest',
    {
      onRequest: guard('assets.read'),
      schema: { tags, querystring: suggestQuery, response: { 200: evaluationSuggestionSchema } },
    },
    async (request) => suggestEvaluation(db, currentAuth(request), request.query),
  );
  app.post(
    '/api/contractor-evaluations',
    {
      onRequest: guard('assets.write'),
      schema: { tags, body: createEvaluationBody, response: { 201: evaluationSchema } },
    },
    async (request, reply) => {
      const auth = currentAuth(request);
      const row = await evaluateContractor(services, auth, request.body);
      return reply
        .status(201)
        .send((await listEvaluations(db, auth, { ids: [row.id], page: 1, pageSize: 1 })).items[0]!);
    },
  );
  app.patch(
    '/api/contractor-evaluations/:id',
    {
      onRequest: guard('assets.write'),
      schema: { tags, params: idParam, body: editEvaluationBody, response: { 200: evaluationSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const row = await editEvaluation(services, auth, request.params.id, request.body);
      return (await listEvaluations(db, auth, { ids: [row.id], page: 1, pageSize: 1 })).items[0]!;
    },
  );
}

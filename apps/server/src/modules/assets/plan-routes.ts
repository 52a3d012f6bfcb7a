import {
  generatePlansBody,
  generatePlansResultSchema,
  planInput,
  planListQuery,
  planPageSchema,
  planPatch,
  planSchema,
  planTemplateListSchema,
} from '@guanjia/shared/api';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { idParam } from '../../platform/http/pagination';
import { generatePlansForSystems } from './generate-plans';
import { listPlans, planDetail } from './plan-queries';
import { createPlan, editPlan } from './save-plan';
import { PLAN_TEMPLATES } from './templates';

const tags = ['maintenance-plans'];

/** 维保计划: plans with their checklists, the §3.8 templates, and 按系统生成计划. */
export async function planRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;

  app.get(
    '/api/maintenance-plans',
    {
      onRequest: guard('assets.read'),
      schema: { tags, querystring: planListQuery, response: { 200: planPageSchema } },
    },
    async (request) => listPlans(db, currentAuth(request), request.query),
  );

  app.get(
    '/api/maintenance-plans/templates',
    { onRequest: guard('assets.read'), schema: { tags, response: { 200: planTemplateListSchema } } },
    async () => ({
      items: PLAN_TEMPLATES.map((t) => ({
        key: t.key,
        system: t.system,
        row: t.row,
        name: t.name,
        frequency: t.freq,
        basis: t.basis ?? 'due',
        equipmentType: t.equipmentType ?? null,
        items: t.items,
      })),
    }),
  );

  app.post(
    '/api/maintenance-plans/generate',
    {
      onRequest: guard('assets.write'),
      schema: { tags, body: generatePlansBody, response: { 200: generatePlansResultSchema } },
    },
    async (request) => generatePlansForSystems(services, currentAuth(request), request.body),
  );

  app.get(
    '/api/maintenance-plans/:id',
    { onRequest: guard('assets.read'), schema: { tags, params: idParam, response: { 200: planSchema } } },
    async (request) => planDetail(db, currentAuth(request), request.params.id),
  );

  app.post(
    '/api/maintenance-plans',
    { onRequest: guard('assets.write'), schema: { tags, body: planInput, response: { 201: planSchema } } },
    async (request, reply) => {
      const auth = currentAuth(request);
      const plan = await createPlan(services, auth, request.body);
      return reply.status(201).send(await planDetail(db, auth, plan.id));
    },
  );

  app.patch(
    '/api/maintenance-plans/:id',
    {
      onRequest: guard('assets.write'),
      schema: { tags, params: idParam, body: planPatch, response: { 200: planSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      await editPlan(services, auth, request.params.id, request.body);
      return planDetail(db, auth, request.params.id);
    },
  );
}

import type { FastifyRequest } from 'fastify';
import { assertInScope } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { unauthorized } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { type ProjectLink, projectByToken } from '../telephony/project-link';
import { telephonyToken } from '../telephony/routes';
import { flowOf, presentFlow, saveFlow } from './flows';
import { flowPut, projectParam, simulateBody, stepInput, validateBody } from './inputs';
import { validateFlow } from './rules/validate-flow';
import { runIvrStep } from './run-step';
import { simulateStep } from './simulate';

const links = new WeakMap<FastifyRequest, ProjectLink>();

export async function ivrRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;

  // The PBX bridge: authenticated by the project's telephony token, which must be this project's.
  app.post(
    '/api/ivr/:projectId/step',
    {
      onRequest: async (request) => {
        const link = await projectByToken(db, telephonyToken(request));
        // onRequest runs before params are parsed: compare with the raw path segment.
        const { projectId } = request.params as unknown as { projectId?: string };
        if (String(link.projectId) !== projectId)
          throw unauthorized('The token is not valid for this project');
        links.set(request, link);
      },
      schema: { tags: ['ivr'], params: projectParam, body: stepInput },
    },
    async (request) => {
      const link = links.get(request);
      if (!link) throw unauthorized();
      return runIvrStep(services, link, request.body);
    },
  );

  app.get(
    '/api/ivr/flows/:id',
    { onRequest: guard('telephony.manage'), schema: { tags: ['ivr'], params: idParam } },
    async (request) => {
      assertInScope(currentAuth(request), request.params.id, 'Project');
      return presentFlow(await flowOf(db, request.params.id, services.clock.now()));
    },
  );

  app.put(
    '/api/ivr/flows/:id',
    { onRequest: guard('telephony.manage'), schema: { tags: ['ivr'], params: idParam, body: flowPut } },
    async (request) =>
      saveFlow(services, currentAuth(request), request.params.id, request.body.flow, request.body.version),
  );

  // The editor's live check: the same pure validator, no project data involved.
  app.post(
    '/api/ivr/validate',
    { onRequest: guard('telephony.manage'), schema: { tags: ['ivr'], body: validateBody } },
    async (request) => {
      const r = validateFlow(request.body.flow);
      return { valid: r.ok, errors: r.errors };
    },
  );

  app.post(
    '/api/ivr/flows/:id/simulate',
    { onRequest: guard('telephony.manage'), schema: { tags: ['ivr'], params: idParam, body: simulateBody } },
    async (request) => simulateStep(services, currentAuth(request), request.params.id, request.body),
  );
}

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  fileResponse,
  flowValidationSchema,
  ivrFlowDocumentSchema,
  ivrReplySchema,
  ivrSimulationSchema,
} from '@guanjia/shared/api';
import type { FastifyRequest } from 'fastify';
import { assertInScope } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { notFound, unauthorized } from '../../platform/http/errors';
import { idParam } from '../../platform/http/pagination';
import { type ProjectLink, projectByToken } from '../telephony/project-link';
import { telephonyToken } from '../telephony/routes';
import { flowOf, presentFlow, saveFlow } from './flows';
import {
  audioParams,
  audioQuery,
  flowPut,
  projectParam,
  simulateBody,
  stepInput,
  validateBody,
} from './inputs';
import { AUDIO_FILE, verifyAudio } from './rules/audio-signature';
import { validateFlow } from './rules/validate-flow';
import { runIvrStep } from './run-step';
import { simulateStep } from './simulate';
import { ttsOf } from './tts/speak';

const links = new WeakMap<FastifyRequest, ProjectLink>();

export async function ivrRoutes(app: App): Promise<void> {
  const services = app.services;
  const { db } = services.database;
  const tts = ttsOf(services);
  // The PBX fetches prompts from the address it reached Guanjia at.
  const speaker = (request: FastifyRequest) => ({
    engine: tts,
    origin: `${request.protocol}://${request.host}`,
  });

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
      schema: { tags: ['ivr'], params: projectParam, body: stepInput, response: { 200: ivrReplySchema } },
    },
    async (request) => {
      const link = links.get(request);
      if (!link) throw unauthorized();
      return runIvrStep(services, speaker(request), link, request.body);
    },
  );

  app.get(
    '/api/ivr/flows/:id',
    {
      onRequest: guard('telephony.manage'),
      schema: { tags: ['ivr'], params: idParam, response: { 200: ivrFlowDocumentSchema } },
    },
    async (request) => {
      assertInScope(currentAuth(request), request.params.id, 'Project');
      return presentFlow(await flowOf(db, request.params.id, services.clock.now()));
    },
  );

  app.put(
    '/api/ivr/flows/:id',
    {
      onRequest: guard('telephony.manage'),
      schema: { tags: ['ivr'], params: idParam, body: flowPut, response: { 200: ivrFlowDocumentSchema } },
    },
    async (request) =>
      saveFlow(services, currentAuth(request), request.params.id, request.body.flow, request.body.version),
  );

  // The editor's live check: the same pure validator, no project data involved.
  app.post(
    '/api/ivr/validate',
    {
      onRequest: guard('telephony.manage'),
      schema: { tags: ['ivr'], body: validateBody, response: { 200: flowValidationSchema } },
    },
    async (request) => {
      const r = validateFlow(request.body.flow);
      return { valid: r.ok, errors: r.errors };
    },
  );

  app.post(
    '/api/ivr/flows/:id/simulate',
    {
      onRequest: guard('telephony.manage'),
      schema: { tags: ['ivr'], params: idParam, body: simulateBody, response: { 200: ivrSimulationSchema } },
    },
    async (request) =>
      simulateStep(services, speaker(request), currentAuth(request), request.params.id, request.body),
  );

  // A rendered prompt. The PBX has no session: the URL a step answered with carries its signature.
  app.get(
    '/api/ivr/audio/:file',
    {
      schema: {
        tags: ['ivr'],
        params: audioParams,
        querystring: audioQuery,
        response: { 200: fileResponse('audio/wav', 'A rendered prompt') },
      },
    },
    async (request, reply) => {
      const hash = AUDIO_FILE.exec(request.params.file)?.[1];
      const { exp, sig } = request.query;
      if (!hash || !verifyAudio(await tts.urlKey(), hash, exp, sig, Math.floor(Date.now() / 1000)))
        throw unauthorized('Invalid or expired audio link');
      const file = path.join(tts.dir, `${hash}.wav`);
      const size = await stat(file).then(
        (s) => s.size,
        () => null,
      );
      if (size === null) throw notFound('Audio');
      return reply
        .header('content-type', 'audio/wav')
        .header('content-length', size)
        .header('cache-control', 'private, max-age=3600')
        .send(createReadStream(file));
    },
  );
}

import { scriptCheckSchema, scriptsSchema } from '@guanjia/shared/api';
import { z } from 'zod';
import { assertInScope } from '../../platform/auth/context';
import { currentAuth, guard } from '../../platform/auth/guard';
import type { App } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { findForbiddenPhrases } from './rules/forbidden';
import { FORBIDDEN_PHRASES, STANDARD_SCRIPTS } from './settings';

const projectQuery = z.object({ projectId: z.coerce.number().int().positive() });
const checkInput = z.object({ projectId: z.number().int().positive(), text: z.string().max(20_000) });

/** The agent's script card and the forbidden-phrase check (per project: both are settings). */
export async function scriptRoutes(app: App): Promise<void> {
  const { db } = app.services.database;

  app.get(
    '/api/scripts',
    {
      onRequest: guard('tickets.read'),
      schema: { tags: ['scripts'], querystring: projectQuery, response: { 200: scriptsSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      const { projectId } = request.query;
      assertInScope(auth, projectId, 'Project');
      const scope = { companyId: auth.companyId, projectId };
      return {
        standard: await getSetting(db, STANDARD_SCRIPTS, scope),
        forbidden: await getSetting(db, FORBIDDEN_PHRASES, scope),
      };
    },
  );

  app.post(
    '/api/scripts/check',
    {
      onRequest: guard('tickets.read'),
      schema: { tags: ['scripts'], body: checkInput, response: { 200: scriptCheckSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      assertInScope(auth, request.body.projectId, 'Project');
      const phrases = await getSetting(db, FORBIDDEN_PHRASES, {
        companyId: auth.companyId,
        projectId: request.body.projectId,
      });
      const flags = findForbiddenPhrases(request.body.text, phrases);
      return { flagged: flags.length > 0, flags };
    },
  );
}

import type { FastifyRequest } from 'fastify';
import type { App } from '../http/app-types';
import { resolveSessionCached } from './session-cache';

export const SESSION_COOKIE = 'guanjia_session';

export function tokenFrom(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim() || null;
  return request.cookies[SESSION_COOKIE] ?? null;
}

/** Resolves the session once per request; routes decide with guard() what they require. */
export function installAuth(app: App): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = tokenFrom(request);
    if (token) request.auth = await resolveSessionCached(app.services, token);
  });
}

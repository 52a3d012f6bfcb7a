import type { Permission } from '@guanjia/shared';
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthorized } from '../http/errors';
import type { AuthContext } from './context';

/** The signed-in caller, or 401. */
export function currentAuth(request: FastifyRequest): AuthContext {
  if (!request.auth) throw unauthorized();
  return request.auth;
}

/** onRequest hook (before body validation, so anonymous callers get 401, not 400): signed in and holding every permission. */
export const guard =
  (...permissions: Permission[]) =>
  async (request: FastifyRequest): Promise<void> => {
    const auth = currentAuth(request);
    for (const permission of permissions) if (!auth.permissions.has(permission)) throw forbidden(permission);
  };

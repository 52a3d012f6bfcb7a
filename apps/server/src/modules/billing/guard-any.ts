import type { Permission } from '@guanjia/shared';
import type { FastifyRequest } from 'fastify';
import { currentAuth } from '../../platform/auth/guard';
import { forbidden } from '../../platform/http/errors';

/** onRequest hook: signed in and holding at least one of the permissions (cashier or finance). */
export const guardAny =
  (...permissions: Permission[]) =>
  async (request: FastifyRequest): Promise<void> => {
    const auth = currentAuth(request);
    if (!permissions.some((p) => auth.permissions.has(p))) throw forbidden(permissions.join(' | '));
  };

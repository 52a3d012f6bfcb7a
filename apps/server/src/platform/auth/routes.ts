import { loginResponseSchema, meSchema, okSchema } from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordEvent } from '../events/record-event';
import type { App } from '../http/app-types';
import { currentAuth, guard } from './guard';
import { SESSION_COOKIE } from './plugin';
import { users } from './schema';
import { invalidateSessions } from './session-cache';
import { login, logout, resolveSession, SESSION_DAYS } from './sessions';

const LOCALES = ['zh-CN', 'en'] as const;

export async function authRoutes(app: App): Promise<void> {
  const { database, clock, config } = app.services;

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
        response: { 200: loginResponseSchema },
      },
    },
    async (request, reply) => {
      const { token } = await login(
        database.db,
        clock,
        {
          ...request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'],
        },
        config.passwordCost,
      );
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        path: '/',
        maxAge: SESSION_DAYS * 86_400,
      });
      const auth = await resolveSession(database.db, clock, token);
      return { token, user: auth ? presentMe(auth) : null };
    },
  );

  app.post(
    '/api/auth/logout',
    { onRequest: guard(), schema: { tags: ['auth'], response: { 200: okSchema } } },
    async (request, reply) => {
      const auth = currentAuth(request);
      await logout(database.db, auth.sessionId);
      // The token must stop working on this node at once and on the others as soon as they hear it.
      await invalidateSessions(app.services);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.get(
    '/api/auth/me',
    { onRequest: guard(), schema: { tags: ['auth'], response: { 200: meSchema } } },
    async (request) => presentMe(currentAuth(request)),
  );

  /** The console remembers each user's language choice. */
  app.patch(
    '/api/auth/me',
    {
      onRequest: guard(),
      schema: { tags: ['auth'], body: z.object({ locale: z.enum(LOCALES) }), response: { 200: meSchema } },
    },
    async (request) => {
      const auth = currentAuth(request);
      await database.db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ locale: request.body.locale, updatedAt: clock.now() })
          .where(eq(users.id, auth.userId));
        await recordEvent(
          tx,
          { userId: auth.userId, companyId: auth.companyId, source: 'user' },
          clock.now(),
          {
            action: 'user.locale_changed',
            entityType: 'user',
            entityId: auth.userId,
            before: { locale: auth.locale },
            after: { locale: request.body.locale },
          },
        );
      });
      await invalidateSessions(app.services);
      return presentMe({ ...auth, locale: request.body.locale });
    },
  );
}

function presentMe(auth: ReturnType<typeof currentAuth>): z.infer<typeof meSchema> {
  return {
    id: auth.userId,
    username: auth.username,
    displayName: auth.displayName,
    locale: auth.locale,
    companyId: auth.companyId,
    permissions: [...auth.permissions].sort(),
    projectIds: [...auth.projectIds],
    allProjects: auth.allProjects,
  };
}

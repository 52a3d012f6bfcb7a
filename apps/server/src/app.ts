import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify from 'fastify';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerModules } from './modules';
import { installAuth } from './platform/auth/plugin';
import { authRoutes } from './platform/auth/routes';
import { listenForInvalidation } from './platform/cache/caches';
import { auditRoutes } from './platform/events/routes';
import type { App, Services } from './platform/http/app-types';
import { answerClientError, answerFrameworkError, installErrorHandling } from './platform/http/error-handler';
import { responseSerializer } from './platform/http/serializer';
import { systemRoutes } from './platform/http/system-routes';
import { validatorCompiler } from './platform/http/validate-input';
import { liveRoutes } from './platform/realtime/live';
import { settingsRoutes } from './platform/settings/routes';

export async function buildApp(services: Services, options: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    bodyLimit: services.config.bodyLimitBytes,
    // Only the configured proxies: trusting any client lets it name the address the login throttle counts.
    trustProxy: services.config.trustProxy.length ? [...services.config.trustProxy] : false,
    // Fastify's and Node's own refusals answer in the envelope too.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer({ strict: services.config.strictResponses ?? false }));
  app.decorate('services', services);
  // Kept so tests can prove that every route checks authentication and scope.
  const routes: { method: string; url: string }[] = [];
  app.decorate('routeTable', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  const dist = services.config.webDist ?? '';
  const spa = Boolean(dist) && existsSync(path.join(dist, 'index.html'));
  installErrorHandling(app, { spa });

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(fastifyWebsocket);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Guanjia 管家 API', version: services.config.version },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  listenForInvalidation(services);
  installAuth(app);
  await app.register(systemRoutes);
  await app.register(authRoutes);
  await app.register(liveRoutes);
  await app.register(settingsRoutes);
  await app.register(auditRoutes);
  await registerModules(app);

  if (spa) await app.register(fastifyStatic, { root: dist, wildcard: false });
  return app;
}

import { healthSchema, testClockSchema } from '@guanjia/shared/api';
import { z } from 'zod';
import type { App } from './app-types';

export async function systemRoutes(app: App): Promise<void> {
  const { database, config, testClock, queue } = app.services;

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        response: { 200: healthSchema },
      },
    },
    async () => {
      await database.query('select 1');
      return { status: 'ok' as const, database: database.kind, version: config.version };
    },
  );

  // The controllable clock exists only when GUANJIA_TEST_CLOCK=1; otherwise the route does not exist (404).
  if (!testClock) return;
  app.post(
    '/api/test/clock',
    {
      schema: {
        tags: ['system'],
        body: z.union([
          z.object({ advanceMinutes: z.number().min(0).max(525_600) }),
          z.object({ set: z.iso.datetime({ offset: true }) }),
        ]),
        response: { 200: testClockSchema },
      },
    },
    async (request) => {
      const now =
        'set' in request.body
          ? testClock.set(new Date(request.body.set))
          : testClock.advanceMinutes(request.body.advanceMinutes);
      // Timers that became due fire before the caller's next request.
      await queue.drain();
      return { now: now.toISOString() };
    },
  );
}

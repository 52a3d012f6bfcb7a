import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { createMemoryBus } from '../platform/bus/memory-bus';
import { ControllableClock } from '../platform/clock/clock';
import { openDatabase } from '../platform/db/client';
import { migrate } from '../platform/db/migrate';
import type { App, Config, Services } from '../platform/http/app-types';
import { createLocalQueue } from '../platform/jobs/local-queue';
import { registerWorkers } from '../workers';
import { type Fixture, seedFixture } from './fixture';
import { migratedPgliteDump, POSTGRES_TEMPLATE_ENV } from './migrated-template';
import { createScratchPostgres, testDbKind } from './test-database';

export interface TestServer {
  app: App;
  services: Services;
  clock: ControllableClock;
  fixture: Fixture;
  /** Log in through the API and return a bearer token. */
  login(username: string, password?: string): Promise<string>;
  request(
    method: string,
    url: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const FIXTURE_PASSWORD = 'test-pass-123';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: 'memory://',
    bus: 'memory',
    roles: { web: true, worker: true },
    testClock: true,
    bodyLimitBytes: 1_048_576,
    secureCookies: false,
    trustProxy: [],
    version: 'test',
    strictResponses: true,
    // 2^10 instead of 2^17: fixtures hash and tests log in hundreds of times; the cost itself has its own test.
    passwordCost: { n: 2 ** 10, r: 8, p: 1 },
    ...overrides,
  };
}

/** A real server on a real database (in-memory PGlite, or a scratch PostgreSQL database) with a seeded fixture. */
export async function createTestServer(
  options: { listen?: boolean; webDist?: string; config?: Partial<Config> } = {},
): Promise<TestServer> {
  const pgTemplate = process.env[POSTGRES_TEMPLATE_ENV];
  const scratch = testDbKind() === 'postgres' ? await createScratchPostgres(pgTemplate) : null;
  const database = await openDatabase(
    scratch ? { url: scratch.url, poolSize: 5 } : { dataDir: 'memory://', loadDataDir: migratedPgliteDump() },
  );
  // A no-op on the suite's migrated templates; the whole migration elsewhere.
  await migrate(database);
  const clock = new ControllableClock();
  const config = testConfig({ databaseUrl: scratch?.url, webDist: options.webDist, ...options.config });
  const queue = createLocalQueue(database, clock, { pollMs: 50 });
  const services: Services = { config, database, clock, testClock: clock, bus: createMemoryBus(), queue };
  registerWorkers(services);
  const fixture = await seedFixture(services, FIXTURE_PASSWORD);
  const app = await buildApp(services);
  if (options.listen) await app.listen({ port: 0, host: '127.0.0.1' });
  else await app.ready();

  const request: TestServer['request'] = (method, url, opts = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers },
      ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
    });

  return {
    app,
    services,
    clock,
    fixture,
    request,
    async login(username, password = FIXTURE_PASSWORD) {
      const res = await request('POST', '/api/auth/login', { body: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      return (res.json() as { token: string }).token;
    },
    async close() {
      await app.close();
      await queue.stop();
      await database.close();
      await scratch?.drop();
    },
  };
}

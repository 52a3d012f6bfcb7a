/** Shared by the intake benches: a migrated database with the test fixture, an app, a token, two plumbers on duty. */
import { buildApp } from '../../apps/server/src/app';
import { createMemoryBus } from '../../apps/server/src/platform/bus/memory-bus';
import { systemClock } from '../../apps/server/src/platform/clock/clock';
import type { Database } from '../../apps/server/src/platform/db/client';
import { migrate } from '../../apps/server/src/platform/db/migrate';
import type { App, Services } from '../../apps/server/src/platform/http/app-types';
import { createLocalQueue } from '../../apps/server/src/platform/jobs/local-queue';
import { seedFixture } from '../../apps/server/src/testing/fixture';
import { testConfig } from '../../apps/server/src/testing/test-server';
import { registerWorkers } from '../../apps/server/src/workers';

const PASSWORD = 'bench-pass-123';

export interface IntakeSetup {
  app: App;
  services: Services;
  token: string;
  projectId: number;
  unitId: number;
  categoryId: number;
}

export async function prepareIntake(database: Database): Promise<IntakeSetup> {
  await migrate(database);
  const services: Services = {
    config: testConfig(),
    database,
    clock: systemClock,
    bus: createMemoryBus(),
    queue: createLocalQueue(database, systemClock),
  };
  registerWorkers(services);
  const fixture = await seedFixture(services, PASSWORD);
  const app = await buildApp(services);
  await app.ready();
  const login = async (username: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: PASSWORD },
    });
    return (res.json() as { token: string }).token;
  };
  const token = await login('agent_a');
  // Two plumbers on duty with a high cap, so every repair is dispatched automatically (the whole path).
  for (const [name, id] of [
    ['tech_a', fixture.users.tech_a],
    ['tech_a2', fixture.users.tech_a2],
  ] as const) {
    await app.inject({
      method: 'PUT',
      url: `/api/technicians/${id}/duty`,
      headers: { authorization: `Bearer ${await login(name)}` },
      payload: { onDuty: process.env.BENCH_NO_DUTY !== '1' },
    });
    await database.query('update technician_status set open_cap = 1000000 where user_id = $1', [id]);
  }
  const cats = await app.inject({
    method: 'GET',
    url: '/api/ticket-categories',
    headers: { authorization: `Bearer ${token}` },
  });
  const categoryId = (cats.json() as { items: { id: number; path: string }[] }).items.find(
    (c) => c.path === '户内/水/漏水',
  )!.id;
  return { app, services, token, projectId: fixture.projectA, unitId: fixture.unitsA[0]!, categoryId };
}

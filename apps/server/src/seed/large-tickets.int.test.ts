import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { createMemoryBus } from '../platform/bus/memory-bus';
import { ControllableClock } from '../platform/clock/clock';
import { type Database, openDatabase } from '../platform/db/client';
import { migrate } from '../platform/db/migrate';
import type { App } from '../platform/http/app-types';
import { createLocalQueue } from '../platform/jobs/local-queue';
import { createScratchPostgres, testDbKind } from '../testing/test-database';
import { testConfig } from '../testing/test-server';
import { DEMO_PASSWORD } from './demo-staff';
import { seedLargeEstate } from './large-estate';
import { seedLargeTickets } from './large-tickets';
import { seedIfEmpty } from './seed-if-empty';

let database: Database;
let app: App;
let drop: (() => Promise<void>) | undefined;
const clock = new ControllableClock();
clock.set(new Date('2026-11-23T10:00:00+08:00'));

beforeAll(async () => {
  const scratch = testDbKind() === 'postgres' ? await createScratchPostgres() : null;
  drop = scratch?.drop;
  database = await openDatabase(scratch ? { url: scratch.url, poolSize: 3 } : { dataDir: 'memory://' });
  await migrate(database);
  const services = {
    config: testConfig(),
    database,
    clock,
    bus: createMemoryBus(),
    queue: createLocalQueue(database, clock),
  };
  await seedIfEmpty(services, { adminPassword: 'x-admin-1', demo: false });
  await seedLargeEstate(database, { residents: 1_500, now: clock.now() });
  app = await buildApp(services);
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  await drop?.();
});

const one = async (sql: string, params: unknown[] = []) =>
  (await database.query<Record<string, unknown>>(sql, params))[0] ?? {};
const n = async (sql: string, params: unknown[] = []) => Number((await one(sql, params)).n);

describe('seedLargeTickets', () => {
  it('writes tickets with work orders for repairs, clocks, callbacks and unique numbers', async () => {
    const result = await seedLargeTickets(database, { tickets: 2_000, batch: 700, now: clock.now() });
    expect(result).toMatchObject({ ticketsBefore: 0, ticketsAdded: 2_000 });
    expect(await n('select count(*) as n from tickets')).toBe(2_000);
    expect(await n("select count(*) as n from tickets where type = '报修'")).toBe(
      await n('select count(*) as n from work_orders'),
    );
    expect(await n('select count(distinct number) as n from tickets')).toBe(2_000);
    expect(await n("select count(*) as n from tickets where status = '已关闭'")).toBeGreaterThan(1_500);
    expect(await n("select count(*) as n from tickets where sla_state = 'breached'")).toBeGreaterThan(0);
    expect(
      await n(
        "select count(*) as n from tickets t where not exists (select 1 from sla_clocks k where k.ticket_id = t.id) and t.type in ('报修', '投诉')",
      ),
    ).toBe(0);
    expect(await n("select count(*) as n from callbacks where status = '已完成' and satisfied is null")).toBe(
      0,
    );
    // The counters continue after the generated numbers: today's next repair does not collide.
    const today = await one("select max(number) as m from tickets where number like 'BX-YCXQ-20261123-%'");
    const counter = await one("select value from ticket_counters where prefix = 'BX' and day = '20261123'");
    if (today.m) expect(Number(counter.value)).toBe(Number(String(today.m).split('-')[3]));
  });

  it('tops up instead of starting over', async () => {
    const again = await seedLargeTickets(database, { tickets: 1_000, now: clock.now() });
    expect(again).toMatchObject({ ticketsBefore: 2_000, ticketsAdded: 0 });
    const more = await seedLargeTickets(database, { tickets: 2_400, now: clock.now() });
    expect(more).toMatchObject({ ticketsBefore: 2_000, ticketsAdded: 400 });
    expect(await n('select count(distinct number) as n from tickets')).toBe(2_400);
  });

  it('the 压测小区 desk can sign in and its lists and report answer', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'yc_agent_1', password: DEMO_PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    const headers = { authorization: `Bearer ${(login.json() as { token: string }).token}` };
    const list = await app.inject({ method: 'GET', url: '/api/tickets?sla=breached', headers });
    expect(list.statusCode, list.body).toBe(200);
    expect((list.json() as { total: number }).total).toBeGreaterThan(0);
    const { id } = await one("select id from projects where code = 'YCXQ'");
    const pm = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'yc_pm', password: DEMO_PASSWORD },
    });
    const report = await app.inject({
      method: 'GET',
      url: `/api/reports/sla?projectId=${id}&from=2026-01-01&to=2026-11-24`,
      headers: { authorization: `Bearer ${(pm.json() as { token: string }).token}` },
    });
    expect(report.statusCode, report.body).toBe(200);
    expect((report.json() as { totals: { total: number } }).totals.total).toBeGreaterThan(1_000);
  });
});

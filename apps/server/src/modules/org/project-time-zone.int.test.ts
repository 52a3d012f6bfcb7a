import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LogSink, setFaultSink } from '../../platform/log/log-fault';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { slaCalendars } from '../sla/schema';
import { projects } from './schema';

/** A project's time zone: validated where it is stored, read fail-safe wherever it is used. */
let t: TestServer;
let admin: string;
let warnings: Record<string, unknown>[];
let previous: LogSink;

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(new Date('2026-03-02T10:00:00+08:00'));
  admin = await t.login('admin');
  warnings = [];
  previous = setFaultSink({ write: (line: string) => warnings.push(JSON.parse(line)) });
});
afterAll(async () => {
  setFaultSink(previous);
  await t?.close();
});

const weekdays = Array.from({ length: 7 }, () => [{ start: '09:00', end: '18:00' }]);

describe('storing a time zone', () => {
  it.each(['Mars/Olympus', '   ', '+08:00', 'Asia/Shanghai; drop table projects', 'x'.repeat(61)])(
    'refuses %j for a project, an SLA calendar and the platform.timezone setting',
    async (zone) => {
      const current = await t.request('GET', `/api/projects/${t.fixture.projectB}`, { token: admin });
      const project = await t.request('PATCH', `/api/projects/${t.fixture.projectB}`, {
        token: admin,
        body: { timezone: zone, version: (current.json() as { version: number }).version },
      });
      const calendar = await t.request('POST', '/api/calendars', {
        token: admin,
        body: { projectId: t.fixture.projectB, name: '坏时区', timezone: zone, weekdays },
      });
      const setting = await t.request('PUT', '/api/settings/platform.timezone', {
        token: admin,
        body: { value: zone, projectId: t.fixture.projectB },
      });
      for (const res of [project, calendar, setting]) expect(res.statusCode, res.body).toBe(400);
      for (const res of [project, calendar])
        expect(res.json()).toMatchObject({ error: { code: 'validation_failed' } });
      const { details } = (project.json() as { error: { details: { path: string }[] } }).error;
      expect(new Set(details.map((d) => d.path))).toEqual(new Set(['body.timezone']));
    },
  );

  it('takes an IANA zone', async () => {
    const current = await t.request('GET', `/api/projects/${t.fixture.projectB}`, { token: admin });
    const res = await t.request('PATCH', `/api/projects/${t.fixture.projectB}`, {
      token: admin,
      body: { timezone: 'Asia/Urumqi', version: (current.json() as { version: number }).version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ timezone: 'Asia/Urumqi' });
  });
});

describe('a bad zone already stored (written before validation, or by hand)', () => {
  beforeAll(async () => {
    const { db } = t.services.database;
    await db.update(projects).set({ timezone: 'Mars/Olympus' }).where(eq(projects.id, t.fixture.projectA));
    await db.insert(slaCalendars).values({
      companyId: t.fixture.companyId,
      projectId: t.fixture.projectA,
      name: '手改的日历',
      timezone: '   ',
      weekdays,
      isDefault: true,
    });
  });

  it('still takes intake, work-order actions, portal requests and IVR simulation, in Asia/Shanghai', async () => {
    const duty = await t.request('PUT', `/api/technicians/${t.fixture.users.tech_a}/duty`, {
      token: admin,
      body: { onDuty: true },
    });
    expect(duty.statusCode, duty.body).toBe(200);
    const intake = await t.request('POST', '/api/tickets', {
      token: admin,
      body: {
        projectId: t.fixture.projectA,
        type: '报修',
        unitId: t.fixture.unitsA[0],
        residentId: t.fixture.residentsA[0],
        description: '厨房水管漏水',
      },
    });
    expect(intake.statusCode, intake.body).toBe(201);
    const ticket = intake.json() as { number: string; workOrders: { id: number; version: number }[] };
    // Numbered by the local day in the fallback zone (10:00 on 2 March in Shanghai).
    expect(ticket.number).toContain('-20260302-');

    // The one technician on duty takes the order; his acceptance is the next work-order action.
    const wo = await t.request('GET', `/api/work-orders/${ticket.workOrders[0]!.id}`, { token: admin });
    const order = wo.json() as { id: number; version: number; technicianId: number | null };
    expect(order.technicianId).toBe(t.fixture.users.tech_a);
    const accepted = await t.request('POST', `/api/work-orders/${order.id}/accept`, {
      token: await t.login('tech_a'),
      body: { version: order.version },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);

    const project = await t.request('GET', `/api/projects/${t.fixture.projectA}`, { token: admin });
    expect(project.json()).toMatchObject({ timezone: 'Asia/Shanghai' });

    const simulated = await t.request('POST', `/api/ivr/flows/${t.fixture.projectA}/simulate`, {
      token: admin,
      body: {},
    });
    expect(simulated.statusCode, simulated.body).toBe(200);

    const resident = await portalLogin('13812345678');
    const reported = await t.request('POST', '/api/portal/tickets', {
      token: resident,
      body: { unitId: t.fixture.unitsA[0], type: '报修', description: '楼道灯不亮' },
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const mine = await t.request('GET', '/api/portal/tickets', { token: resident });
    expect(mine.statusCode, mine.body).toBe(200);

    // Each bad value is named once on the fault log, for an operator to fix.
    const named = warnings.filter((w) => w.msg === 'stored time zone is not valid; using the default');
    expect(named).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: 'warn', where: 'projects.timezone', stored: 'Mars/Olympus' }),
        expect.objectContaining({ level: 'warn', where: 'sla_calendars.timezone', stored: '   ' }),
      ]),
    );
    expect(named).toHaveLength(2);
  });
});

async function portalLogin(phone: string): Promise<string> {
  const sent = await t.request('POST', '/api/portal/auth/code', { body: { phone } });
  expect(sent.statusCode, sent.body).toBe(202);
  await t.services.queue.drain();
  const res = await t.request('GET', '/api/deliveries?sourceType=portal_code&pageSize=50', { token: admin });
  const items = (res.json() as { items: { recipient: string; body: string }[] }).items;
  const code = /验证码为(\d{6})/.exec(items.find((d) => d.recipient === `+86${phone}`)?.body ?? '')?.[1];
  const login = await t.request('POST', '/api/portal/auth/login', { body: { phone, code } });
  expect(login.statusCode, login.body).toBe(200);
  return (login.json() as { token: string }).token;
}

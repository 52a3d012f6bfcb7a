import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { App } from '../../platform/http/app-types';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { leafCategory, MONDAY_10, minutesAfter, ok, type TicketView } from './testing/helpers';

// Settings, SLA policies, calendars, the category tree and dispatch rules are cached per node (see
// platform/cache). Each test warms the cache with an intake first; the write must show on the next one.
let t: TestServer;
let admin: string;
let agent: string;
let water: number;
beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(MONDAY_10);
  admin = await t.login('admin');
  agent = await t.login('agent_a');
  water = await leafCategory(t, agent, '户内/水/水龙头损坏');
});
afterAll(async () => t?.close());

type View = TicketView & { workOrders: (TicketView['workOrders'][number] & { dispatchMode: string })[] };
const body = (extra: Record<string, unknown>) => ({
  projectId: t.fixture.projectA,
  unitId: t.fixture.unitsA[0],
  contactPhone: '13812345678',
  type: '报修',
  description: '水龙头漏水',
  ...extra,
});
const intake = (extra: Record<string, unknown> = {}, app?: App) =>
  app
    ? app
        .inject({
          method: 'POST',
          url: '/api/tickets',
          headers: { authorization: `Bearer ${agent}` },
          payload: body(extra),
        })
        .then((res) => {
          expect(res.statusCode, res.body).toBe(201);
          return res.json() as View;
        })
    : ok<View>(t, 'POST', '/api/tickets', agent, body(extra), 201);
const arriveDue = (v: View) => v.workOrders[0]!.sla.arriveDueAt;

describe('configuration caches', () => {
  it('a setting change applies to the next intake', async () => {
    expect(arriveDue(await intake({ priority: '急' }))).toBe(minutesAfter(MONDAY_10, 15));
    await ok(t, 'PUT', '/api/settings/sla.urgentArriveMinutes', admin, {
      projectId: t.fixture.projectA,
      value: 25,
    });
    expect(arriveDue(await intake({ priority: '急' }))).toBe(minutesAfter(MONDAY_10, 25));
    await ok(t, 'DELETE', `/api/settings/sla.urgentArriveMinutes?projectId=${t.fixture.projectA}`, admin);
    expect(arriveDue(await intake({ priority: '急' }))).toBe(minutesAfter(MONDAY_10, 15));
  });

  it('a new or changed calendar applies to the next intake', async () => {
    expect(arriveDue(await intake())).toBe(minutesAfter(MONDAY_10, 30));
    const afternoons = Array.from({ length: 7 }, () => [{ start: '14:00', end: '18:00' }]);
    const cal = await ok<{ id: number; version: number }>(
      t,
      'POST',
      '/api/calendars',
      admin,
      { projectId: t.fixture.projectA, name: '下午班', weekdays: afternoons, isDefault: true },
      201,
    );
    expect(arriveDue(await intake())).toBe(new Date('2026-11-23T14:30:00+08:00').toISOString());
    const earlier = Array.from({ length: 7 }, () => [{ start: '13:00', end: '18:00' }]);
    await ok(t, 'PUT', `/api/calendars/${cal.id}`, admin, { weekdays: earlier, version: cal.version });
    expect(arriveDue(await intake())).toBe(new Date('2026-11-23T13:30:00+08:00').toISOString());
    await ok(t, 'PUT', `/api/calendars/${cal.id}`, admin, { isDefault: false, version: cal.version + 1 });
    expect(arriveDue(await intake())).toBe(minutesAfter(MONDAY_10, 30));
  });

  it('a new or changed policy applies to the next intake', async () => {
    expect(arriveDue(await intake())).toBe(minutesAfter(MONDAY_10, 30));
    const policy = await ok<{ id: number; version: number }>(
      t,
      'POST',
      '/api/sla-policies',
      admin,
      {
        projectId: t.fixture.projectA,
        name: '报修45分钟到场',
        ticketType: '报修',
        priority: '一般',
        targets: { arrive: { calendar: '24x7', minutes: 45 } },
      },
      201,
    );
    expect(arriveDue(await intake())).toBe(minutesAfter(MONDAY_10, 45));
    await ok(t, 'PUT', `/api/sla-policies/${policy.id}`, admin, { active: false, version: policy.version });
    expect(arriveDue(await intake())).toBe(minutesAfter(MONDAY_10, 30));
  });

  it('a deactivated category is refused by the next intake, and usable again once reactivated', async () => {
    await intake({ categoryId: water });
    const { items } = await ok<{ items: { id: number; version: number }[] }>(
      t,
      'GET',
      '/api/ticket-categories',
      admin,
    );
    const version = items.find((c) => c.id === water)!.version;
    await ok(t, 'PATCH', `/api/ticket-categories/${water}`, admin, { active: false, version });
    const refused = await t.request('POST', '/api/tickets', {
      token: agent,
      body: body({ categoryId: water }),
    });
    expect(refused.statusCode).toBe(400);
    await ok(t, 'PATCH', `/api/ticket-categories/${water}`, admin, { active: true, version: version + 1 });
    await intake({ categoryId: water });
  });

  it('renaming a category renames it in the paths of everything under it', async () => {
    type Cat = { id: number; path: string; version: number };
    const list = async () => (await ok<{ items: Cat[] }>(t, 'GET', '/api/ticket-categories', admin)).items;
    const mid = (await list()).find((c) => c.path === '户内/水')!;
    await ok(t, 'PATCH', `/api/ticket-categories/${mid.id}`, admin, { name: '给排水', version: mid.version });
    const paths = (await list()).map((c) => c.path);
    expect(paths).toContain('户内/给排水/漏水');
    expect(paths.filter((p) => p.startsWith('户内/水/'))).toEqual([]);
    expect(paths).toContain('公共区域/给排水/停水');
    const ticket = await intake({ categoryId: water });
    const view = await ok<{ categoryPath: string | null }>(t, 'GET', `/api/tickets/${ticket.id}`, agent);
    expect(view.categoryPath).toBe('户内/给排水/水龙头损坏');
    await ok(t, 'PATCH', `/api/ticket-categories/${mid.id}`, admin, { name: '水', version: mid.version + 1 });
    expect((await list()).map((c) => c.path)).toContain('户内/水/漏水');
  });

  it('a dispatch rule change applies to the next work order', async () => {
    expect((await intake()).workOrders[0]!.dispatchMode).toBe('least-load');
    await ok(t, 'PUT', '/api/dispatch-rules', admin, { projectId: t.fixture.projectA, mode: 'grab' });
    expect((await intake()).workOrders[0]!.dispatchMode).toBe('grab');
    await ok(t, 'PUT', '/api/dispatch-rules', admin, { projectId: t.fixture.projectA, mode: 'least-load' });
    expect((await intake()).workOrders[0]!.dispatchMode).toBe('least-load');
    // Deleting the project's rule hands the choice back to the setting's default mode.
    const rules = await ok<{
      defaultMode: string;
      items: { id: number; projectId: number | null; version: number }[];
    }>(t, 'GET', `/api/dispatch-rules?projectId=${t.fixture.projectA}`, admin);
    const rule = rules.items.find((r) => r.projectId === t.fixture.projectA)!;
    const res = await t.request('DELETE', `/api/dispatch-rules/${rule.id}?version=${rule.version}`, {
      token: admin,
    });
    expect(res.statusCode, res.body).toBe(204);
    expect((await intake()).workOrders[0]!.dispatchMode).toBe(rules.defaultMode);
  });

  it('another node sharing the bus sees a setting changed on this node', async () => {
    const other = await buildApp({ ...t.services, database: { ...t.services.database } });
    await other.ready();
    try {
      expect(arriveDue(await intake({ priority: '急' }, other))).toBe(minutesAfter(MONDAY_10, 15));
      await ok(t, 'PUT', '/api/settings/sla.urgentArriveMinutes', admin, {
        projectId: t.fixture.projectA,
        value: 35,
      });
      expect(arriveDue(await intake({ priority: '急' }, other))).toBe(minutesAfter(MONDAY_10, 35));
    } finally {
      await ok(t, 'DELETE', `/api/settings/sla.urgentArriveMinutes?projectId=${t.fixture.projectA}`, admin);
      await other.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { createTestServer, type TestServer } from '../../testing/test-server';
import type { App } from '../http/app-types';

// Sessions are cached for a few seconds per node (session-cache.ts). Every write that changes what a
// cached session says must show on the very next request — these tests warm the cache first.
let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await createTestServer();
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

interface Me {
  permissions: string[];
  projectIds: number[];
  locale: string;
  displayName: string;
}
const me = (token: string, app?: App) =>
  (app ?? t.app).inject({
    method: 'GET',
    url: '/api/auth/me',
    headers: { authorization: `Bearer ${token}` },
  });
const meOk = async (token: string) => {
  const res = await me(token);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Me;
};
const staffVersion = async (id: number) =>
  ((await t.request('GET', `/api/staff/${id}`, { token: admin })).json() as { version: number }).version;

describe('session cache', () => {
  it('a logged-out token stops working at once', async () => {
    const token = await t.login('qa_a');
    await meOk(token);
    expect((await t.request('POST', '/api/auth/logout', { token })).statusCode).toBe(200);
    expect((await me(token)).statusCode).toBe(401);
  });

  it('deactivation ends a cached session at once', async () => {
    const token = await t.login('supervisor_a');
    await meOk(token);
    const res = await t.request('PATCH', `/api/staff/${t.fixture.users.supervisor_a}`, {
      token: admin,
      body: { active: false, version: await staffVersion(t.fixture.users.supervisor_a) },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await me(token)).statusCode).toBe(401);
  });

  it('a role losing a permission takes it from cached sessions at once', async () => {
    const token = await t.login('qa_a');
    const before = await meOk(token);
    expect(before.permissions).toContain('tickets.read');
    const roles = (await t.request('GET', '/api/roles', { token: admin })).json() as {
      items: { id: number; code: string; version: number; permissions: string[] }[];
    };
    const qa = roles.items.find((r) => r.code === 'qa')!;
    const res = await t.request('PATCH', `/api/roles/${qa.id}`, {
      token: admin,
      body: { permissions: qa.permissions.filter((p) => p !== 'tickets.read'), version: qa.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await meOk(token)).permissions).not.toContain('tickets.read');
    expect((await t.request('GET', '/api/tickets', { token })).statusCode).toBe(403);
  });

  it('a changed project scope and a new project show in cached sessions at once', async () => {
    const token = await t.login('manager_a');
    expect((await meOk(token)).projectIds).toEqual([t.fixture.projectA]);
    const res = await t.request('PATCH', `/api/staff/${t.fixture.users.manager_a}`, {
      token: admin,
      body: {
        projectIds: [t.fixture.projectA, t.fixture.projectB],
        version: await staffVersion(t.fixture.users.manager_a),
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await meOk(token)).projectIds).toEqual([t.fixture.projectA, t.fixture.projectB]);

    const before = (await meOk(admin)).projectIds;
    const created = await t.request('POST', '/api/projects', {
      token: admin,
      body: { code: 'CACHE', name: '缓存测试苑' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as { id: number };
    expect((await meOk(admin)).projectIds).toEqual([...before, id]);
  });

  it('a locale change shows in /me at once', async () => {
    const token = await t.login('agent_a');
    expect((await meOk(token)).locale).toBe('zh-CN');
    await t.request('PATCH', '/api/auth/me', { token, body: { locale: 'en' } });
    expect((await meOk(token)).locale).toBe('en');
  });

  it('expiry is checked against the clock on every hit', async () => {
    const token = await t.login('lead_a');
    await meOk(token);
    const back = t.clock.now();
    t.clock.set(new Date(back.getTime() + 15 * 86_400_000));
    expect((await me(token)).statusCode).toBe(401);
    t.clock.set(back);
  });

  it('another node sharing the bus drops its cached session when this node logs it out', async () => {
    // A second node: its own cache (a distinct Database handle on the same database), the same bus.
    const other = await buildApp({ ...t.services, database: { ...t.services.database } });
    await other.ready();
    try {
      const token = await t.login('tech_b');
      expect((await me(token, other)).statusCode).toBe(200);
      expect((await t.request('POST', '/api/auth/logout', { token })).statusCode).toBe(200);
      expect((await me(token, other)).statusCode).toBe(401);
    } finally {
      await other.close();
    }
  });
});

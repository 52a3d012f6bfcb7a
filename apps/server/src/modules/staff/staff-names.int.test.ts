import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';

/** GET /api/staff/names: who is who for timelines and history, for every desk and field role. */
let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(async () => t?.close());

type Names = { items: { id: number; displayName: string }[] };

describe('staff names', () => {
  it('an agent without staff.read names colleagues of its projects and company-wide staff, not project B’s', async () => {
    const res = await t.request('GET', '/api/staff/names', { token: await t.login('agent_a') });
    expect(res.statusCode, res.body).toBe(200);
    const byId = new Map((res.json() as Names).items.map((s) => [s.id, s.displayName]));
    const u = t.fixture.users;
    expect(byId.get(u.lead_a)).toBe('班长甲');
    expect(byId.get(u.tech_a)).toBe('维修工甲');
    expect(byId.has(u.admin)).toBe(true);
    expect(byId.has(u.manager_b)).toBe(false);
    expect(byId.has(u.tech_b)).toBe(false);
    // Names only: no phone, username or roles.
    expect(Object.keys((res.json() as Names).items[0] ?? {}).sort()).toEqual(['displayName', 'id']);
  });

  it('a technician reads them too; without a session it is 401', async () => {
    const tech = await t.request('GET', '/api/staff/names', { token: await t.login('tech_a') });
    expect(tech.statusCode).toBe(200);
    expect((await t.request('GET', '/api/staff/names')).statusCode).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/test-server';
import { seedDemoOutages } from './demo-outages';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(async () => t?.close());

describe('seedDemoOutages', () => {
  it('creates incidents and notices through the real commands', async () => {
    const summary = await seedDemoOutages(t.services, {
      companyId: t.fixture.companyId,
      roleIds: t.fixture.roleIds,
      adminId: t.fixture.users.admin,
      adminPassword: '',
      generatedPassword: false,
    });
    expect(summary).toBe('2 demo incidents, 3 demo notices');
    await t.services.queue.drain();
    const admin = await t.login('admin');
    const incidents = (await t.request('GET', '/api/incidents?pageSize=50', { token: admin })).json() as {
      items: { status: string; notifyState: string | null }[];
    };
    expect(incidents.items.map((i) => i.status).sort()).toEqual(['已恢复', '进行中']);
    expect(incidents.items.find((i) => i.status === '进行中')?.notifyState).toBe('met');
    const notices = (await t.request('GET', '/api/notices?pageSize=50', { token: admin })).json() as {
      items: { status: string }[];
    };
    expect(notices.items.map((n) => n.status).sort()).toEqual(['已发布', '已发布', '待审核']);
  });
});

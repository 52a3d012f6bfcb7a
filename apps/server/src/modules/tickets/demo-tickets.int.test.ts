import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoTickets } from '../../seed/demo-tickets';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { ok } from './testing/helpers';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(async () => t?.close());

describe('seedDemoTickets', () => {
  it('creates tickets in every state through the real commands', async () => {
    const summary = await seedDemoTickets(t.services, {
      companyId: t.fixture.companyId,
      roleIds: t.fixture.roleIds,
      adminId: t.fixture.users.admin,
      adminPassword: '',
      generatedPassword: false,
    });
    expect(summary).toBe('22 demo tickets');
    const admin = await t.login('admin');
    const { items } = await ok<{ items: { status: string; number: string }[] }>(
      t,
      'GET',
      '/api/tickets?pageSize=200',
      admin,
    );
    expect(new Set(items.map((i) => i.status))).toEqual(
      new Set(['待受理', '处理中', '待回访', '已关闭', '已取消']),
    );
    expect(items.every((i) => /^[A-Z]{2}-[AB]-\d{8}-\d{4}$/.test(i.number))).toBe(true);
    const wos = await ok<{ items: { status: string }[] }>(t, 'GET', '/api/work-orders?pageSize=200', admin);
    expect(new Set(wos.items.map((w) => w.status))).toEqual(
      new Set(['已派单', '已接单', '已到场', '挂起', '已完成', '已取消', '待派单']),
    );
  });
});

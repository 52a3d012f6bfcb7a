import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { leafCategory, MONDAY_10, minutesAfter, ok, type TicketView } from '../tickets/testing/helpers';

let t: TestServer;
let admin: string;
let agent: string;

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(MONDAY_10);
  admin = await t.login('admin');
  agent = await t.login('agent_a');
});
afterAll(async () => t?.close());

const view = (id: number) => ok<TicketView>(t, 'GET', `/api/tickets/${id}`, admin);
const resolveDue = async (id: number) => (await view(id)).workOrders[0]?.sla.resolveDueAt;

describe('an SLA change reaches running clocks without waiting for the ticket to be touched', () => {
  let running: TicketView;
  let otherProject: TicketView;

  beforeAll(async () => {
    const urgent = (projectId: number, unitId: number, category: number) =>
      ok<TicketView>(
        t,
        'POST',
        '/api/tickets',
        agent,
        {
          projectId,
          type: '报修',
          priority: '急',
          unitId,
          categoryId: category,
          description: '水管爆裂',
          contactPhone: '13912340001',
        },
        201,
      );
    const leak = await leafCategory(t, agent, '户内/水/漏水');
    running = await urgent(t.fixture.projectA, t.fixture.unitsA[0]!, leak);
    const adminLeak = await leafCategory(t, admin, '户内/水/漏水');
    otherProject = await ok<TicketView>(
      t,
      'POST',
      '/api/tickets',
      admin,
      {
        projectId: t.fixture.projectB,
        type: '报修',
        priority: '急',
        unitId: t.fixture.unitsB[0]!,
        categoryId: adminLeak,
        description: '水管爆裂',
        contactPhone: '13912340002',
      },
      201,
    );
  });

  it('a project override of the urgent fix target (Q31) moves the running deadline once the job ran', async () => {
    expect(await resolveDue(running.id)).toBe(minutesAfter(MONDAY_10, 360));
    await ok(t, 'PUT', '/api/settings/sla.urgentResolveMinutes', admin, {
      projectId: t.fixture.projectA,
      value: 240,
    });
    await t.services.queue.drain();
    expect(await resolveDue(running.id)).toBe(minutesAfter(MONDAY_10, 240));
    // Project B keeps the company value.
    expect(await resolveDue(otherProject.id)).toBe(minutesAfter(MONDAY_10, 360));
  });

  it('resetting the override puts the seed value back', async () => {
    const res = await t.request(
      'DELETE',
      `/api/settings/sla.urgentResolveMinutes?projectId=${t.fixture.projectA}`,
      {
        token: admin,
      },
    );
    expect(res.statusCode).toBe(200);
    await t.services.queue.drain();
    expect(await resolveDue(running.id)).toBe(minutesAfter(MONDAY_10, 360));
  });

  it('a company policy shortening urgent repairs reaches both projects; a deadline already past is announced', async () => {
    t.clock.set(new Date(MONDAY_10.getTime() + 90 * 60_000));
    await t.services.queue.drain();
    const created = await t.request('POST', '/api/sla-policies', {
      token: admin,
      body: {
        name: '急修 1 小时修复',
        ticketType: '报修',
        priority: '急',
        targets: { resolve: { calendar: '24x7', minutes: 60 } },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    await t.services.queue.drain();
    expect(await resolveDue(running.id)).toBe(minutesAfter(MONDAY_10, 60));
    expect(await resolveDue(otherProject.id)).toBe(minutesAfter(MONDAY_10, 60));
    const lead = await ok<{ items: { kind: string; ticketId: number }[] }>(
      t,
      'GET',
      '/api/notifications?pageSize=100',
      await t.login('manager_a'),
    );
    expect(
      lead.items.filter((n) => n.kind === 'sla.breached' && n.ticketId === running.id).length,
    ).toBeGreaterThan(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { leafCategory, MONDAY_10, ok, type TicketView } from '../tickets/testing/helpers';

let t: TestServer;
let agent: string;

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(MONDAY_10);
  agent = await t.login('agent_a');
});
afterAll(async () => t?.close());

/** A 求助 handled without a work order, resolved: its callback round is due. */
async function awaitingCallback(): Promise<TicketView> {
  const logged = await ok<TicketView>(
    t,
    'POST',
    '/api/tickets',
    agent,
    {
      projectId: t.fixture.projectA,
      type: '求助',
      residentId: t.fixture.residentsA[0],
      description: '帮忙联系开锁',
    },
    201,
  );
  const resolved = await ok<TicketView>(t, 'POST', `/api/tickets/${logged.id}/resolve`, agent, {
    version: logged.version,
  });
  expect(resolved.status).toBe('待回访');
  return resolved;
}

describe('a complaint raised from a dissatisfied callback', () => {
  it('takes the category the agent chose on the callback form', async () => {
    const noise = await leafCategory(t, agent, '公共区域/秩序/噪音扰民');
    const ticket = await awaitingCallback();
    const after = await ok<TicketView>(t, 'POST', `/api/tickets/${ticket.id}/callback`, agent, {
      version: ticket.version,
      reached: true,
      satisfied: false,
      comment: '开锁师傅半夜敲门太吵',
      categoryId: noise,
    });
    const complaintId = after.callbacks[0]!.complaintTicketId!;
    const complaint = await ok<{ type: string; categoryId: number | null; categoryPath: string | null }>(
      t,
      'GET',
      `/api/tickets/${complaintId}`,
      agent,
    );
    expect(complaint).toMatchObject({
      type: '投诉',
      categoryId: noise,
      categoryPath: '公共区域/秩序/噪音扰民',
    });
  });

  it('refuses a category the project cannot use, and raises nothing', async () => {
    const ticket = await awaitingCallback();
    const res = await t.request('POST', `/api/tickets/${ticket.id}/callback`, {
      token: agent,
      body: { version: ticket.version, reached: true, satisfied: false, categoryId: 999_999 },
    });
    expect(res.statusCode).toBe(400);
    const still = await ok<TicketView>(t, 'GET', `/api/tickets/${ticket.id}`, agent);
    expect(still).toMatchObject({ status: '待回访', version: ticket.version });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { MONDAY_10, ok } from '../tickets/testing/helpers';

interface Today {
  intake: { channel: string; count: number }[];
  calls: { inbound: number; answered: number; rate: number | null };
  open: { tickets: number; complaints: number; urged: number };
}

let t: TestServer;
let lead: string;
let agent: string;

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(MONDAY_10);
  lead = await t.login('lead_a');
  agent = await t.login('agent_a');
  const base = {
    projectId: t.fixture.projectA,
    unitId: t.fixture.unitsA[1],
    residentId: t.fixture.residentsA[1],
  };
  const asked = await ok<{ id: number }>(
    t,
    'POST',
    '/api/tickets',
    agent,
    { ...base, type: '咨询', channel: 'phone', description: '停车费怎么交？' },
    201,
  );
  await ok(
    t,
    'POST',
    '/api/tickets',
    agent,
    { ...base, type: '投诉', channel: 'portal', description: '噪音扰民' },
    201,
  );
  await ok(t, 'POST', `/api/tickets/${asked.id}/urge`, agent, {});
});
afterAll(async () => t?.close());

describe('GET /api/home/today', () => {
  it("counts today's intake by channel and the open backlog, complaints and chased tickets", async () => {
    const today = await ok<Today>(t, 'GET', `/api/home/today?projectId=${t.fixture.projectA}`, lead);
    expect(today.intake).toEqual(
      expect.arrayContaining([
        { channel: 'phone', count: 1 },
        { channel: 'portal', count: 1 },
      ]),
    );
    expect(today.open).toMatchObject({ tickets: 2, complaints: 1, urged: 1 });
    expect(today.calls).toEqual({ inbound: 0, answered: 0, rate: null });
    // Tomorrow the intake starts again from zero; the backlog stays.
    t.clock.advanceMinutes(24 * 60);
    const tomorrow = await ok<Today>(t, 'GET', `/api/home/today?projectId=${t.fixture.projectA}`, lead);
    expect(tomorrow.intake).toEqual([]);
    expect(tomorrow.open.tickets).toBe(2);
  });

  it('needs reports.read and a project in scope', async () => {
    const denied = await t.request('GET', `/api/home/today?projectId=${t.fixture.projectA}`, {
      token: agent,
    });
    expect(denied.statusCode).toBe(403);
    const other = await t.request('GET', `/api/home/today?projectId=${t.fixture.projectB}`, { token: lead });
    expect(other.statusCode).toBe(404);
    const bad = await t.request('GET', '/api/home/today', { token: lead });
    expect(bad.statusCode).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fileRepairs } from '../../testing/file-repairs';
import { probeLatency } from '../../testing/latency-probe';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { MONDAY_10 } from '../tickets/testing/helpers';

/**
 * Timers falling due together (a burst of calls nobody could take, 16 minutes later) must not freeze
 * the server: on the embedded engine the job loop used to run the whole backlog as one chain of
 * microtasks, so not even GET /api/health was answered until the last timer had fired.
 */
const TIMERS = 200;
let t: TestServer;
let ids: number[];

beforeAll(async () => {
  t = await createTestServer({ listen: true });
  t.clock.set(MONDAY_10);
  const agent = await t.login('agent_a');
  ids = await fileRepairs(t.app, agent, {
    projectId: t.fixture.projectA,
    unitId: t.fixture.unitsA[0]!,
    count: TIMERS,
  });
}, 180_000);
afterAll(async () => t?.close());

const count = async (text: string, params: unknown[]) =>
  Number((await t.services.database.query<{ n: string | number }>(text, params))[0]?.n);

describe('a burst of timers falling due at once, the poller running', () => {
  it('keeps answering a light request promptly, and every timer fires', async () => {
    const at = new Date(MONDAY_10.getTime() + 16 * 60_000);
    const dueSql = 'select count(*) as n from tickets where sla_next_at <= $1';
    expect(await count(dueSql, [at])).toBe(TIMERS);
    const { port } = t.app.server.address() as { port: number };
    t.services.queue.start();
    const probe = probeLatency(`http://127.0.0.1:${port}/api/health`, 50);
    t.clock.set(at);
    await vi.waitFor(async () => expect(await count(dueSql, [at])).toBe(0), {
      timeout: 90_000,
      interval: 100,
    });
    const latencies = (await probe.stop()).sort((a, b) => a - b);
    const p99 = latencies[Math.ceil(latencies.length * 0.99) - 1]!;
    expect(latencies.length).toBeGreaterThan(0);
    expect(p99).toBeLessThan(1_000);
    // Every ticket's breach was announced (the project manager hears each one).
    expect(
      await count(
        `select count(distinct ticket_id) as n from notifications where kind = 'sla.breached' and user_id = $1 and ticket_id = any($2::bigint[])`,
        [t.fixture.users.manager_a, ids],
      ),
    ).toBe(TIMERS);
  }, 150_000);
});

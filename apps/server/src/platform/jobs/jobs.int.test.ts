import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { createLocalQueue } from './local-queue';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(async () => t?.close());

const jobRow = async (id: number) =>
  (
    await t.services.database.query<{
      state: string;
      attempts: number;
      last_error: string | null;
      result: unknown;
    }>('select state, attempts, last_error, result from jobs where id = $1', [id])
  )[0]!;

describe('local job queue', () => {
  it('runs due jobs and stores their result', async () => {
    const { queue } = t.services;
    queue.register<{ n: number }>('test.double', async ({ payload }) => ({ doubled: payload.n * 2 }));
    const id = (await queue.enqueue('test.double', { n: 21 }))!;
    await queue.drain();
    expect(await jobRow(id)).toMatchObject({ state: 'done', attempts: 1, result: { doubled: 42 } });
  });

  it('waits for run_at on the clock', async () => {
    const { queue } = t.services;
    const seen: number[] = [];
    queue.register<{ n: number }>('test.later', async ({ payload }) => void seen.push(payload.n));
    await queue.enqueue('test.later', { n: 1 }, { runAt: new Date(t.clock.now().getTime() + 10 * 60_000) });
    await queue.drain();
    expect(seen).toEqual([]);
    t.clock.advanceMinutes(11);
    await queue.drain();
    expect(seen).toEqual([1]);
  });

  it('retries failures with backoff and finally marks them failed with the error', async () => {
    const { queue } = t.services;
    let calls = 0;
    queue.register('test.flaky', async () => {
      calls += 1;
      throw new Error(`短信网关超时 #${calls}`);
    });
    const id = (await queue.enqueue('test.flaky', {}, { maxAttempts: 3 }))!;
    await queue.drain();
    expect(await jobRow(id)).toMatchObject({ state: 'pending', attempts: 1 });
    // Not retried before the backoff delay has passed.
    await queue.drain();
    expect(calls).toBe(1);
    t.clock.advanceMinutes(1);
    await queue.drain();
    t.clock.advanceMinutes(1);
    await queue.drain();
    expect(calls).toBe(3);
    expect(await jobRow(id)).toMatchObject({ state: 'failed', attempts: 3, last_error: '短信网关超时 #3' });
  });

  it('de-duplicates by key', async () => {
    const { queue } = t.services;
    queue.register('test.once', async () => null);
    const first = await queue.enqueue('test.once', {}, { dedupeKey: 'once:1' });
    const second = await queue.enqueue('test.once', {}, { dedupeKey: 'once:1' });
    expect(first).toBeTypeOf('number');
    expect(second).toBeNull();
  });

  it('runs a cron slot once even when two nodes schedule it', async () => {
    const runs: string[] = [];
    const nodes = [
      createLocalQueue(t.services.database, t.clock),
      createLocalQueue(t.services.database, t.clock),
    ];
    for (const [i, node] of nodes.entries()) {
      node.register('test.cron', async () => void runs.push(`node${i}`));
      node.schedule('test.cron', '*/5 * * * *');
    }
    t.clock.set(new Date('2026-11-23T09:05:00+08:00'));
    await Promise.all(nodes.map((n) => n.drain()));
    expect(runs).toHaveLength(1);
    t.clock.set(new Date('2026-11-23T09:06:00+08:00'));
    await Promise.all(nodes.map((n) => n.drain()));
    expect(runs).toHaveLength(1);
    t.clock.set(new Date('2026-11-23T09:10:00+08:00'));
    await Promise.all(nodes.map((n) => n.drain()));
    expect(runs).toHaveLength(2);
  });

  it('never runs one job twice when several workers compete', async () => {
    const counts = new Map<number, number>();
    const workers = [0, 1, 2].map(() => createLocalQueue(t.services.database, t.clock));
    for (const w of workers) {
      w.register<{ i: number }>('test.compete', async ({ payload }) => {
        counts.set(payload.i, (counts.get(payload.i) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 2));
      });
    }
    for (let i = 0; i < 30; i++) await workers[0]!.enqueue('test.compete', { i });
    await Promise.all(workers.map((w) => w.drain()));
    expect(counts.size).toBe(30);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('a node without handlers (web only) claims nothing', async () => {
    const web = createLocalQueue(t.services.database, t.clock);
    const id = (await web.enqueue('test.webonly', {}))!;
    expect(await web.drain()).toBe(0);
    expect(await jobRow(id)).toMatchObject({ state: 'pending', attempts: 0 });
    await t.services.database.query(`delete from jobs where id = $1`, [id]);
  });

  it('runs again a job left running by a dead node, after stuckAfterMs and not before', async () => {
    const seen: string[] = [];
    const survivor = createLocalQueue(t.services.database, t.clock, { stuckAfterMs: 90_000 });
    survivor.register('test.orphan', async () => void seen.push('ran'));
    const id = (await survivor.enqueue('test.orphan', {}))!;
    // What a node killed mid-job leaves behind.
    await t.services.database.query(
      `update jobs set state = 'running', locked_by = 'dead-node', locked_at = $2, attempts = 1 where id = $1`,
      [id, t.clock.now()],
    );
    t.clock.advanceMinutes(1);
    await survivor.drain();
    expect(seen).toEqual([]);
    t.clock.advanceMinutes(1);
    await survivor.drain();
    expect(seen).toEqual(['ran']);
    expect(await jobRow(id)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('lets the event loop run between two jobs, so a backlog never holds the server', async () => {
    const { queue } = t.services;
    const ran: number[] = [];
    queue.register<{ n: number }>('test.backlog', async ({ payload }) => void ran.push(payload.n));
    for (let n = 0; n < 20; n++) await queue.enqueue('test.backlog', { n });
    // A timer stands for a request waiting to be answered: it must get its turn before the backlog ends.
    let jobsBeforeTimer = -1;
    setTimeout(() => {
      jobsBeforeTimer = ran.length;
    }, 0);
    await queue.drain();
    expect(ran).toHaveLength(20);
    expect(jobsBeforeTimer).toBeGreaterThanOrEqual(0);
    expect(jobsBeforeTimer).toBeLessThan(20);
  });
});

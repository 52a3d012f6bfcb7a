import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type ServerProcess, spawnServerProcess } from './testing/server-process';
import { createScratchPostgres, testDbKind } from './testing/test-database';

/**
 * The server exactly as `npm start` runs it — its own process, demo estate seeded, the job poller on —
 * with the scenario clock enabled. The in-process test server never starts the poller, so only this
 * test sees how the clock route and the poller get along.
 */
const PASSWORD = 'admin-clock-12345';
let server: ServerProcess;
let dataDir: string;
let dropDb: (() => Promise<void>) | undefined;
let token: string;
let leadToken: string;

async function call<T>(
  method: string,
  url: string,
  body?: unknown,
  as = token,
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: {
      ...(as ? { authorization: `Bearer ${as}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
  return { status: res.status, json: (await res.json()) as T };
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'guanjia-clock-'));
  const scratch = testDbKind() === 'postgres' ? await createScratchPostgres() : null;
  dropDb = scratch?.drop;
  server = spawnServerProcess(await freePort(), {
    GUANJIA_TEST_CLOCK: '1',
    GUANJIA_ADMIN_PASSWORD: PASSWORD,
    GUANJIA_DATA_DIR: path.join(dataDir, 'db'),
    DATABASE_URL: scratch?.url ?? '',
  });
  await server.ready(150_000);
  const login = async (username: string, password: string) =>
    (await call<{ token: string }>('POST', '/api/auth/login', { username, password })).json.token;
  token = await login('admin', PASSWORD);
  // The 班长 of both demo estates: the escalation chain alerts her first.
  leadToken = await login('cs_lead', 'demo1234');
}, 180_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  await dropDb?.();
});

interface Notice {
  kind: string;
  ticketId: number | null;
}

describe('the scenario clock on a running server (poller on)', () => {
  it('moves several times; each move answers within 5 s with the due timers fired', async () => {
    const projects = await call<{ items: { id: number; name: string }[] }>('GET', '/api/projects');
    const project = projects.json.items.find((p) => p.name === '锦绣花园');
    expect(project).toBeDefined();
    // An urgent repair nobody takes: its order waits in the pool and the timers escalate it.
    const created = await call<{ id: number; workOrders: { status: string }[] }>('POST', '/api/tickets', {
      projectId: project?.id,
      type: '报修',
      priority: '急',
      contactPhone: '13912340001',
      description: '3号楼地下室水管爆裂',
      workOrder: { autoDispatch: false },
    });
    expect(created.status).toBe(201);
    expect(created.json.workOrders[0]?.status).toBe('待派单');
    const ticketId = created.json.id;
    const kindsFor = async () =>
      (
        await call<{ items: Notice[] }>('GET', '/api/notifications?pageSize=100', undefined, leadToken)
      ).json.items
        .filter((n) => n.ticketId === ticketId)
        .map((n) => n.kind);

    const seen: string[][] = [];
    for (const minutes of [6, 6, 6]) {
      const started = Date.now();
      const moved = await call<{ now: string }>('POST', '/api/test/clock', { advanceMinutes: minutes });
      expect(moved.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(5_000);
      seen.push(await kindsFor());
    }
    // 6 min: past the dispatch target; 12: a warning; 18: the 15-minute arrive clock breached.
    expect(seen[0]).toContain('dispatch.escalated');
    expect(seen[1]!.length).toBeGreaterThan(seen[0]!.length);
    expect(seen[2]!.length).toBeGreaterThan(seen[1]!.length);
    // Still answering after the moves.
    expect((await call<{ status: string }>('GET', '/api/health')).json.status).toBe('ok');
  }, 120_000);

  it('stops within 10 s on SIGTERM', async () => {
    const { ms, killed } = await server.stop(15_000);
    expect(killed).toBe(false);
    expect(ms).toBeLessThan(10_000);
  }, 30_000);
});

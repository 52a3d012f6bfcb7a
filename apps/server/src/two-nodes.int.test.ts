import http from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { freePort, type ServerProcess, spawnServerProcess } from './testing/server-process';
import { createScratchPostgres, testDbKind } from './testing/test-database';

/**
 * Two real server processes on one PostgreSQL, as a company deploys them behind a load balancer:
 * first node A serves HTTP only (GUANJIA_ROLES=web) beside B (web,worker), then both run jobs.
 * Each process has its own scenario clock; every move is made on both, by the same amount.
 */
const PASSWORD = 'admin-two-nodes-123';
/** A job left 'running' by a dead node is taken over after this (5 min in production). */
const STUCK_AFTER_MS = 4_000;
const RESIDENTS = 1_000;

let dbUrl: string;
let dropDb: (() => Promise<void>) | undefined;
let pool: pg.Pool;
let a: ServerProcess;
let b: ServerProcess;
let token: string;
let projectId: number;
let companyId: number;

function startNode(roles: string): Promise<ServerProcess> {
  return freePort().then((port) =>
    spawnServerProcess(port, {
      DATABASE_URL: dbUrl,
      GUANJIA_ROLES: roles,
      GUANJIA_TEST_CLOCK: '1',
      GUANJIA_ADMIN_PASSWORD: PASSWORD,
      GUANJIA_JOB_STUCK_AFTER_MS: String(STUCK_AFTER_MS),
    }),
  );
}

async function call<T>(node: ServerProcess, method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${node.url}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Both clocks forward by the same amount, at once: each node drains what became due on its side. */
const advanceBoth = (minutes: number) =>
  Promise.all([a, b].map((n) => call(n, 'POST', '/api/test/clock', { advanceMinutes: minutes })));

async function until<T>(
  what: string,
  probe: () => Promise<T | null | false>,
  deadlineMs: number,
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const rows = async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[];

/** SLA announcements recorded for a ticket and its work orders, per clock and event. */
const slaEvents = (ticketId: number) =>
  rows<{ clock: string; event: string; n: number }>(
    `select after->>'clock' as clock, after->>'event' as event, count(*)::int as n from events
      where action in ('sla.warning', 'sla.breached')
        and ((entity_type = 'ticket' and entity_id = ($1::bigint)::text)
          or (entity_type = 'work_order' and entity_id in
                (select id::text from work_orders where ticket_id = $1::bigint)))
      group by 1, 2 order by 1, 2`,
    [ticketId],
  );

async function urgentRepair(node: ServerProcess, description: string): Promise<number> {
  const created = await call<{ id: number }>(node, 'POST', '/api/tickets', {
    projectId,
    type: '报修',
    priority: '急',
    contactPhone: '13912340001',
    description,
    workOrder: { autoDispatch: false },
  });
  return created.id;
}

beforeAll(async () => {
  if (testDbKind() !== 'postgres') return;
  const scratch = await createScratchPostgres();
  dbUrl = scratch.url;
  dropDb = scratch.drop;
  pool = new pg.Pool({ connectionString: dbUrl, max: 3 });
  // Both start on the empty database at once: one seeds, the other waits for it (advisory lock).
  [a, b] = await Promise.all([startNode('web'), startNode('web,worker')]);
  await Promise.all([a.ready(150_000), b.ready(150_000)]);
  const login = await fetch(`${a.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  token = ((await login.json()) as { token: string }).token;
  const [project] = await rows<{ id: number; company_id: number }>(
    `select id, company_id from projects where name = '锦绣花园'`,
  );
  // bigint columns arrive as strings from node-postgres.
  projectId = Number(project!.id);
  companyId = Number(project!.company_id);
}, 180_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await pool?.end();
  await dropDb?.();
});

describe.runIf(testDbKind() === 'postgres')('two server processes on one PostgreSQL', () => {
  let ticketId: number;

  it('node A (web) and node B (web,worker): a live update made on A reaches a console on B', async () => {
    const messages: { type: string; entityId?: number | string }[] = [];
    const socket = new WebSocket(`${b.url.replace('http', 'ws')}/api/live?token=${token}`);
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    await until('the hello of B', async () => messages.some((m) => m.type === 'hello'), 10_000);

    ticketId = await urgentRepair(a, '地下车库消防管漏水');
    await until(
      'ticket.created on B',
      async () => messages.some((m) => m.type === 'ticket.created' && Number(m.entityId) === ticketId),
      10_000,
    );
    socket.close();
  });

  it('an SLA timer armed through A fires exactly once, on B', async () => {
    // 6 minutes: past the dispatch target of an urgent repair nobody took.
    await advanceBoth(6);
    expect(await slaEvents(ticketId)).toEqual([{ clock: 'dispatch', event: 'breach', n: 1 }]);
    const escalations = await rows<{ user_id: number; n: number }>(
      `select user_id, count(*)::int as n from notifications
        where ticket_id = $1 and kind = 'dispatch.escalated' group by 1`,
      [ticketId],
    );
    expect(escalations.length).toBeGreaterThan(0);
    expect(escalations.every((e) => e.n === 1)).toBe(true);
  });

  it('both web,worker: every SLA announcement fires exactly once while both nodes run timers', async () => {
    await a.stop();
    a = await startNode('web,worker');
    await a.ready(60_000);
    // The new process's clock starts at real time: bring it to B's before moving both.
    await call(a, 'POST', '/api/test/clock', { advanceMinutes: 6 });
    await advanceBoth(6);
    await advanceBoth(6);
    const events = await slaEvents(ticketId);
    // The 15-minute arrive clock: warned, then breached — each once, though both nodes drained.
    expect(events).toContainEqual({ clock: 'arrive', event: 'breach', n: 1 });
    expect(
      events.some((e) => e.clock === 'arrive' && e.event !== 'breach'),
      JSON.stringify(events),
    ).toBe(true);
    expect(
      events.every((e) => e.n === 1),
      JSON.stringify(events),
    ).toBe(true);
  }, 120_000);

  it('a notice to 1,000 residents: once per recipient and channel, though a node is killed mid-send', async () => {
    // 1,000 residents with a mobile who prefer SMS; SMS goes to the project's webhook, served here.
    const residentIds = (
      await rows<{ id: number }>(
        `insert into residents (project_id, name, name_pinyin, name_initials, preferred_channel)
         select $1, '住户' || g, 'zhuhu' || g, 'zh', 'sms' from generate_series(1, $2) g returning id`,
        [projectId, RESIDENTS],
      )
    ).map((r) => Number(r.id));
    await pool.query(
      `insert into resident_phones (resident_id, project_id, raw, e164, national, reversed, kind)
       select r.id, $1, n, '+86' || n, n, reverse(n), 'mobile'
         from unnest($2::bigint[]) with ordinality as r(id, i), lateral (select (13800000000 + i)::text as n) p`,
      [projectId, residentIds],
    );

    // The receiving gateway: it holds every request until told, to catch both nodes mid-send.
    const received: number[] = [];
    const held: { id: number; res: http.ServerResponse; cut: boolean }[] = [];
    let holding = true;
    const answer = (res: http.ServerResponse, id: number) =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ messageId: `gw-${id}` }));
    const gateway = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const id = Number(req.headers['x-guanjia-delivery']);
        received.push(id);
        if (!holding) return answer(res, id);
        const entry = { id, res, cut: false };
        res.on('close', () => {
          if (!res.writableEnded) entry.cut = true;
        });
        held.push(entry);
      });
    });
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
    const address = gateway.address();
    const gatewayUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/sms`;
    await pool.query(
      `insert into settings (scope, scope_id, key, value) values ('project', $1, 'delivery.providers', $2)`,
      [projectId, JSON.stringify({ sms: 'webhook', wechat: 'log', email: 'log' })],
    );
    await pool.query(
      `insert into delivery_webhooks (project_id, company_id, url, secret) values ($1, $2, $3, 'gateway-secret')`,
      [projectId, companyId, gatewayUrl],
    );

    try {
      const notice = await call<{ id: number; version: number }>(a, 'POST', '/api/notices', {
        projectId,
        type: '停水停电',
        title: '紧急停水通知',
        body: '因主管爆裂,今日全区停水,抢修中。',
        urgent: true,
        audience: { residentIds },
        expiresAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      });
      await call(b, 'POST', `/api/notices/${notice.id}/publish`, { version: notice.version });

      // Each node sends one batch at a time, 8 messages in flight: wait until both are mid-send.
      const runningOn = () =>
        rows<{ locked_by: string }>(
          `select distinct locked_by from jobs where name = 'delivery.send' and state = 'running'`,
        );
      await until(
        'both nodes mid-send',
        async () => held.length >= 16 && (await runningOn()).length === 2,
        8_000,
      );

      a.process.kill('SIGKILL');
      await a.exited;
      // A's requests die with it; B's are still waiting for their answer.
      const cut = await until(
        'the dead node’s requests to close',
        async () => {
          const c = held.filter((h) => h.cut);
          return c.length === 8 ? c : null;
        },
        5_000,
      );
      holding = false;
      for (const h of held) if (!h.cut) answer(h.res, h.id);

      // B finishes its batch, takes the rest, and after STUCK_AFTER_MS the batch A was sending.
      const summary = () =>
        rows<{ status: string; attempts: number; n: number }>(
          `select status, attempts, count(*)::int as n from deliveries
            where source_type = 'notice' and source_id = $1 group by 1, 2`,
          [notice.id],
        );
      await until(
        'every delivery sent',
        async () => {
          const s = await summary();
          return s.length === 1 && s[0]!.status === 'sent' ? s : null;
        },
        60_000,
      );
      // Exactly one row per recipient and channel, each sent once (one stored attempt).
      expect(await summary()).toEqual([{ status: 'sent', attempts: 1, n: RESIDENTS }]);
      const [pairs] = await rows<{ n: number }>(
        `select count(distinct (resident_id, channel))::int as n from deliveries
          where source_type = 'notice' and source_id = $1`,
        [notice.id],
      );
      expect(pairs!.n).toBe(RESIDENTS);
      const ids = (
        await rows<{ id: number }>(
          `select id from deliveries where source_type = 'notice' and source_id = $1 order by id`,
          [notice.id],
        )
      ).map((r) => Number(r.id));
      // Nothing lost: the gateway saw every message.
      expect([...new Set(received)].sort((x, y) => x - y)).toEqual(ids);
      // Posted twice only what was in flight on the dead node (no answer ever reached it), under the
      // same x-guanjia-delivery id, so a gateway that keys on it sends each message once.
      const counts = new Map<number, number>();
      for (const id of received) counts.set(id, (counts.get(id) ?? 0) + 1);
      const twice = [...counts].filter(([, n]) => n > 1);
      expect(twice.every(([, n]) => n === 2)).toBe(true);
      expect(twice.map(([id]) => id).sort()).toEqual(cut.map((c) => c.id).sort());
      // No delivery job is left behind on the dead node.
      expect(await runningOn()).toEqual([]);
    } finally {
      holding = false;
      for (const h of held) if (!h.res.writableEnded) h.res.destroy();
      await new Promise((r) => gateway.close(r));
    }
  }, 120_000);
});

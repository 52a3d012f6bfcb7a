import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { ok, type TicketView } from '../tickets/testing/helpers';
import { refreshProjectRollups } from './rollup';

// Whole days two days old come from the daily rollup (rollup.ts): a write to one of their tickets must
// show in the next report, and the rollup must give what the live aggregation gives.
let t: TestServer;
let agent: string;
let admin: string;
beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(new Date('2026-11-02T10:00:00+08:00'));
  agent = await t.login('agent_a');
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

interface Report {
  totals: { total: number; open: number; callbacksDue: number };
  groups: { type: string; category: string; total: number; open: number; breached: number }[];
}
const report = () =>
  ok<Report>(
    t,
    'GET',
    `/api/reports/sla?projectId=${t.fixture.projectA}&from=2026-11-01&to=2026-11-08`,
    admin,
  );
const marks = () =>
  t.services.database.query<{ day: string; version: number; computed_version: number | null }>(
    "select to_char(day, 'YYYY-MM-DD') as day, version, computed_version from sla_report_day_marks order by day",
  );

describe('SLA report rollup', () => {
  let complaint: TicketView;
  let question: TicketView;

  it('gives the same figures from the rollup as live', async () => {
    complaint = await ok<TicketView>(
      t,
      'POST',
      '/api/tickets',
      agent,
      { projectId: t.fixture.projectA, type: '投诉', contactPhone: '13812345678', description: '楼上噪音' },
      201,
    );
    question = await ok<TicketView>(
      t,
      'POST',
      '/api/tickets',
      agent,
      { projectId: t.fixture.projectA, type: '咨询', contactPhone: '13812345678', description: '物业费' },
      201,
    );
    const live = await report();
    expect(live.totals).toMatchObject({ total: 2, open: 2 });
    expect(await marks()).toEqual([]);
    // Ten days later 11-02 has settled: the same range now reads its rollup.
    t.clock.set(new Date('2026-11-12T10:00:00+08:00'));
    const rolled = await report();
    expect(rolled.groups.map((g) => [g.type, g.total, g.open])).toEqual(
      live.groups.map((g) => [g.type, g.total, g.open]),
    );
    const day = (await marks()).find((m) => m.day === '2026-11-02');
    expect(day?.computed_version).toBe(day?.version);
  });

  it('a write to a ticket of a rolled-up day shows in the next report', async () => {
    const current = await ok<TicketView>(t, 'GET', `/api/tickets/${complaint.id}`, agent);
    await ok(t, 'POST', `/api/tickets/${complaint.id}/cancel`, agent, {
      version: current.version,
      reason: '住户撤回',
    });
    const day = (await marks()).find((m) => m.day === '2026-11-02');
    expect(day?.computed_version).not.toBe(day?.version);
    expect((await report()).totals).toMatchObject({ total: 2, open: 1 });
  });

  it('the nightly refresh rolls up settled days ahead of any report', async () => {
    await t.services.database.query('delete from sla_report_day_marks');
    await t.services.database.query('delete from sla_report_days');
    const rolled = await refreshProjectRollups(
      t.services.database,
      t.fixture.projectA,
      'Asia/Shanghai',
      t.clock.now(),
    );
    expect(rolled).toBeGreaterThanOrEqual(1);
    const day = (await marks()).find((m) => m.day === '2026-11-02');
    expect(day?.computed_version).toBe(day?.version);
    expect((await report()).totals).toMatchObject({ total: 2, open: 1 });
  });

  it('a whole settled month comes from its month rollup, which a write makes stale too', async () => {
    t.clock.set(new Date('2026-12-20T10:00:00+08:00'));
    // Sessions last two weeks.
    admin = await t.login('admin');
    agent = await t.login('agent_a');
    const november = () =>
      ok<Report>(
        t,
        'GET',
        `/api/reports/sla?projectId=${t.fixture.projectA}&from=2026-11-01&to=2026-12-01`,
        admin,
      );
    expect((await november()).totals).toMatchObject({ total: 2, open: 1 });
    const month = async () =>
      (
        await t.services.database.query<{ version: number; computed_version: number | null }>(
          "select version, computed_version from sla_report_day_marks where span = 'month' and day = '2026-11-01'",
        )
      )[0];
    expect((await month())?.computed_version).toBe((await month())?.version);
    const current = await ok<TicketView>(t, 'GET', `/api/tickets/${question.id}`, agent);
    await ok(t, 'POST', `/api/tickets/${question.id}/cancel`, agent, {
      version: current.version,
      reason: '重复来电',
    });
    expect((await month())?.computed_version).not.toBe((await month())?.version);
    expect((await november()).totals).toMatchObject({ total: 2, open: 0 });
  });
});

import { formatQrCode } from '@guanjia/shared';
import type { CheckinResult, Patrol, PatrolMonthStats, PatrolRoute } from '@guanjia/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { ok } from '../tickets/testing/helpers';

/** A night patrol under the scenario clock: one point on time, one late, one missed; scans refused. */
let t: TestServer;
let admin: string;
let tech: string;
let route: PatrolRoute;
const at = (s: string) => new Date(`${s}+08:00`);

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(at('2026-12-07T19:50:00'));
  [admin, tech] = await Promise.all([t.login('admin'), t.login('tech_a')]);
  route = await ok<PatrolRoute>(
    t,
    'POST',
    '/api/patrol-routes',
    admin,
    {
      projectId: t.fixture.projectA,
      name: '安管夜间巡更',
      kind: 'security',
      schedule: { from: '20:00', to: '06:00', everyMinutes: 120 },
      toleranceMinutes: 5,
      points: [
        { code: 'N01', name: '东门岗', place: '东门', offsetMinutes: 0 },
        { code: 'N02', name: '地下车库B1', place: '车库', offsetMinutes: 20 },
        { code: 'N03', name: '3号楼配电房', place: '3号楼', offsetMinutes: 40 },
      ],
    },
    201,
  );
});
afterAll(async () => t?.close());

const tonight = async () => {
  const page = await ok<{ items: Patrol[] }>(
    t,
    'GET',
    `/api/patrols?date=2026-12-07&projectId=${t.fixture.projectA}`,
    tech,
  );
  return page.items.find((p) => p.startsAt === at('2026-12-07T20:00:00').toISOString())!;
};
const scan = (id: number, code: string) =>
  t.request('POST', `/api/patrols/${id}/checkins`, {
    token: tech,
    body: { code },
    headers: { 'accept-language': 'zh-CN' },
  });
const qr = (code: string, projectId = t.fixture.projectA) =>
  formatQrCode({ kind: 'patrolPoint', projectId, code });

describe('a night patrol', () => {
  it('is generated from the schedule, every two hours of the night', async () => {
    const page = await ok<{ items: Patrol[]; total: number }>(
      t,
      'GET',
      `/api/patrols?projectId=${t.fixture.projectA}&pageSize=50`,
      admin,
    );
    const starts = page.items.map((p) => p.startsAt).sort();
    expect(starts).toEqual(
      ['20:00', '22:00']
        .map((h) => at(`2026-12-07T${h}:00`).toISOString())
        .concat(['00:00', '02:00', '04:00'].map((h) => at(`2026-12-08T${h}:00`).toISOString())),
    );
    expect(route.points[0]?.qr).toBe(qr('N01'));
  });

  it('grades points as they are scanned; refuses other projects’ and other routes’ labels', async () => {
    const patrol = await tonight();
    t.clock.set(at('2026-12-07T20:01:00'));
    const first = await ok<CheckinResult>(t, 'POST', `/api/patrols/${patrol.id}/checkins`, tech, {
      code: qr('N01'),
    });
    expect(first).toMatchObject({ recorded: true, grade: '按时', patrol: { status: '进行中' } });
    const again = await ok<CheckinResult>(t, 'POST', `/api/patrols/${patrol.id}/checkins`, tech, {
      code: qr('N01'),
    });
    expect(again).toMatchObject({ recorded: false, grade: '按时' });
    expect(again.patrol.checks[0]?.scannedAt).toBe(first.patrol.checks[0]?.scannedAt);

    const foreign = await scan(patrol.id, qr('N02', t.fixture.projectB));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json()).toMatchObject({
      error: { code: 'other_project', message: '该巡检点属于其他项目，不属于本次巡检' },
    });
    const stranger = await scan(patrol.id, qr('X99'));
    expect(stranger.json()).toMatchObject({ error: { code: 'not_on_route' } });
    const junk = await scan(patrol.id, 'hello');
    expect(junk.json()).toMatchObject({ error: { code: 'not_a_label' } });
    const equipment = await scan(
      patrol.id,
      formatQrCode({ kind: 'equipment', projectId: t.fixture.projectA, code: 'N02' }),
    );
    expect(equipment.json()).toMatchObject({ error: { code: 'not_a_patrol_point' } });

    t.clock.set(at('2026-12-07T20:33:00'));
    const late = await ok<CheckinResult>(t, 'POST', `/api/patrols/${patrol.id}/checkins`, tech, {
      code: qr('N02'),
    });
    expect(late.grade).toBe('迟到');
  });

  it('closes after its window with the unscanned point 漏检', async () => {
    t.clock.set(at('2026-12-07T21:20:00'));
    await t.services.queue.drain();
    const patrol = await tonight();
    expect(patrol.status).toBe('漏检');
    expect(patrol.checks.map((c) => c.grade)).toEqual(['按时', '迟到', '漏检']);
    const closed = await scan(patrol.id, qr('N03'));
    expect(closed.statusCode).toBe(409);

    const stats = await ok<PatrolMonthStats>(
      t,
      'GET',
      `/api/patrols/stats?projectId=${t.fixture.projectA}&month=2026-12`,
      admin,
    );
    expect(stats).toMatchObject({ onTime: 1, late: 1, missed: 1 });
    expect(stats.routes[0]).toMatchObject({ routeName: '安管夜间巡更', onTime: 1, late: 1, missed: 1 });
    const missed = await ok<{ items: { pointName: string }[] }>(
      t,
      'GET',
      `/api/patrols/missed?projectId=${t.fixture.projectA}&month=2026-12`,
      admin,
    );
    expect(missed.items.map((m) => m.pointName)).toEqual(['3号楼配电房']);
  });

  it('keeps its route versioned, prints labels and exports the records', async () => {
    const stale = await t.request('PATCH', `/api/patrol-routes/${route.id}`, {
      token: admin,
      body: { version: route.version + 5, name: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    const edited = await ok<PatrolRoute>(t, 'PATCH', `/api/patrol-routes/${route.id}`, admin, {
      version: route.version,
      toleranceMinutes: 10,
    });
    expect(edited.version).toBe(route.version + 1);
    const pdf = await t.request('GET', `/api/patrol-routes/${route.id}/labels.pdf`, { token: admin });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const xlsx = await t.request(
      'GET',
      `/api/patrols/export.xlsx?projectId=${t.fixture.projectA}&date=2026-12-07`,
      {
        token: admin,
      },
    );
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['x-total-count']).toBe('2');
    const del = await t.request('DELETE', `/api/patrol-routes/${route.id}?version=${edited.version}`, {
      token: admin,
    });
    expect(del.statusCode).toBe(409);
  });

  it('a technician cannot configure routes', async () => {
    const res = await t.request('POST', '/api/patrol-routes', { token: tech, body: {} });
    expect(res.statusCode).toBe(403);
  });
});

import { formatQrCode } from '@guanjia/shared';
import type { Emergency } from '@guanjia/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../platform/http/app-types';
import { createLocalQueue } from '../../platform/jobs/local-queue';
import { postFile } from '../../testing/multipart';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { registerWorkers } from '../../workers';
import { ok } from '../tickets/testing/helpers';

let t: TestServer;
let manager: string;
let lead: string;
let guard: string;
const T0 = new Date('2026-12-06T02:10:00+08:00');

async function at(minutes: number) {
  t.clock.set(new Date(T0.getTime() + minutes * 60_000));
  await t.services.queue.drain();
}

const escalations = async (id: number) =>
  (
    await t.services.database.query<{ after: { step: string; level: number } }>(
      `select after from events where entity_type = 'emergency' and entity_id = $1 and action = 'emergency.step_escalated' order by id`,
      [String(id)],
    )
  ).map((r) => r.after);

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(T0);
  manager = await t.login('manager_a');
  lead = await t.login('lead_a');
  guard = await t.login('tech_a');
  const f = t.fixture;
  // The night of the 5th/6th and the day of the 6th: 班长甲 leads, 经理甲 is the project head, 座席甲 the butler.
  for (const date of ['2026-12-05', '2026-12-06', '2026-12-09', '2026-12-10'])
    for (const [role, user] of [
      ['team_leader', f.users.lead_a],
      ['project_head', f.users.manager_a],
      ['butler', f.users.agent_a],
      ['company_duty', f.users.supervisor_a],
    ] as const)
      await ok(
        t,
        'POST',
        '/api/duty-roster',
        manager,
        {
          projectId: f.projectA,
          role,
          userId: user,
          date,
          startTime: '08:00',
          endTime: '08:00',
        },
        201,
      );
});
afterAll(async () => t?.close());

const report = (body: Record<string, unknown>) =>
  ok<Emergency>(t, 'POST', '/api/emergencies', guard, { projectId: t.fixture.projectA, ...body }, 201);

describe('emergencies under the scenario clock', () => {
  let burst: Emergency;

  it('a guard reports a burst pipe: the plan’s 1/5/5/10 chain, the team leader alerted at once', async () => {
    await at(0);
    // The guard's voice note: an Ogg recording is stored as it is; a text file posing as audio is refused.
    const ogg = Buffer.concat([Buffer.from('OggS', 'latin1'), Buffer.alloc(64, 1)]);
    const url = `/api/uploads?kind=voice&projectId=${t.fixture.projectA}`;
    const voice = await postFile(t, url, guard, ogg, 'note.ogg', 'audio/ogg');
    expect(voice.statusCode, voice.body).toBe(201);
    const fake = await postFile(t, url, guard, Buffer.from('hello, not audio at all'), 'x.ogg', 'audio/ogg');
    expect(fake.statusCode).toBe(415);
    const voiceId = (voice.json() as { id: number }).id;
    burst = await report({
      type: '爆管',
      level: '一般',
      place: '1号楼地下室',
      buildingId: t.fixture.buildingsA[0],
      description: '消防管爆裂',
      voiceUploadId: voiceId,
    });
    expect(burst.voiceUploadId).toBe(voiceId);
    const played = await t.request('GET', `/api/uploads/${voiceId}`, { token: lead });
    expect(played.headers['content-type']).toBe('audio/ogg');
    expect(burst.status).toBe('已上报');
    const minutes = burst.steps.map((s) => (Date.parse(s.dueAt) - T0.getTime()) / 60_000);
    expect(burst.steps.map((s) => s.key)).toEqual(['leader', 'head', 'onsite', 'notify', 'report']);
    expect(minutes).toEqual([1, 5, 10, 10, 24 * 60]);
    const bell = await ok<{ items: { kind: string; title: string }[] }>(t, 'GET', '/api/notifications', lead);
    expect(bell.items.some((n) => n.kind === 'emergency.alert' && n.title.includes('爆管'))).toBe(true);
  });

  it('the team leader acknowledges late: the escalation fires exactly once, then stops', async () => {
    await at(2);
    await at(2);
    const shown = await ok<Emergency>(t, 'GET', `/api/emergencies/${burst.id}`, manager);
    expect(shown.steps[0]).toMatchObject({ status: 'escalated', escalationLevel: 1 });
    expect(await escalations(burst.id)).toEqual([
      expect.objectContaining({ step: '报告班组负责人', level: 1 }),
    ]);
    const bell = await ok<{ items: { kind: string }[] }>(t, 'GET', '/api/notifications', manager);
    expect(bell.items.filter((n) => n.kind === 'emergency.escalated')).toHaveLength(1);
    const sms = await t.services.database.query<{ n: number }>(
      `select count(*)::int n from deliveries where source_type = 'emergency' and source_id = $1 and channel = 'sms'`,
      [burst.id],
    );
    expect(sms[0]!.n).toBeGreaterThan(0);
    await at(3);
    const acked = await ok<Emergency>(
      t,
      'POST',
      `/api/emergencies/${burst.id}/steps/${burst.steps[0]!.id}/ack`,
      lead,
    );
    expect(acked.status).toBe('已确认');
    expect(acked.steps[0]).toMatchObject({ status: 'late', lateMinutes: 2 });
    // The second escalation (due at 2 + 5 minutes) was spent by the acknowledgement.
    await at(9);
    expect((await escalations(burst.id)).filter((e) => e.step === '报告班组负责人')).toHaveLength(1);
  });

  it('the project head checks in with the building’s QR label; another building’s label is refused', async () => {
    const step = burst.steps.find((s) => s.key === 'onsite')!;
    const head = burst.steps.find((s) => s.key === 'head')!;
    await ok(t, 'POST', `/api/emergencies/${burst.id}/steps/${head.id}/ack`, manager);
    const wrong = await t.request('POST', `/api/emergencies/${burst.id}/steps/${step.id}/checkin`, {
      token: manager,
      body: { code: formatQrCode({ kind: 'building', projectId: t.fixture.projectA, code: '2' }) },
    });
    expect(wrong.statusCode).toBe(400);
    const there = await ok<Emergency>(
      t,
      'POST',
      `/api/emergencies/${burst.id}/steps/${step.id}/checkin`,
      manager,
      {
        code: formatQrCode({ kind: 'building', projectId: t.fixture.projectA, code: '1' }),
      },
    );
    expect(there.status).toBe('已到场');
  });

  it('residents are notified through the outage flow, and a ticket from the building links itself', async () => {
    const agent = await t.login('agent_a');
    const told = await ok<Emergency>(t, 'POST', `/api/emergencies/${burst.id}/notify`, agent, {
      residentText: '1号楼地下室爆管，正在抢修，请勿靠近。',
    });
    expect(told.outageIncidentId).toBeTypeOf('number');
    expect(told.steps.find((s) => s.key === 'notify')!.status).toBe('met');
    const ticket = await ok<{ id: number }>(
      t,
      'POST',
      '/api/tickets',
      agent,
      {
        projectId: t.fixture.projectA,
        type: '报修',
        unitId: t.fixture.unitsA[0],
        description: '地下室漏水',
      },
      201,
    );
    const shown = await ok<Emergency>(t, 'GET', `/api/emergencies/${burst.id}`, manager);
    expect(shown.linkedTicketIds).toContain(ticket.id);
  });

  it('a server restart between two steps: the missed step fires after the restart, exactly once', async () => {
    await at(20);
    const e = await report({ type: '打架斗殴', level: '一般', place: '2号楼大堂' });
    await ok(t, 'POST', `/api/emergencies/${e.id}/steps/${e.steps[0]!.id}/ack`, lead);
    // The node goes down before the project head's 5-minute deadline and comes back 10 minutes later,
    // having lost the pending timer job too: only the minute sweep can find the timer row.
    await t.services.queue.stop();
    t.clock.set(new Date(T0.getTime() + 31 * 60_000));
    await t.services.database.query(
      `delete from jobs where name = 'emergencies.timer' and state = 'pending'`,
    );
    const queue = createLocalQueue(t.services.database, t.clock, { pollMs: 50 });
    const restarted: Services = { ...t.services, queue };
    registerWorkers(restarted);
    await queue.drain();
    await queue.drain();
    const fired = (await escalations(e.id)).filter((x) => x.step === '班长报告项目负责人');
    expect(fired).toEqual([expect.objectContaining({ level: 1 })]);
    t.services.queue = queue;
  });

  it('a plan edited while an incident runs does not change it', async () => {
    await ok(t, 'POST', '/api/emergency-plans/defaults', manager, { projectId: t.fixture.projectA });
    const plans = await ok<{
      items: { id: number; type: string; level: string; version: number; steps: unknown[] }[];
    }>(t, 'GET', `/api/emergency-plans?projectId=${t.fixture.projectA}`, manager);
    const fire = plans.items.find((p) => p.type === '火灾' && p.level === '一般')!;
    const e = await report({ type: '火灾', level: '一般', place: '2号楼12层' });
    expect(e.planVersion).toBe(1);
    const edited = {
      name: '火灾一般应急预案（修订）',
      version: fire.version,
      steps: [
        {
          key: 'x',
          title: '只剩一步',
          role: 'team_leader',
          proof: 'ack',
          afterStartMinutes: 60,
          afterPreviousMinutes: null,
          escalateTo: 'project_head',
        },
      ],
    };
    await ok(t, 'PUT', `/api/emergency-plans/${fire.id}`, manager, edited);
    const stale = await t.request('PUT', `/api/emergency-plans/${fire.id}`, { token: manager, body: edited });
    expect(stale.statusCode).toBe(409);
    const after = await ok<Emergency>(t, 'GET', `/api/emergencies/${e.id}`, manager);
    expect(after.steps.map((s) => s.key)).toEqual(e.steps.map((s) => s.key));
    expect(after.steps.map((s) => s.dueAt)).toEqual(e.steps.map((s) => s.dueAt));
    expect(after.planName).toBe(e.planName);
  });

  it('closing a 重大 incident without its review is refused (409); with it, it is 已复盘', async () => {
    const e = await report({ type: '火灾', level: '重大', place: '1号楼3层' });
    expect(e.steps.some((s) => s.key === 'company')).toBe(true);
    const controlled = await ok<Emergency>(t, 'POST', `/api/emergencies/${e.id}/status`, manager, {
      to: '已控制',
      version: e.version,
    });
    const refused = await t.request('POST', `/api/emergencies/${e.id}/close`, {
      token: manager,
      body: { version: controlled.version },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'review_required' } });
    const reviewed = await ok<Emergency>(t, 'POST', `/api/emergencies/${e.id}/review`, manager, {
      cause: '电动车违规充电',
      course: '02:40 发现，02:45 扑灭',
      evaluation: '响应及时，通知住户稍慢',
      rewardsPenalties: '表扬值班班长',
      rectifications: [
        { title: '增设电动车充电桩', ownerId: t.fixture.users.manager_a, dueDate: '2026-12-31' },
      ],
    });
    expect(reviewed.compliance.length).toBe(e.steps.length);
    expect(reviewed.rectifications).toHaveLength(1);
    const closed = await ok<Emergency>(t, 'POST', `/api/emergencies/${e.id}/close`, manager, {
      version: reviewed.version,
    });
    expect(closed.status).toBe('已复盘');
    const pdf = await t.request('GET', `/api/emergencies/${e.id}/report.pdf`, { token: manager });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const r19 = await ok<{
      total: number;
      steps: { key: string; compliancePct: number | null }[];
      openRectifications: number;
    }>(
      t,
      'GET',
      `/api/reports/emergencies?projectId=${t.fixture.projectA}&from=2026-12-01&to=2026-12-31`,
      manager,
    );
    expect(r19.total).toBeGreaterThanOrEqual(4);
    expect(r19.openRectifications).toBe(1);
    expect(r19.steps.find((s) => s.key === 'leader')!.compliancePct).toBeLessThan(100);
  });

  it('a drill must be announced Q65 days ahead, and its messages read 【演习】', async () => {
    const tooSoon = await t.request('POST', '/api/emergencies', {
      token: manager,
      body: {
        projectId: t.fixture.projectA,
        type: '燃气泄漏',
        place: '小区广场',
        drill: true,
        drillStartsAt: new Date(T0.getTime() + 86_400_000).toISOString(),
      },
    });
    expect(tooSoon.statusCode).toBe(400);
    const drill = await ok<Emergency>(
      t,
      'POST',
      '/api/emergencies',
      manager,
      {
        projectId: t.fixture.projectA,
        // Not 火灾 一般: the test above revised that plan to one step an hour out.
        type: '燃气泄漏',
        place: '小区广场',
        drill: true,
        drillStartsAt: new Date(T0.getTime() + 4 * 86_400_000).toISOString(),
      },
      201,
    );
    expect(drill.drill).toBe(true);
    expect(drill.drillNoticeId).toBeTypeOf('number');
    t.clock.set(new Date(T0.getTime() + 4 * 86_400_000 + 2 * 60_000));
    await t.services.queue.drain();
    const titles = (
      await t.services.database.query<{ title: string }>(
        `select title from notifications where title like $1`,
        [`%${drill.number}%`],
      )
    ).map((r) => r.title);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.every((x) => x.startsWith('【演习】'))).toBe(true);
  });

  it('storm mode: an active 暴雨 incident schedules the hourly checks until it ends', async () => {
    const storm = await report({ type: '暴雨', level: '较大', place: '全小区' });
    await t.services.queue.drain();
    t.clock.advanceMinutes(61);
    await t.services.queue.drain();
    const shown = await ok<Emergency>(t, 'GET', `/api/emergencies/${storm.id}`, manager);
    expect(shown.stormTasks.length).toBe(6);
    await ok(t, 'POST', `/api/emergencies/${storm.id}/status`, manager, {
      to: '已结束',
      version: shown.version,
    });
    t.clock.advanceMinutes(61);
    await t.services.queue.drain();
    const ended = await ok<Emergency>(t, 'GET', `/api/emergencies/${storm.id}`, manager);
    expect(ended.stormTasks.length).toBe(6);
  });

  it('another project’s staff never see it', async () => {
    const other = await t.login('manager_b');
    const res = await t.request('GET', `/api/emergencies/${burst.id}`, { token: other });
    expect(res.statusCode).toBe(404);
  });
});

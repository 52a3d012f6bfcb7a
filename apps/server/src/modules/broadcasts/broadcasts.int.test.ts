import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jobs } from '../../platform/jobs/schema';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { deliveries } from '../delivery/schema';
import { PLANNED_REMINDER_JOB } from '../incidents/planned-outage';

let t: TestServer;
let admin: string;
let agent: string;
let lead: string;
let manager: string;
const MONDAY_10 = new Date('2026-03-02T10:00:00+08:00');
const f = () => t.fixture;

interface Incident {
  id: number;
  version: number;
  status: string;
  recipientCount: number;
  announcedAt: string | null;
}
interface Notice {
  id: number;
  version: number;
  status: string;
  recipientCount: number;
}
interface Delivery {
  residentId: number;
  body: string;
  status: string;
}

beforeAll(async () => {
  t = await createTestServer();
  admin = await t.login('admin');
  agent = await t.login('agent_a');
  lead = await t.login('lead_a');
  manager = await t.login('manager_a');
});
afterAll(async () => t?.close());
beforeEach(async () => {
  t.clock.set(MONDAY_10);
  await t.services.queue.drain();
  await t.request('DELETE', `/api/settings/broadcasts.approvalThreshold?projectId=${f().projectA}`, {
    token: admin,
  });
});

const outage = (extra: Record<string, unknown> = {}) => ({
  projectId: f().projectA,
  kind: '停水',
  emergency: false,
  title: '二次供水水箱清洗',
  reason: '水箱清洗',
  buildingIds: [f().buildingsA[0]],
  expectedEndAt: '2026-03-02T18:00:00+08:00',
  residentText:
    '{小区}{楼栋}因{原因}停水,{开始时间}至{结束时间}。尊敬的{{resident.name}}请提前储水,咨询{服务电话}。',
  ...extra,
});

async function rows() {
  const { db } = t.services.database;
  const [[d], [j]] = await Promise.all([
    db.select({ n: count() }).from(deliveries),
    db.select({ n: count() }).from(jobs),
  ]);
  return { deliveries: d?.n ?? 0, jobs: j?.n ?? 0 };
}

async function setThreshold(value: number) {
  const res = await t.request('PUT', '/api/settings/broadcasts.approvalThreshold', {
    token: admin,
    body: { projectId: f().projectA, value },
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function deliveriesOf(kind: 'incidents' | 'notices', id: number): Promise<Delivery[]> {
  const res = await t.request('GET', `/api/${kind}/${id}/deliveries?pageSize=200`, { token: admin });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Delivery[] }).items;
}

async function notice(token: string, extra: Record<string, unknown> = {}): Promise<Notice> {
  const res = await t.request('POST', '/api/notices', {
    token,
    body: {
      projectId: f().projectA,
      type: '安全提示',
      title: '大风天气提醒',
      body: '{{resident.name}}您好:今夜大风,请收好阳台物品。{小区}客服{服务电话}',
      urgent: true,
      expiresAt: '2026-03-05T10:00:00+08:00',
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Notice;
}

describe('mass messages', () => {
  it('previews an outage: recipients per channel and the exact texts, writing nothing', async () => {
    const before = await rows();
    const res = await t.request('POST', '/api/incidents/preview', { token: agent, body: outage() });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ recipients: 2, channels: { sms: 2 }, approvalRequired: false, threshold: 500 });
    expect(p.texts.sms).toBe(
      '测试花园1号楼因水箱清洗停水,3月2日 10:00至3月2日 18:00。尊敬的张伟请提前储水,咨询。',
    );
    expect(p.subject).toBe('【停水通知】二次供水水箱清洗');
    expect(await rows()).toEqual(before);
    // The registered outage sends exactly the previewed text.
    const created = await t.request('POST', '/api/incidents', { token: agent, body: outage() });
    expect(created.statusCode, created.body).toBe(201);
    const sent = await deliveriesOf('incidents', (created.json() as Incident).id);
    expect(sent.map((d) => d.body)).toContain(p.texts.sms);
  });

  it('previews a notice without sending; unknown variables are refused with details', async () => {
    const n = await notice(agent);
    const before = await rows();
    const res = await t.request('POST', `/api/notices/${n.id}/preview`, { token: agent });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ recipients: 3, approvalRequired: false });
    expect(await rows()).toEqual(before);
    const bad = await t.request('POST', '/api/incidents/preview', {
      token: agent,
      body: outage({ residentText: '{小区}{楼号}停水' }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { details: { variables: ['楼号'] } } });
  });

  it('above the threshold one person is held (409); another approves; self-approval is refused', async () => {
    await setThreshold(1);
    const before = await rows();
    const held = await t.request('POST', '/api/incidents', { token: manager, body: outage() });
    expect(held.statusCode, held.body).toBe(409);
    const err = held.json() as {
      error: { code: string; details: { approvalId: number; recipients: number } };
    };
    expect(err.error).toMatchObject({ code: 'approval_required', details: { recipients: 2, threshold: 1 } });
    expect((await rows()).deliveries).toBe(before.deliveries);
    const approval = `/api/broadcast-approvals/${err.error.details.approvalId}`;
    const queue = await t.request('GET', `/api/broadcast-approvals?status=待批准`, { token: admin });
    expect((queue.json() as { items: { id: number }[] }).items.map((a) => a.id)).toContain(
      err.error.details.approvalId,
    );
    const self = await t.request('POST', `${approval}/decide`, {
      token: manager,
      body: { version: 1, approve: true },
    });
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({ error: { code: 'self_approval' } });
    // The agent may not approve at all (notices.approve).
    expect(
      (await t.request('POST', `${approval}/decide`, { token: agent, body: { version: 1, approve: true } }))
        .statusCode,
    ).toBe(403);
    const ok = await t.request('POST', `${approval}/decide`, {
      token: admin,
      body: { version: 1, approve: true },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const decided = ok.json() as { status: string; resultId: number };
    expect(decided.status).toBe('已批准');
    expect(await deliveriesOf('incidents', decided.resultId)).toHaveLength(2);
    const again = await t.request('POST', `${approval}/decide`, {
      token: admin,
      body: { version: 2, approve: true },
    });
    expect(again.statusCode).toBe(409);

    // Q60: an emergency outage is never held.
    const emergency = await t.request('POST', '/api/incidents', {
      token: agent,
      body: outage({ emergency: true, title: '爆管紧急停水' }),
    });
    expect(emergency.statusCode, emergency.body).toBe(201);
    expect((emergency.json() as Incident).recipientCount).toBe(2);
  });

  it('notices: an urgent non-outage notice is held; 批准并发布 by a second person goes out in one step', async () => {
    await setThreshold(1);
    const tip = await notice(manager);
    const held = await t.request('POST', `/api/notices/${tip.id}/publish`, {
      token: manager,
      body: { version: tip.version },
    });
    expect(held.statusCode, held.body).toBe(409);
    const approvalId = (held.json() as { error: { details: { approvalId: number } } }).error.details
      .approvalId;
    const ok = await t.request('POST', `/api/broadcast-approvals/${approvalId}/decide`, {
      token: admin,
      body: { version: 1, approve: true },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await deliveriesOf('notices', tip.id)).toHaveLength(3);

    // Refusing needs a reason.
    const tip2 = await notice(manager, { title: '第二条' });
    const held2 = await t.request('POST', `/api/notices/${tip2.id}/publish`, {
      token: manager,
      body: { version: tip2.version },
    });
    const id2 = (held2.json() as { error: { details: { approvalId: number } } }).error.details.approvalId;
    const noReason = await t.request('POST', `/api/broadcast-approvals/${id2}/decide`, {
      token: admin,
      body: { version: 1, approve: false },
    });
    expect(noReason.statusCode).toBe(400);
    const refused = await t.request('POST', `/api/broadcast-approvals/${id2}/decide`, {
      token: admin,
      body: { version: 1, approve: false, reason: '不必全员发送' },
    });
    expect(refused.json()).toMatchObject({ status: '已拒绝' });
    expect(await deliveriesOf('notices', tip2.id)).toHaveLength(0);

    // W-30 path: the author submits, the 班长 reviews, the 项目负责人 approves and publishes in one step.
    let n = await notice(agent, { type: '社区活动', urgent: false, title: '周末义卖' });
    n = (
      await t.request('POST', `/api/notices/${n.id}/submit`, { token: agent, body: { version: n.version } })
    ).json();
    n = (
      await t.request('POST', `/api/notices/${n.id}/review`, {
        token: lead,
        body: { version: n.version, approve: true },
      })
    ).json();
    expect(n.status).toBe('待批准');
    const preview = await t.request('POST', `/api/notices/${n.id}/preview`, { token: manager });
    expect(preview.json()).toMatchObject({ recipients: 3, approvalRequired: false });
    expect(
      (
        await t.request('POST', `/api/notices/${n.id}/approve-publish`, {
          token: lead,
          body: { version: n.version },
        })
      ).statusCode,
    ).toBe(403);
    const published = await t.request('POST', `/api/notices/${n.id}/approve-publish`, {
      token: manager,
      body: { version: n.version },
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: '已发布', recipientCount: 3 });
  });

  it('templates: company-wide with a per-project override; unknown variables refused', async () => {
    const company = await t.request('POST', '/api/message-templates', {
      token: admin,
      body: {
        code: 'water',
        kind: '短信',
        name: '计划停水',
        body: '{小区}{楼栋}{开始时间}至{结束时间}停水,原因:{原因}。',
      },
    });
    expect(company.statusCode, company.body).toBe(201);
    expect(
      (
        await t.request('POST', '/api/message-templates', {
          token: agent,
          body: { code: 'x', kind: '短信', name: 'x', body: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const bad = await t.request('POST', '/api/message-templates', {
      token: agent,
      body: { projectId: f().projectA, code: 'water', kind: '短信', name: '停水', body: '{小区}{停水时间}' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { details: { variables: ['停水时间'] } } });
    const own = await t.request('POST', '/api/message-templates', {
      token: agent,
      body: {
        projectId: f().projectA,
        code: 'water',
        kind: '短信',
        name: '停水(本项目)',
        body: '{小区}停水,{服务电话}',
      },
    });
    expect(own.statusCode, own.body).toBe(201);
    const inForce = await t.request('GET', `/api/message-templates?projectId=${f().projectA}`, {
      token: agent,
    });
    const items = (inForce.json() as { items: { code: string; name: string; overrides: boolean }[] }).items;
    expect(items.filter((i) => i.code === 'water')).toEqual([
      expect.objectContaining({ name: '停水(本项目)', overrides: true }),
    ]);
    const ownId = (own.json() as { id: number }).id;
    const edited = await t.request('PATCH', `/api/message-templates/${ownId}`, {
      token: agent,
      body: { version: 1, body: '{小区}停水' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const stale = await t.request('PATCH', `/api/message-templates/${ownId}`, {
      token: agent,
      body: { version: 1, name: 'y' },
    });
    expect(stale.statusCode).toBe(409);
    const dup = await t.request('POST', '/api/message-templates', {
      token: admin,
      body: { code: 'water', kind: '短信', name: 'dup', body: 'x' },
    });
    expect(dup.statusCode).toBe(409);
    const gone = await t.request('DELETE', `/api/message-templates/${ownId}?version=2`, { token: agent });
    expect(gone.statusCode, gone.body).toBe(200);
  });

  it('planned outages: validated times, announced ahead and reminded on the scenario clock, cancelled with it', async () => {
    const planned = (extra: Record<string, unknown>) =>
      outage({ planned: true, title: '计划停水', ...extra });
    const backwards = await t.request('POST', '/api/incidents', {
      token: agent,
      body: planned({ startsAt: '2026-03-05T09:00:00+08:00', expectedEndAt: '2026-03-05T08:00:00+08:00' }),
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ error: { details: { expectedEndAt: expect.any(String) } } });
    const past = await t.request('POST', '/api/incidents', {
      token: agent,
      body: planned({ startsAt: '2026-03-01T09:00:00+08:00', expectedEndAt: '2026-03-01T12:00:00+08:00' }),
    });
    expect(past.statusCode).toBe(400);

    // Thursday 09:00 (71 h ahead): announced Tuesday 09:00 (48 h), reminded Wednesday 09:00 and Thursday 07:00.
    const body = planned({
      startsAt: '2026-03-05T09:00:00+08:00',
      expectedEndAt: '2026-03-05T17:00:00+08:00',
    });
    const preview = await t.request('POST', '/api/incidents/preview', { token: agent, body });
    expect(preview.json()).toMatchObject({
      subject: '【计划停水通知】计划停水',
      schedule: {
        announceAt: '2026-03-03T01:00:00.000Z',
        reminders: [
          { leadHours: 24, at: '2026-03-04T01:00:00.000Z' },
          { leadHours: 2, at: '2026-03-04T23:00:00.000Z' },
        ],
      },
    });
    const res = await t.request('POST', '/api/incidents', { token: agent, body });
    expect(res.statusCode, res.body).toBe(201);
    let i = res.json() as Incident;
    expect(await deliveriesOf('incidents', i.id)).toHaveLength(0);

    t.clock.set(new Date('2026-03-03T09:00:00+08:00'));
    await t.services.queue.drain();
    const announced = await deliveriesOf('incidents', i.id);
    expect(announced).toHaveLength(2);
    expect(announced[0]?.body).toContain('3月5日 09:00至3月5日 17:00');

    t.clock.set(new Date('2026-03-04T09:00:00+08:00'));
    await t.services.queue.drain();
    const reminded = await deliveriesOf('incidents', i.id);
    expect(reminded).toHaveLength(4);
    expect(reminded.filter((d) => d.body.startsWith('温馨提醒'))).toHaveLength(2);

    i = (await t.request('GET', `/api/incidents/${i.id}`, { token: agent })).json() as Incident;
    const cancelled = await t.request('POST', `/api/incidents/${i.id}/cancel`, {
      token: agent,
      body: { version: i.version, reason: '施工方案调整' },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: '已取消' });
    const { db } = t.services.database;
    const [last] = await db
      .select()
      .from(jobs)
      .where(eq(jobs.dedupeKey, `incident-remind:${i.id}:2`));
    expect(last).toMatchObject({ name: PLANNED_REMINDER_JOB, state: 'done', result: { cancelled: true } });
    t.clock.set(new Date('2026-03-05T08:00:00+08:00'));
    await t.services.queue.drain();
    // Nothing reminded after the cancel; the residents already told hear it is off.
    const afterCancel = await t.request('GET', `/api/incidents/${i.id}/deliveries?pageSize=200`, {
      token: admin,
    });
    expect(
      (afterCancel.json() as { items: Delivery[] }).items.filter((d) => d.body.startsWith('温馨提醒')),
    ).toHaveLength(2);
    const again = await t.request('POST', `/api/incidents/${i.id}/cancel`, {
      token: agent,
      body: { version: i.version + 1 },
    });
    expect(again.statusCode).toBe(409);
  });
});

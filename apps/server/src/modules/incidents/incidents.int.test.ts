import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { HTTP_SECRET_ENV } from '../delivery/providers/http';

let t: TestServer;
let admin: string;
let agent: string;
const MONDAY_10 = new Date('2026-03-02T10:00:00+08:00');

interface Incident {
  id: number;
  version: number;
  status: string;
  notifyState: string | null;
  notifyBreached: boolean;
  firstDeliveryMinutes: number | null;
  recipientCount: number;
}
interface Delivery {
  residentId: number;
  channel: string;
  status: string;
  recipient: string;
  body: string;
  attempts: number;
  error: string | null;
  notBefore: string | null;
  sourceType: string;
}

beforeAll(async () => {
  t = await createTestServer();
  admin = await t.login('admin');
  agent = await t.login('agent_a');
});
afterAll(async () => t?.close());
beforeEach(async () => {
  t.clock.set(MONDAY_10);
  await t.services.queue.drain();
});

const f = () => t.fixture;

async function open(body: Record<string, unknown>, token = agent): Promise<Incident> {
  const res = await t.request('POST', '/api/incidents', {
    token,
    body: {
      projectId: f().projectA,
      kind: '停水',
      emergency: true,
      title: '1号楼爆管停水',
      buildingIds: [f().buildingsA[0]],
      expectedEndAt: '2026-03-02T18:00:00+08:00',
      residentText: '尊敬的{{resident.name}}:因爆管,{{unit.label}}所在楼栋停水,预计{{incident.until}}恢复。',
      agentScript: '请告知住户预计18:00恢复,已安排抢修。',
      ...body,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Incident;
}

async function deliveriesOf(id: number, token = admin): Promise<Delivery[]> {
  const res = await t.request('GET', `/api/incidents/${id}/deliveries?pageSize=200`, { token });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Delivery[] }).items;
}

const get = async (id: number) =>
  (await t.request('GET', `/api/incidents/${id}`, { token: agent })).json() as Incident;

async function putSetting(key: string, value: unknown) {
  const res = await t.request('PUT', `/api/settings/${key}`, {
    token: admin,
    body: { projectId: f().projectA, value },
  });
  expect(res.statusCode, res.body).toBe(200);
}
async function clearSetting(key: string) {
  await t.request('DELETE', `/api/settings/${key}?projectId=${f().projectA}`, { token: admin });
}

describe('incidents', () => {
  it('tells exactly the residents of the building, on their channel, and records the Q60 measure', async () => {
    const i = await open({});
    expect(i.recipientCount).toBe(2);
    expect(i.notifyState).toBe('pending');
    const before = await deliveriesOf(i.id);
    expect(before.map((d) => d.residentId).sort()).toEqual([f().residentsA[0], f().residentsA[1]].sort());
    expect(before.every((d) => d.channel === 'sms' && d.status === 'pending')).toBe(true);
    expect(before.find((d) => d.residentId === f().residentsA[0])?.body).toBe(
      '尊敬的张伟:因爆管,1-1-101所在楼栋停水,预计3月2日 18:00恢复。',
    );
    t.clock.advanceMinutes(3);
    await t.services.queue.drain();
    const after = await deliveriesOf(i.id);
    expect(after.every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);
    // The admin holds pii.view: full numbers; the QA inspector does not: masked.
    expect(after[0]?.recipient).toMatch(/^\+86/);
    const masked = await deliveriesOf(i.id, await t.login('qa_a'));
    expect(masked[0]?.recipient).toMatch(/^\d{3}\*{4}\d{4}$/);
    const done = await get(i.id);
    expect(done).toMatchObject({ notifyState: 'met', notifyBreached: false, firstDeliveryMinutes: 3 });
  });

  it('a whole-project incident reaches every resident of the project, a unit incident only that unit', async () => {
    const all = await open({ buildingIds: [], kind: '停电' });
    expect(all.recipientCount).toBe(3);
    const one = await open({ buildingIds: [], unitIds: [f().unitsA[4]] });
    const d = await deliveriesOf(one.id);
    // 李娜 has only a landline and no e-mail: her notice waits in the portal inbox.
    expect(d.map((x) => [x.residentId, x.channel])).toEqual([[f().residentsA[2], 'inapp']]);
  });

  it('quiet hours defer a non-urgent notice and not an emergency (Q07)', async () => {
    t.clock.set(new Date('2026-03-02T23:00:00+08:00'));
    const planned = await open({ emergency: false, kind: '施工', title: '明日管道检修' });
    const urgent = await open({ emergency: true, title: '1号楼停水' });
    await t.services.queue.drain();
    const p = await deliveriesOf(planned.id);
    expect(p.every((d) => d.status === 'deferred')).toBe(true);
    expect(p[0]?.notBefore).toBe(new Date('2026-03-03T08:00:00+08:00').toISOString());
    expect((await deliveriesOf(urgent.id)).every((d) => d.status === 'sent')).toBe(true);
    expect((await get(planned.id)).notifyState).toBeNull();
    t.clock.set(new Date('2026-03-03T08:00:00+08:00'));
    await t.services.queue.drain();
    expect((await deliveriesOf(planned.id)).every((d) => d.status === 'sent')).toBe(true);
  });

  it('a failing provider is retried with backoff, then marked failed with its error; Q60 breach flagged', async () => {
    process.env[HTTP_SECRET_ENV] = 'test-secret';
    await putSetting('delivery.providers', {
      sms: 'http',
      wechat: 'log',
      email: 'log',
      httpUrl: 'http://127.0.0.1:9/sms',
    });
    await putSetting('delivery.maxAttempts', 3);
    try {
      const i = await open({});
      await t.services.queue.drain();
      let d = await deliveriesOf(i.id);
      expect(d.every((x) => x.status === 'pending' && x.attempts === 1 && !!x.error)).toBe(true);
      t.clock.advanceMinutes(1);
      await t.services.queue.drain();
      t.clock.advanceMinutes(1);
      await t.services.queue.drain();
      d = await deliveriesOf(i.id);
      expect(d.every((x) => x.status === 'failed' && x.attempts === 3)).toBe(true);
      expect(d[0]?.error).toMatch(/fetch failed|ECONNREFUSED/);
      t.clock.advanceMinutes(10);
      await t.services.queue.drain();
      expect(await get(i.id)).toMatchObject({ notifyState: 'overdue', notifyBreached: true });
      // The breach shows in the Q60 report too.
      const report = await t.request('GET', '/api/reports/incidents?from=2026-03-01&to=2026-03-03', {
        token: admin,
      });
      expect(report.statusCode, report.body).toBe(200);
      const emergencies = (
        report.json() as {
          items: { projectId: number; emergency: boolean; breached: number; total: number }[];
        }
      ).items.find((r) => r.projectId === f().projectA && r.emergency);
      expect(emergencies?.breached).toBeGreaterThanOrEqual(1);
      expect(emergencies?.total).toBeGreaterThan(emergencies?.breached ?? 0);
    } finally {
      await clearSetting('delivery.providers');
      await clearSetting('delivery.maxAttempts');
    }
  });

  it('suggests itself at intake, attaches tickets in bulk, and on resolve moves them to callback and tells the residents', async () => {
    const ticket = await t.request('POST', '/api/tickets', {
      token: agent,
      body: {
        projectId: f().projectA,
        type: '报修',
        unitId: f().unitsA[0],
        residentId: f().residentsA[0],
        description: '家里没水了',
      },
    });
    expect(ticket.statusCode, ticket.body).toBe(201);
    const ticketId = (ticket.json() as { id: number }).id;
    const i = await open({ title: '1号楼停水(二)' });

    const active = await t.request('GET', `/api/incidents/active?unitId=${f().unitsA[0]}`, { token: agent });
    expect((active.json() as { items: { id: number }[] }).items.map((x) => x.id)).toContain(i.id);
    const elsewhere = await t.request('GET', `/api/incidents/active?unitId=${f().unitsA[5]}`, {
      token: agent,
    });
    expect((elsewhere.json() as { items: { id: number }[] }).items.map((x) => x.id)).not.toContain(i.id);

    const candidates = await t.request('GET', `/api/incidents/${i.id}/candidates`, { token: agent });
    expect((candidates.json() as { items: { id: number }[] }).items.map((x) => x.id)).toContain(ticketId);
    const link = await t.request('POST', `/api/incidents/${i.id}/tickets`, {
      token: agent,
      body: { ticketIds: [ticketId] },
    });
    expect(link.json()).toEqual({ linked: [ticketId], alreadyLinked: [] });
    const again = await t.request('POST', `/api/incidents/${i.id}/tickets`, {
      token: agent,
      body: { ticketIds: [ticketId] },
    });
    expect(again.json()).toEqual({ linked: [], alreadyLinked: [ticketId] });
    const linked = await t.request('GET', `/api/incidents/${i.id}/tickets`, { token: agent });
    expect(linked.json()).toMatchObject({ total: 1, items: [{ id: ticketId }] });

    await t.services.queue.drain();
    const res = await t.request('POST', `/api/incidents/${i.id}/resolve`, {
      token: agent,
      body: { version: i.version, note: '管道已修复' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      status: string;
      notified: number;
      tickets: { ticketId: number; outcome: string; status: string }[];
    };
    expect(body.status).toBe('已恢复');
    expect(body.notified).toBe(2);
    expect(body.tickets).toEqual([{ ticketId, outcome: 'resolved', status: '待回访' }]);
    const detail = (await t.request('GET', `/api/tickets/${ticketId}`, { token: agent })).json() as {
      status: string;
      workOrders: { status: string }[];
    };
    expect(detail.status).toBe('待回访');
    expect(detail.workOrders.every((w) => w.status === '已取消')).toBe(true);
    const restored = (await deliveriesOf(i.id)).filter((d) => d.sourceType === 'incident_resolved');
    expect(restored).toHaveLength(2);
    expect(restored[0]?.body).toContain('已恢复');

    const twice = await t.request('POST', `/api/incidents/${i.id}/resolve`, {
      token: agent,
      body: { version: i.version + 1 },
    });
    expect(twice.statusCode).toBe(409);
    const afterActive = await t.request('GET', `/api/incidents/active?unitId=${f().unitsA[0]}`, {
      token: agent,
    });
    expect((afterActive.json() as { items: { id: number }[] }).items.map((x) => x.id)).not.toContain(i.id);
    const events = await t.request('GET', `/api/events?entityType=incident&entityId=${i.id}&pageSize=50`, {
      token: admin,
    });
    expect((events.json() as { items: { action: string }[] }).items.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'incident.created',
        'incident.tickets_linked',
        'incident.resolved',
        'incident.first_delivery',
      ]),
    );
  });

  it('edits with optimistic locking, validates scope ids, lists with pagination and permission checks', async () => {
    const i = await open({ title: '编辑测试' });
    const patched = await t.request('PATCH', `/api/incidents/${i.id}`, {
      token: agent,
      body: { version: i.version, agentScript: '预计今晚恢复' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ agentScript: '预计今晚恢复', version: i.version + 1 });
    const stale = await t.request('PATCH', `/api/incidents/${i.id}`, {
      token: agent,
      body: { version: i.version, title: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'version_conflict' } });

    const stray = await t.request('POST', '/api/incidents', {
      token: agent,
      body: {
        projectId: f().projectA,
        kind: '停电',
        emergency: true,
        title: 'x',
        residentText: 'x',
        buildingIds: [f().buildingB],
      },
    });
    expect(stray.statusCode).toBe(400);
    expect(stray.json()).toMatchObject({ error: { details: { buildingIds: [f().buildingB] } } });
    const badKind = await t.request('POST', '/api/incidents', {
      token: agent,
      body: { projectId: f().projectA, kind: '地震', emergency: true, title: 'x', residentText: 'x' },
    });
    expect(badKind.statusCode).toBe(400);

    const list = await t.request('GET', '/api/incidents?status=进行中&pageSize=2', { token: agent });
    expect(list.statusCode).toBe(200);
    const page = list.json() as { items: unknown[]; total: number };
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);

    const tech = await t.login('tech_a');
    expect((await t.request('GET', '/api/incidents', { token: tech })).statusCode).toBe(403);
    const qa = await t.login('qa_a');
    const qaWrite = await t.request('POST', '/api/incidents', { token: qa, body: {} });
    expect(qaWrite.statusCode).toBe(403);
  });
});

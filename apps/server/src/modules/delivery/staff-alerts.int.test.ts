import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../../testing/smtp-sink';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { leafCategory, MONDAY_10, ok, type TicketView } from '../tickets/testing/helpers';
import { closeSmtpTransports } from './providers/smtp';

let t: TestServer;
let admin: string;
let agent: string;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let receiver: Server;
let secret = '';
/** What the receiver answers: a real endpoint that is down answers 500. */
let receiverStatus = 200;
const hits: { ok: boolean; headers: Record<string, string>; body: Record<string, unknown> }[] = [];

interface DeliveryView {
  id: number;
  sourceType: string;
  sourceId: number;
  userId: number | null;
  residentId: number | null;
  channel: string;
  recipient: string;
  status: string;
  attempts: number;
  urgent: boolean;
  error: string | null;
  notBefore: string | null;
}

const portOf = (s: { address(): AddressInfo | string | null }) => (s.address() as AddressInfo).port;
const deliveriesOf = async (query: string) =>
  (await ok<{ items: DeliveryView[] }>(t, 'GET', `/api/deliveries?pageSize=100&${query}`, admin)).items;
const advanceTo = async (minutes: number) => {
  t.clock.set(new Date(MONDAY_10.getTime() + minutes * 60_000));
  await t.services.queue.drain();
};

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(MONDAY_10);
  admin = await t.login('admin');
  agent = await t.login('agent_a');
  smtp = await startSmtpSink();
  // A receiver that, like any sensible one, checks the signature before trusting the payload.
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const ts = String(req.headers['x-guanjia-timestamp'] ?? '');
      const expected = createHmac('sha256', secret).update(`${ts}.${raw}`).digest('hex');
      const signed = req.headers['x-guanjia-signature'] === expected;
      hits.push({
        ok: signed,
        headers: { event: String(req.headers['x-guanjia-event']) },
        body: JSON.parse(raw) as Record<string, unknown>,
      });
      const status = signed ? receiverStatus : 401;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status === 200 ? JSON.stringify({ messageId: `rcv-${hits.length}` }) : '{"error":"down"}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));

  const f = t.fixture;
  await ok(t, 'PUT', '/api/settings/delivery.providers', admin, {
    projectId: f.projectA,
    value: {
      sms: 'log',
      wechat: 'webhook',
      email: 'smtp',
      smtpUrl: smtp.url,
      mailFrom: '测试花园客服中心 <service@example.com>',
    },
  });
  const hook = await ok<{ url: string; hasSecret: boolean; version: number }>(
    t,
    'PUT',
    '/api/delivery/webhook',
    admin,
    { projectId: f.projectA, url: `http://127.0.0.1:${portOf(receiver)}/guanjia` },
  );
  expect(hook.hasSecret).toBe(false);
  const rotated = await ok<{ secret: string; hasSecret: boolean }>(
    t,
    'POST',
    '/api/delivery/webhook/secret',
    admin,
    { projectId: f.projectA },
  );
  expect(rotated.hasSecret).toBe(true);
  secret = rotated.secret;
  // The secret is shown once: reading the configuration again never answers it.
  const read = await t.request('GET', `/api/delivery/webhook?projectId=${f.projectA}`, { token: admin });
  expect(read.body).not.toContain(secret);
});

afterAll(async () => {
  closeSmtpTransports();
  await smtp?.close();
  await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  await t?.close();
});

describe('staff channels', () => {
  it('an admin sets the 班长 to e-mail; the 项目经理 chooses the webhook on their own settings screen', async () => {
    const f = t.fixture;
    const lead = await ok<{ channels: string[]; email: string; version: number }>(
      t,
      'PUT',
      `/api/staff/${f.users.lead_a}/channels`,
      admin,
      { channels: ['email'], email: 'lead.a@example.com' },
    );
    expect(lead).toMatchObject({ channels: ['email'], email: 'lead.a@example.com', version: 1 });
    const manager = await t.login('manager_a');
    const before = await ok<{ channels: string[]; version: number | null }>(
      t,
      'GET',
      '/api/auth/me/channels',
      manager,
    );
    expect(before).toMatchObject({ channels: [], version: null });
    await ok(t, 'PUT', '/api/auth/me/channels', manager, {
      channels: ['webhook', 'sms'],
      mobile: '13800138000',
    });
    // A second save without the version it read is refused, a stale one is a 409.
    const missing = await t.request('PUT', '/api/auth/me/channels', {
      token: manager,
      body: { channels: [] },
    });
    expect(missing.statusCode).toBe(400);
    const stale = await t.request('PUT', '/api/auth/me/channels', {
      token: manager,
      body: { channels: [], version: 7 },
    });
    expect(stale.statusCode).toBe(409);
    // Nobody edits someone else's channels without staff.write.
    const other = await t.request('PUT', `/api/staff/${f.users.lead_a}/channels`, {
      token: manager,
      body: { channels: [], version: 1 },
    });
    expect(other.statusCode).toBe(403);
  });

  it('an SLA warning for the 班长 goes out by e-mail through the outbox to a real SMTP listener', async () => {
    const ticket = await ok<TicketView>(
      t,
      'POST',
      '/api/tickets',
      agent,
      {
        projectId: t.fixture.projectA,
        type: '报修',
        priority: '急',
        unitId: t.fixture.unitsA[1],
        categoryId: await leafCategory(t, agent, '公共区域/电梯/电梯困人'),
        description: '2号楼电梯困人',
        contactPhone: '13912340001',
      },
      201,
    );
    await advanceTo(10.5);
    const warnings = await deliveriesOf('sourceType=sla_warning');
    const toLead = warnings.filter((d) => d.userId === t.fixture.users.lead_a);
    expect(toLead).toHaveLength(1);
    expect(toLead[0]).toMatchObject({
      sourceId: ticket.id,
      channel: 'email',
      status: 'sent',
      urgent: false,
      residentId: null,
    });
    expect(smtp.mails.map((m) => m.to)).toEqual([['lead.a@example.com']]);
    expect(smtp.mails[0]?.raw).toContain('Subject: =?UTF-8?');

    // The arrive clock breaches at 15 min: the 项目经理 hears it on the webhook (signed, with the
    // ticket and their user id) and by SMS; an 急 ticket's breach is urgent (bypasses quiet hours).
    await advanceTo(16);
    const breaches = (await deliveriesOf('sourceType=sla_breach')).filter(
      (d) => d.userId === t.fixture.users.manager_a,
    );
    expect(breaches.map((d) => [d.channel, d.status, d.urgent]).sort()).toEqual([
      ['sms', 'sent', true],
      ['webhook', 'sent', true],
    ]);
    const hit = hits.find((h) => h.body.source === 'sla_breach');
    expect(hit).toMatchObject({
      ok: true,
      headers: { event: 'sla_breach' },
      body: { ticketId: ticket.id, recipient: { type: 'staff', userId: t.fixture.users.manager_a } },
    });
    // Announced once: nothing more goes out on the next drain.
    const count = (await deliveriesOf('')).length;
    await advanceTo(17);
    expect((await deliveriesOf('')).length).toBe(count);
  });
});

describe('webhook provider', () => {
  async function incident(title: string) {
    const res = await ok<{ id: number }>(
      t,
      'POST',
      '/api/incidents',
      admin,
      {
        projectId: t.fixture.projectA,
        kind: '停水',
        emergency: true,
        title,
        unitIds: [t.fixture.unitsA[6]],
        residentText: '尊敬的{{resident.name}}:{{unit.label}}临时停水。',
      },
      201,
    );
    await t.services.queue.drain();
    return res.id;
  }

  it('posts a resident WeChat message to the project webhook, signed, with incident and resident ids', async () => {
    const resident = await ok<{ id: number }>(
      t,
      'POST',
      '/api/residents',
      admin,
      {
        projectId: t.fixture.projectA,
        name: '钱勇',
        phones: ['13700002222'],
        preferredChannel: 'wechat',
        units: [{ unitId: t.fixture.unitsA[6], relation: '业主' }],
      },
      201,
    );
    const id = await incident('3号楼水管爆裂');
    const mine = (await deliveriesOf('sourceType=incident')).find((d) => d.residentId === resident.id);
    expect(mine).toMatchObject({ channel: 'wechat', status: 'sent' });
    expect(hits.at(-1)).toMatchObject({
      ok: true,
      body: {
        source: 'incident',
        incidentId: id,
        recipient: { type: 'resident', residentId: resident.id },
        text: '尊敬的钱勇:2-1-201临时停水。',
      },
    });
  });

  it('a receiver that is down is retried with backoff and finally marked failed with its error', async () => {
    receiverStatus = 500;
    const before = hits.length;
    const id = await incident('3号楼二次停水');
    const row = async () =>
      (await deliveriesOf('sourceType=incident&channel=wechat')).find((d) => d.sourceId === id);
    expect(await row()).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await row())?.error).toContain('webhook HTTP 500');
    // The backoff holds the retry back until it is due.
    await t.services.queue.drain();
    expect((await row())?.attempts).toBe(1);
    for (let i = 0; i < 6; i++) {
      t.clock.advanceMinutes(2);
      await t.services.queue.drain();
    }
    const failed = await row();
    expect(failed).toMatchObject({ status: 'failed', attempts: 5 });
    expect(failed?.error).toContain('webhook HTTP 500');
    expect(hits.length - before).toBe(5);
    receiverStatus = 200;
  });
});

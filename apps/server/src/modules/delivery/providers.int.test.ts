import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../../testing/smtp-sink';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { HTTP_SECRET_ENV } from './providers/http';
import { closeSmtpTransports } from './providers/smtp';

let t: TestServer;
let admin: string;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let gateway: Server;
const gatewayHits: { ok: boolean; body: Record<string, unknown> }[] = [];
const SECRET = 'gateway-shared-secret';
let residents: { email: number; wechat: number };

const portOf = (s: { address(): AddressInfo | string | null }) => (s.address() as AddressInfo).port;

beforeAll(async () => {
  t = await createTestServer();
  admin = await t.login('admin');
  smtp = await startSmtpSink();
  // A gateway that, like a real SMS/WeChat provider, refuses unsigned or wrongly signed requests.
  gateway = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const ts = String(req.headers['x-guanjia-timestamp'] ?? '');
      const expected = createHmac('sha256', SECRET).update(`${ts}.${raw}`).digest('hex');
      const ok = req.headers['x-guanjia-signature'] === expected;
      gatewayHits.push({ ok, body: JSON.parse(raw) as Record<string, unknown> });
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? { messageId: `gw-${gatewayHits.length}` } : { error: 'bad signature' }));
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));

  const f = t.fixture;
  const make = async (name: string, body: Record<string, unknown>) => {
    const res = await t.request('POST', '/api/residents', {
      token: admin,
      body: { projectId: f.projectA, name, units: [{ unitId: f.unitsA[6], relation: '业主' }], ...body },
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: number }).id;
  };
  residents = {
    email: await make('赵敏', {
      email: 'zhaomin@example.com',
      phones: ['13700001111'],
      preferredChannel: 'email',
    }),
    wechat: await make('钱勇', { phones: ['13700002222'], preferredChannel: 'wechat' }),
  };
  const res = await t.request('PUT', '/api/settings/delivery.providers', {
    token: admin,
    body: {
      projectId: f.projectA,
      value: {
        sms: 'log',
        email: 'smtp',
        wechat: 'http',
        smtpUrl: smtp.url,
        mailFrom: '测试花园客服中心 <service@example.com>',
        httpUrl: `http://127.0.0.1:${portOf(gateway)}/send`,
        wechatTemplateId: 'TPL-OUTAGE',
      },
    },
  });
  expect(res.statusCode, res.body).toBe(200);
});

afterAll(async () => {
  closeSmtpTransports();
  await smtp?.close();
  await new Promise<void>((resolve) => gateway?.close(() => resolve()));
  await t?.close();
});

async function incidentDeliveries(title: string) {
  const res = await t.request('POST', '/api/incidents', {
    token: admin,
    body: {
      projectId: t.fixture.projectA,
      kind: '停电',
      emergency: true,
      title,
      unitIds: [t.fixture.unitsA[6]],
      residentText: '尊敬的{{resident.name}}:{{unit.label}}临时停电。',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as { id: number }).id;
  await t.services.queue.drain();
  const list = await t.request('GET', `/api/incidents/${id}/deliveries`, { token: admin });
  return (
    list.json() as {
      items: {
        residentId: number;
        channel: string;
        status: string;
        providerMessageId: string;
        error: string | null;
      }[];
      counts: { byStatus: Record<string, number>; byChannel: Record<string, number> };
    }
  ).items;
}

describe('delivery providers', () => {
  it('sends e-mail through a real SMTP listener and WeChat through a signed HTTP gateway', async () => {
    process.env[HTTP_SECRET_ENV] = SECRET;
    const items = await incidentDeliveries('2号楼配电检修');
    const mail = items.find((d) => d.residentId === residents.email);
    const wechat = items.find((d) => d.residentId === residents.wechat);
    expect(mail).toMatchObject({ channel: 'email', status: 'sent' });
    expect(mail?.providerMessageId).toMatch(/@/);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]?.to).toEqual(['zhaomin@example.com']);
    expect(smtp.mails[0]?.from).toBe('service@example.com');
    expect(smtp.mails[0]?.raw).toContain('Subject: =?UTF-8?');
    expect(wechat).toMatchObject({ channel: 'wechat', status: 'sent', providerMessageId: 'gw-1' });
    expect(gatewayHits[0]).toMatchObject({
      ok: true,
      body: {
        channel: 'wechat',
        to: '+8613700002222',
        templateId: 'TPL-OUTAGE',
        text: '尊敬的钱勇:2-1-201临时停电。',
      },
    });
  });

  it('a gateway refusing the signature leaves the error on the row and retries', async () => {
    process.env[HTTP_SECRET_ENV] = 'wrong-secret';
    try {
      const items = await incidentDeliveries('2号楼二次停电');
      const wechat = items.find((d) => d.residentId === residents.wechat);
      expect(wechat).toMatchObject({ status: 'pending' });
      expect(wechat?.error).toContain('HTTP 401');
      expect(gatewayHits.at(-1)?.ok).toBe(false);
    } finally {
      process.env[HTTP_SECRET_ENV] = SECRET;
    }
    t.clock.advanceMinutes(1);
    await t.services.queue.drain();
    expect(gatewayHits.at(-1)?.ok).toBe(true);
  });
});

import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { closeSmtpTransports } from '../delivery/providers/smtp';
import type { IntakeResult } from './receive-mail';
import { type SmtpReceiver, startSmtpReceiver } from './smtp-receiver';

let t: TestServer;
let admin: string;
let receiver: SmtpReceiver;
/** The resident's own mail server: where the agents' replies must arrive. */
let residentMx: SMTPServer;
const delivered: { to: string[]; raw: Buffer }[] = [];
const intakes: IntakeResult[] = [];
let residentId: number;

const INBOX = 'kefu@a.guanjia.local';
const PHOTO = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

beforeAll(async () => {
  t = await createTestServer();
  admin = await t.login('admin');
  const f = t.fixture;
  residentMx = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        delivered.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => residentMx.listen(0, '127.0.0.1', resolve));

  const config = await t.request('PUT', '/api/mail/config', {
    token: admin,
    body: { projectId: f.projectA, address: 'KeFu@A.guanjia.local' },
  });
  expect(config.statusCode, config.body).toBe(200);
  const providers = await t.request('PUT', '/api/settings/delivery.providers', {
    token: admin,
    body: {
      projectId: f.projectA,
      value: {
        sms: 'log',
        wechat: 'log',
        email: 'smtp',
        smtpUrl: `smtp://127.0.0.1:${(residentMx.server.address() as AddressInfo).port}`,
      },
    },
  });
  expect(providers.statusCode, providers.body).toBe(200);
  const resident = await t.request('POST', '/api/residents', {
    token: admin,
    body: {
      projectId: f.projectA,
      name: '赵敏',
      email: 'ZhaoMin@Example.com',
      phones: ['13700001111'],
      units: [{ unitId: f.unitsA[6], relation: '业主' }],
    },
  });
  expect(resident.statusCode, resident.body).toBe(201);
  residentId = (resident.json() as { id: number }).id;
  receiver = await startSmtpReceiver(t.services, {
    port: 0,
    host: '127.0.0.1',
    onIntake: (r) => intakes.push(r),
  });
});

afterAll(async () => {
  closeSmtpTransports();
  await receiver?.close();
  await new Promise<void>((resolve) => residentMx?.close(() => resolve()));
  await t?.close();
});

/** The resident's mail client: a real SMTP connection to our receiver. */
function residentMail(message: SendMailOptions) {
  const client = nodemailer.createTransport({
    host: '127.0.0.1',
    port: receiver.port,
    secure: false,
    ignoreTLS: true,
  });
  return client
    .sendMail({ from: '"赵敏" <zhaomin@example.com>', to: INBOX, ...message })
    .finally(() => client.close());
}

type Thread = {
  items: {
    direction: string;
    status: string;
    messageId: string;
    subject: string;
    body: string;
    to: string;
    attachments: { url: string; name: string; size: number }[];
  }[];
  total: number;
};
const threadOf = async (ticketId: number) => {
  const res = await t.request('GET', `/api/tickets/${ticketId}/emails`, { token: admin });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Thread;
};

describe('e-mail intake over SMTP', () => {
  let ticketId: number;
  let ticketNumber: string;
  let ourReplyId: string;

  it('turns a mail to the project address into a ticket of the sender, with its attachment', async () => {
    const info = await residentMail({
      subject: '厨房水管漏水',
      text: '您好，3号楼我家厨房水管一直在滴水，麻烦尽快派人来看看。',
      messageId: '<first-1@example.com>',
      attachments: [{ filename: '漏水照片.png', content: PHOTO, contentType: 'image/png' }],
    });
    expect(info.accepted).toEqual([INBOX]);
    const intake = intakes.at(-1);
    expect(intake?.outcome).toBe('created');
    ticketId = intake?.ticketId ?? 0;
    const res = await t.request('GET', `/api/tickets/${ticketId}`, { token: admin });
    const ticket = res.json() as {
      number: string;
      channel: string;
      status: string;
      residentId: number;
      unitId: number;
      title: string;
      attachments: { url: string; name: string }[];
    };
    expect(ticket).toMatchObject({
      channel: 'email',
      status: '待受理',
      residentId,
      unitId: t.fixture.unitsA[6],
      title: '厨房水管漏水',
    });
    ticketNumber = ticket.number;
    expect(ticket.attachments).toHaveLength(1);
    expect(ticket.attachments[0]?.name).toBe('漏水照片.png');
    const file = await t.request('GET', ticket.attachments[0]?.url ?? '', { token: admin });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PHOTO)).toBe(true);
  });

  it('never makes a second ticket from the same Message-ID', async () => {
    await residentMail({ subject: '厨房水管漏水', text: '重发', messageId: '<first-1@example.com>' });
    expect(intakes.at(-1)).toMatchObject({ outcome: 'duplicate', ticketId });
    const thread = await threadOf(ticketId);
    expect(thread.total).toBe(1);
  });

  it('threads the resident’s follow-up (In-Reply-To) onto the same ticket', async () => {
    await residentMail({
      subject: 'Re: 厨房水管漏水',
      text: '补充一下：水已经流到楼下了。',
      messageId: '<follow-2@example.com>',
      inReplyTo: '<first-1@example.com>',
      references: ['<first-1@example.com>'],
    });
    expect(intakes.at(-1)).toMatchObject({ outcome: 'threaded', ticketId });
    const thread = await threadOf(ticketId);
    expect(thread.items.map((m) => m.messageId)).toEqual(['first-1@example.com', 'follow-2@example.com']);
    const events = await t.request('GET', `/api/tickets/${ticketId}/events`, { token: admin });
    const actions = (events.json() as { items: { action: string }[] }).items.map((e) => e.action);
    expect(actions).toContain('ticket.email_received');
  });

  it('an agent replies from the ticket: the resident’s server receives it threaded, number in the subject', async () => {
    const res = await t.request('POST', `/api/tickets/${ticketId}/email-replies`, {
      token: admin,
      body: { body: '赵女士您好，维修师傅30分钟内上门，请保持电话畅通。' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const sent = res.json() as { status: string; messageId: string; subject: string };
    expect(sent.status).toBe('sent');
    ourReplyId = sent.messageId;
    const mail = delivered.at(-1);
    expect(mail?.to).toEqual(['zhaomin@example.com']);
    const parsed = await simpleParser(mail?.raw ?? Buffer.alloc(0));
    expect(parsed.subject).toBe(`Re: 厨房水管漏水 [${ticketNumber}]`);
    expect(parsed.messageId).toBe(`<${ourReplyId}>`);
    expect(parsed.inReplyTo).toBe('<follow-2@example.com>');
    expect(parsed.references).toEqual(['<first-1@example.com>', '<follow-2@example.com>']);
    expect(parsed.from?.value[0]?.address).toBe(INBOX);
    expect(parsed.text).toContain('维修师傅30分钟内上门');
    const thread = await threadOf(ticketId);
    expect(thread.items.map((m) => [m.direction, m.status])).toEqual([
      ['in', 'received'],
      ['in', 'received'],
      ['out', 'sent'],
    ]);
  });

  it('the resident answering our reply lands on the ticket again, even from a client that keeps only the subject', async () => {
    await residentMail({
      subject: `Re: Re: 厨房水管漏水 [${ticketNumber}]`,
      text: '好的，谢谢！',
      messageId: '<thanks-3@example.com>',
      inReplyTo: `<${ourReplyId}>`,
    });
    expect(intakes.at(-1)).toMatchObject({ outcome: 'threaded', ticketId });
    await residentMail({
      subject: `回复：[${ticketNumber}]`,
      text: '师傅修好了',
      messageId: '<done-4@example.com>',
    });
    expect(intakes.at(-1)).toMatchObject({ outcome: 'threaded', ticketId });
    expect((await threadOf(ticketId)).total).toBe(5);
  });

  it('a stranger’s mail becomes a ticket with the sender as the contact', async () => {
    await residentMail({
      from: '"路过的访客" <visitor@example.org>',
      subject: '小区门口路灯不亮',
      text: '东门路灯坏了好几天了。',
      messageId: '<stranger-5@example.org>',
    });
    const intake = intakes.at(-1);
    expect(intake?.outcome).toBe('created');
    expect(intake?.ticketId).not.toBe(ticketId);
    const res = await t.request('GET', `/api/tickets/${intake?.ticketId}`, { token: admin });
    expect(res.json()).toMatchObject({ channel: 'email', residentId: null, contactName: '路过的访客' });
  });

  it('the same message delivered by two connections at once still makes one ticket', async () => {
    const before = intakes.length;
    const same = { subject: '车库照明坏了', text: 'B2 层一排灯不亮', messageId: '<race-6@example.com>' };
    await Promise.all([residentMail(same), residentMail(same), residentMail(same)]);
    const results = intakes.slice(before);
    expect(results.map((r) => r.outcome).sort()).toEqual(['created', 'duplicate', 'duplicate']);
    expect(new Set(results.map((r) => r.ticketId)).size).toBe(1);
  });

  it('refuses unknown recipients with 550 and oversized mail with 552', async () => {
    const unknown = await residentMail({ to: 'nobody@a.guanjia.local', subject: 'x', text: 'x' }).catch(
      (e: { responseCode?: number }) => e,
    );
    expect(unknown).toMatchObject({ responseCode: 550 });
    const limit = await t.request('PUT', '/api/settings/mail.maxMessageBytes', {
      token: admin,
      body: { projectId: t.fixture.projectA, value: 64 * 1024 },
    });
    expect(limit.statusCode, limit.body).toBe(200);
    const before = intakes.length;
    const big = await residentMail({
      subject: '大附件',
      text: 'x',
      attachments: [{ filename: 'big.bin', content: Buffer.alloc(100 * 1024, 7) }],
    }).catch((e: { responseCode?: number }) => e);
    expect(big).toMatchObject({ responseCode: 552 });
    expect(intakes.length).toBe(before);
  });

  it('refuses a reply when there is no address to answer', async () => {
    const plain = await t.request('POST', '/api/tickets', {
      token: admin,
      body: {
        projectId: t.fixture.projectA,
        type: '咨询',
        unitId: t.fixture.unitsA[0],
        description: '电话咨询',
      },
    });
    const id = (plain.json() as { id: number }).id;
    const res = await t.request('POST', `/api/tickets/${id}/email-replies`, {
      token: admin,
      body: { body: '您好' },
    });
    expect(res.statusCode, res.body).toBe(409);
  });
});

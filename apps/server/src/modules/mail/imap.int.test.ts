import type { AddressInfo } from 'node:net';
import hoodiecrow from 'hoodiecrow-imap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';

let t: TestServer;
let admin: string;
/** A real IMAP server (in-memory mailbox): the project's hosted 企业邮箱 stand-in. */
let imap: ReturnType<typeof hoodiecrow>;

/** To: names an alias the mailbox receives, not the project's address: the mailbox decides the project. */
const raw = (id: string, subject: string, body: string, extra: string[] = []) =>
  [
    'From: "孙丽" <sunli@example.com>',
    'To: kefu@a-corp.example.com',
    `Subject: ${subject}`,
    `Message-ID: <${id}>`,
    ...extra,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
  ].join('\r\n');

beforeAll(async () => {
  t = await createTestServer();
  admin = await t.login('admin');
  imap = hoodiecrow({
    plugins: ['ID', 'ENABLE', 'UNSELECT'],
    storage: {
      INBOX: { messages: [{ raw: raw('imap-1@example.com', '电梯异响', '2号楼电梯运行时有异响。') }] },
      '': { separator: '/', folders: {} },
    },
  });
  await new Promise<void>((resolve) => imap.listen(0, '127.0.0.1', resolve));
  const port = (imap.server.address() as AddressInfo).port;
  const res = await t.request('PUT', '/api/mail/config', {
    token: admin,
    body: {
      projectId: t.fixture.projectA,
      address: 'kefu@a.guanjia.local',
      imapEnabled: true,
      imapHost: '127.0.0.1',
      imapPort: port,
      imapSecure: false,
      imapUser: 'testuser',
      imapPassword: 'testpass',
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ hasImapPassword: true });
  expect(JSON.stringify(res.json())).not.toContain('testpass');
});

afterAll(async () => {
  await new Promise<void>((resolve) => imap?.close(() => resolve()));
  await t?.close();
});

const pollNow = async () => {
  const id = await t.services.queue.enqueue('mail.imapPoll', {});
  expect(id).not.toBeNull();
  await t.services.queue.drain();
};
const emailTickets = async () => {
  const res = await t.request('GET', `/api/tickets?projectId=${t.fixture.projectA}&pageSize=200`, {
    token: admin,
  });
  return (res.json() as { items: { id: number; channel: string }[] }).items.filter(
    (x) => x.channel === 'email',
  );
};

describe('IMAP polling', () => {
  it('takes in new mail, once, and threads a reply that arrives later', async () => {
    await pollNow();
    const first = await emailTickets();
    expect(first).toHaveLength(1);
    // An idle mailbox: `n:*` returns the last old message again, which must not be taken twice.
    await pollNow();
    expect(await emailTickets()).toHaveLength(1);
    imap.appendMessage(
      'INBOX',
      [],
      false,
      raw('imap-2@example.com', 'Re: 电梯异响', '今天早上又响了。', ['In-Reply-To: <imap-1@example.com>']),
    );
    await pollNow();
    expect(await emailTickets()).toHaveLength(1);
    const thread = await t.request('GET', `/api/tickets/${first[0]?.id}/emails`, { token: admin });
    expect((thread.json() as { total: number }).total).toBe(2);
    const config = await t.request('GET', `/api/mail/config?projectId=${t.fixture.projectA}`, {
      token: admin,
    });
    expect(config.json()).toMatchObject({ imapLastError: null });
    expect((config.json() as { imapLastPolledAt: string | null }).imapLastPolledAt).not.toBeNull();
  });
});

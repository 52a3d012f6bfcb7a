import nodemailer from 'nodemailer';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, launchBrowser, login, newContext } from './support/browser';
import { apiClient, freePort, type RunningServer, startServer } from './support/server';

/**
 * E-mail intake in the console (issue 4): the demo's resident e-mail ticket shows its thread on the
 * ticket page, and the agent answers it by e-mail from there (the demo's `log` provider keeps it). A
 * new mail sent over SMTP to the demo mailbox is offered live to the agent who is ready.
 */

const DEMO_PASSWORD = 'demo1234';
let server: RunningServer;
let browser: Browser;
let ticketId: number;
let smtpPort: number;
let inbox: string;

beforeAll(async () => {
  // The child server inherits the environment: the demo's built-in SMTP receiver listens here.
  smtpPort = await freePort();
  process.env.GUANJIA_SMTP_PORT = String(smtpPort);
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  delete process.env.GUANJIA_SMTP_PORT; // other test files in this worker start servers without it
  const agentApi = await apiClient(server.url, 'agent1', DEMO_PASSWORD);
  const tickets = await agentApi.get<{ items: { id: number; channel: string; title: string }[] }>(
    '/api/tickets?pageSize=200',
  );
  const mailTicket = tickets.items.find((t) => t.channel === 'email' && t.title === '卫生间天花板渗水');
  if (!mailTicket) throw new Error('the demo has no e-mail ticket');
  ticketId = mailTicket.id;
  const projectId = (await agentApi.get<{ items: { id: number }[] }>('/api/projects')).items[0]!.id;
  inbox = (
    await apiClient(server.url).then((a) =>
      a.get<{ address: string }>(`/api/mail/config?projectId=${projectId}`),
    )
  ).address;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('e-mail thread on the ticket', () => {
  it('shows the resident’s mails and sends the agent’s reply into the thread', async () => {
    let context: BrowserContext | undefined;
    try {
      context = await newContext(browser, server.url);
      const agent = await context.newPage();
      await login(agent, 'agent1', DEMO_PASSWORD);
      await agent.goto(`${server.url}/tickets/${ticketId}`);
      const thread = agent.getByTestId('email-thread');
      await thread.getByText('马桶正上方', { exact: false }).waitFor();
      expect(await thread.getByTestId('email-message').count()).toBe(2);

      await thread.getByTestId('email-reply-text').fill('您好，明天上午9点安排水电工上门查看楼上管道。');
      await thread.getByTestId('email-reply-send').click();
      const reply = thread.locator('[data-testid="email-message"][data-direction="out"]');
      await reply.getByText('明天上午9点', { exact: false }).waitFor();
      await reply.getByText(/Re: 卫生间天花板渗水 \[/).waitFor();
      await agent.locator('[data-action="ticket.email_sent"]').first().waitFor();
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${context ? explain(context) : ''}\n${server.output()}`);
    } finally {
      await context?.close();
    }
  });

  it('a mail over SMTP becomes a ticket; routing offers the ready agent a web item live, and it opens', async () => {
    let context: BrowserContext | undefined;
    try {
      context = await newContext(browser, server.url);
      const agent = await context.newPage();
      await login(agent, 'agent1', DEMO_PASSWORD);
      await agent.locator('[aria-label="实时推送已连接"]').waitFor();
      const agentApi = await apiClient(server.url, 'agent1', DEMO_PASSWORD);
      await agentApi.put('/api/agents/me/presence', { state: '在线' });

      const client = nodemailer.createTransport({
        host: '127.0.0.1',
        port: smtpPort,
        secure: false,
        ignoreTLS: true,
      });
      await client.sendMail({
        from: '"周先生" <zhou@example.com>',
        to: inbox,
        subject: '小区东门道闸不抬杆',
        text: '今天早上东门道闸识别不了我的车牌，麻烦处理。',
      });
      client.close();
      // Oldest first: the agent is offered the longest-waiting web item, which the new mail set routing for.
      await agent.getByTestId('offer-open').click();
      await agent.waitForURL(/\/tickets\/\d+$/);
      const offered = Number(new URL(agent.url()).pathname.split('/').pop());
      const me = await agentApi.get<{ id: number }>('/api/auth/me');
      expect((await agentApi.get<{ ownerId: number | null }>(`/api/tickets/${offered}`)).ownerId).toBe(me.id);
      await agent.getByTestId('ticket-title').waitFor();
      const mine = await agentApi.get<{ items: { title: string; channel: string }[] }>(
        '/api/tickets?pageSize=200',
      );
      expect(mine.items).toContainEqual(
        expect.objectContaining({ title: '小区东门道闸不抬杆', channel: 'email' }),
      );
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${context ? explain(context) : ''}\n${server.output()}`);
    } finally {
      await context?.close();
    }
  });
});

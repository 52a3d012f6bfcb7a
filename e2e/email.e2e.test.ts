import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, launchBrowser, login, newContext } from './support/browser';
import { apiClient, type RunningServer, startServer } from './support/server';

/**
 * E-mail intake in the console (issue 4): the demo's resident e-mail ticket shows its thread on the
 * ticket page, and the agent answers it by e-mail from there (the demo's `log` provider keeps it).
 */

const DEMO_PASSWORD = 'demo1234';
let server: RunningServer;
let browser: Browser;
let ticketId: number;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const agentApi = await apiClient(server.url, 'agent1', DEMO_PASSWORD);
  const tickets = await agentApi.get<{ items: { id: number; channel: string; title: string }[] }>(
    '/api/tickets?pageSize=200',
  );
  const mailTicket = tickets.items.find((t) => t.channel === 'email' && t.title === '卫生间天花板渗水');
  if (!mailTicket) throw new Error('the demo has no e-mail ticket');
  ticketId = mailTicket.id;
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
});

import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, launchBrowser, login, newContext } from './support/browser';
import { apiClient, type RunningServer, startServer } from './support/server';

/**
 * The call center's front (issue 4): the PBX posts `newCall` for the agent's extension, the agent's
 * console pops the caller's archive, and one click opens a ticket pre-filled with the caller that is
 * linked to the call once logged.
 */

interface ResidentRow {
  id: number;
  name: string;
  phones: { number: string }[];
  units: { unitId: number; label: string }[];
}

const DEMO_PASSWORD = 'demo1234';
let server: RunningServer;
let browser: Browser;
let api: Awaited<ReturnType<typeof apiClient>>;
let projectId: number;
let token: string;
let resident: ResidentRow;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  api = await apiClient(server.url);
  const agentApi = await apiClient(server.url, 'agent1', DEMO_PASSWORD);
  projectId = (await agentApi.get<{ items: { id: number }[] }>('/api/projects')).items[0]!.id;
  token = (await api.post<{ token: string }>('/api/telephony/config/token', { projectId })).token;
  const me = await agentApi.get<{ id: number }>('/api/auth/me');
  await api.put(`/api/telephony/extensions/${me.id}`, { extension: '8001' });
  const residents = await api.get<{ items: ResidentRow[] }>(
    `/api/residents?projectId=${projectId}&pageSize=50`,
  );
  const caller = residents.items.find((r) => r.units.length > 0 && r.phones.length > 0);
  if (!caller) throw new Error('no resident with a unit and a phone');
  resident = caller;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('screen pop', () => {
  it('a posted newCall pops the archive in the agent’s console; the agent opens a pre-filled ticket', async () => {
    let context: BrowserContext | undefined;
    try {
      context = await newContext(browser, server.url);
      const agent = await context.newPage();
      await login(agent, 'agent1', DEMO_PASSWORD);
      await agent.locator('[aria-label="实时推送已连接"]').waitFor();

      const posted = await fetch(`${server.url}/api/telephony/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-guanjia-token': token },
        body: JSON.stringify({
          event: 'newCall',
          callId: 'e2e-call-1',
          direction: 'in',
          from: resident.phones[0]!.number,
          to: '4008001234',
          agent: '8001',
          queue: '报修',
        }),
      });
      expect(posted.status).toBe(200);
      const { callId } = (await posted.json()) as { callId: number };

      const pop = agent.getByTestId('screen-pop');
      await pop.getByText(resident.name).first().waitFor();
      await pop.getByText(resident.units[0]!.label, { exact: false }).first().waitFor();
      await pop.getByTestId('pop-new-ticket').first().click();
      await agent.waitForURL(/\/tickets\/new\?/);
      await agent.getByTestId('caller-card').getByText(resident.name).waitFor();

      // A 报修 needs its category: the 漏水 shortcut picks 户内/水/漏水.
      await agent.getByTestId('shortcut-漏水').click();
      await agent.getByTestId('intake-description').fill('厨房水管漏水（e2e 弹屏）');
      // The knowledge base offers the standard answer for what the caller describes.
      await agent.getByTestId('kb-suggestions').getByText('厨房水管漏水应急处理').waitFor();
      // One request: the ticket and its link to the call are written together.
      const [createdRes] = await Promise.all([
        agent.waitForResponse((r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST'),
        agent.getByTestId('intake-submit').click(),
      ]);
      expect(JSON.parse(createdRes.request().postData() ?? '{}')).toMatchObject({ callId });
      const ticket = (await createdRes.json()) as { id: number; residentId: number; channel: string };
      expect(ticket).toMatchObject({ residentId: resident.id, channel: 'phone' });
      const call = await api.get<{ tickets: { id: number }[] }>(`/api/calls/${callId}`);
      expect(call.tickets.map((x) => x.id)).toEqual([ticket.id]);
    } catch (error) {
      throw new Error(
        `${(error as Error).message}\n${context ? explain(context) : ''}\n${server.output().slice(-2000)}`,
      );
    } finally {
      await context?.close();
    }
  });
});

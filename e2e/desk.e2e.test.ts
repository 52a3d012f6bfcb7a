import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, launchBrowser, login, loginTo, newContext } from './support/browser';
import { apiClient, type RunningServer, startServer } from './support/server';

/**
 * The desk (issue 13): an owner calls, the screen pop shows the open ticket their tenant logged for the
 * same unit (Q44), the agent opens the resident 360 from the pop and presses 催单 instead of logging it
 * again; and every role lands on its own home.
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
let token: string;
let owner: ResidentRow;
let tenantTicket: { id: number; number: string };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  api = await apiClient(server.url);
  const agentApi = await apiClient(server.url, 'agent1', DEMO_PASSWORD);
  const projectId = (await agentApi.get<{ items: { id: number }[] }>('/api/projects')).items[0]!.id;
  token = (await api.post<{ token: string }>('/api/telephony/config/token', { projectId })).token;
  const me = await agentApi.get<{ id: number }>('/api/auth/me');
  await api.put(`/api/telephony/extensions/${me.id}`, { extension: '8001' });
  const residents = await api.get<{ items: ResidentRow[] }>(
    `/api/residents?projectId=${projectId}&pageSize=50`,
  );
  const found = residents.items.find((r) => r.units.length > 0 && r.phones.length > 0);
  if (!found) throw new Error('no resident with a unit and a phone');
  owner = found;
  // The tenant of the same unit reported a burst pipe an hour ago.
  const tenant = await api.post<{ id: number }>('/api/residents', {
    projectId,
    name: '租客小钱',
    phones: ['13700004321'],
    units: [{ unitId: owner.units[0]!.unitId, relation: '租户' }],
  });
  tenantTicket = await api.post<{ id: number; number: string }>('/api/tickets', {
    projectId,
    type: '报修',
    channel: 'phone',
    unitId: owner.units[0]!.unitId,
    residentId: tenant.id,
    description: '卫生间水管爆裂（e2e 同户）',
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function withPage(fn: (page: Page) => Promise<void>): Promise<void> {
  let context: BrowserContext | undefined;
  try {
    context = await newContext(browser, server.url);
    await fn(await context.newPage());
  } catch (error) {
    throw new Error(
      `${(error as Error).message}\n${context ? explain(context) : ''}\n${server.output().slice(-2000)}`,
    );
  } finally {
    await context?.close();
  }
}

describe('resident 360 from the screen pop', () => {
  it("shows the unit's open ticket, opens the 360 and chases the ticket (催单)", async () => {
    await withPage(async (agent) => {
      await login(agent, 'agent1', DEMO_PASSWORD);
      await agent.getByTestId('home-agent').waitFor();
      await agent.locator('[aria-label="实时推送已连接"]').waitFor();
      const posted = await fetch(`${server.url}/api/telephony/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-guanjia-token': token },
        body: JSON.stringify({
          event: 'newCall',
          callId: 'e2e-desk-1',
          direction: 'in',
          from: owner.phones[0]!.number,
          to: '4008001234',
          agent: '8001',
        }),
      });
      expect(posted.status).toBe(200);
      const { callId } = (await posted.json()) as { callId: number };

      const pop = agent.getByTestId('screen-pop');
      // The tenant's ticket shows on the owner's call, with its 催单 button.
      await pop.getByTestId(`pop-open-${tenantTicket.number}`).waitFor();
      await pop.getByTestId(`urge-${tenantTicket.number}`).waitFor();
      await pop.getByTestId(`pop-360-${owner.id}`).click();

      await agent.waitForURL(new RegExp(`/residents/${owner.id}\\?tab=360&callId=${callId}`));
      const open = agent.getByTestId(`r360-open-${tenantTicket.number}`);
      await open.waitFor();
      await open.getByTestId(`urge-${tenantTicket.number}`).click();
      await agent.getByTestId('urge-note').fill('业主说楼下也在渗水');
      const [urged] = await Promise.all([
        agent.waitForResponse((r) => r.url().endsWith(`/api/tickets/${tenantTicket.id}/urge`)),
        agent.getByTestId('urge-submit').click(),
      ]);
      expect(urged.status()).toBe(200);
      expect(JSON.parse(urged.request().postData() ?? '{}')).toMatchObject({ callId });
      await open.getByText('催 1').waitFor();
      const ticket = await api.get<{ urgeCount: number }>(`/api/tickets/${tenantTicket.id}`);
      expect(ticket.urgeCount).toBe(1);
      const call = await api.get<{ tickets: { id: number }[] }>(`/api/calls/${callId}`);
      expect(call.tickets.map((x) => x.id)).toContain(tenantTicket.id);
    });
  });
});

describe('role home pages', () => {
  it.each([
    ['cs_lead', 'home-lead'],
    ['pm_jinxiu', 'home-manager'],
    ['cs_supervisor', 'home-manager'],
    ['tech_plumber', 'tech-home'],
    ['qa1', 'quick-search'],
  ])('%s lands on %s', async (username, testId) => {
    await withPage(async (page) => {
      await loginTo(page, username, DEMO_PASSWORD, testId);
    });
  });

  it('the 主管 home shows today’s KPIs', async () => {
    await withPage(async (page) => {
      await loginTo(page, 'pm_jinxiu', DEMO_PASSWORD, 'home-manager');
      await page.getByTestId('home-intake').waitFor();
      await page.getByTestId('home-answer-rate').waitFor();
      await page.getByTestId('home-open-complaints').waitFor();
    });
  });
});

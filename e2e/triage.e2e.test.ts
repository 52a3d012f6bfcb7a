import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, launchBrowser, login, newContext } from './support/browser';
import { apiClient, type RunningServer, startServer } from './support/server';

/**
 * 智能分类 (issue 22) in the browser: the agent types the resident's words, sees the suggestion (top 3
 * with confidence, the driving words marked) appear while typing, accepts it with one key, and the
 * ticket is logged as 报修 / 户内/水/水管爆裂 / 急 with the suggestion recorded as accepted.
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
let resident: ResidentRow;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const agentApi = await apiClient(server.url, 'agent1', DEMO_PASSWORD);
  const projects = await agentApi.get<{ items: { id: number }[] }>('/api/projects');
  const projectId = projects.items[0]!.id;
  // The administrator's view: the agent sees phones masked (no pii.view), the search needs the number.
  const adminApi = await apiClient(server.url);
  const residents = await adminApi.get<{ items: ResidentRow[] }>(
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

describe('智能分类 at intake', () => {
  it('the agent sees the suggestion while typing and accepts it with one key', async () => {
    const context = await newContext(browser, server.url);
    const agent = await context.newPage();
    const started = Date.now();
    try {
      await login(agent, 'agent1', DEMO_PASSWORD);
      await agent.goto('/tickets/new');
      const search = agent.getByTestId('caller-search').locator('input');
      await search.fill(resident.phones[0]!.number);
      await agent.getByTestId(`caller-option-${resident.id}`).click();
      await agent.getByTestId('caller-card').getByText(resident.name).waitFor();
      await agent
        .getByTestId('intake-description')
        .pressSequentially('厨房水管爆了,水漫到楼下了', { delay: 20 });
      const suggestion = agent.getByTestId('triage-suggestion');
      await suggestion.waitFor();
      await expect
        .poll(() => agent.getByTestId('triage-category-0').textContent())
        .toContain('户内/水/水管爆裂');
      await expect.poll(() => agent.getByTestId('triage-urgency').textContent()).toBe('紧急');
      // The words that drove the choice are marked in the text.
      await expect.poll(() => suggestion.locator('mark').count()).toBeGreaterThan(0);
      await agent.getByTestId('intake-description').press('F2');
      await agent.getByTestId('intake-category').getByText('户内 / 水 / 水管爆裂').waitFor();
      const posted = agent.waitForResponse(
        (r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST',
      );
      const recorded = agent.waitForResponse((r) => /\/api\/tickets\/\d+\/triage$/.test(r.url()));
      await agent.getByTestId('intake-submit').click();
      const response = await posted;
      expect(response.status()).toBe(201);
      const created = (await response.json()) as {
        id: number;
        type: string;
        priority: string;
        categoryPath: string;
      };
      expect(created).toMatchObject({ type: '报修', priority: '急', categoryPath: '户内/水/水管爆裂' });
      const triage = (await (await recorded).json()) as { source: string; corrected: boolean };
      expect(triage).toMatchObject({ source: 'console', corrected: false });
    } catch (error) {
      console.error(`browser diagnostics after ${Date.now() - started} ms:\n${explain(context)}`);
      throw error;
    } finally {
      await context.close();
    }
  });
});

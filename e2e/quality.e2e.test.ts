import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, launchBrowser, login, newContext } from './support/browser';
import { apiClient, type RunningServer, startServer } from './support/server';

/**
 * The QA seat (issue 4): an agent's note with a forbidden phrase is warned about while typed and
 * flagged on the timeline; the QA inspector samples the week, scores the agent's ticket with a
 * deduction; the agent reads the finding in 我的质检 and appeals it.
 */

const DEMO_PASSWORD = 'demo1234';
let server: RunningServer;
let browser: Browser;
let ticket: { id: number; number: string };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const agentApi = await apiClient(server.url, 'agent1', DEMO_PASSWORD);
  const projectId = (await agentApi.get<{ items: { id: number }[] }>('/api/projects')).items[0]!.id;
  ticket = await agentApi.post<{ id: number; number: string }>('/api/tickets', {
    projectId,
    type: '咨询',
    contactName: '周女士',
    contactPhone: '13816889999',
    description: '询问小区游泳池开放时间（e2e 质检）',
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function asUser<T>(username: string, fn: (page: Page) => Promise<T>): Promise<T> {
  let context: BrowserContext | undefined;
  try {
    context = await newContext(browser, server.url);
    const page = await context.newPage();
    await login(page, username, DEMO_PASSWORD);
    return await fn(page);
  } catch (error) {
    throw new Error(
      `${(error as Error).message}\n${context ? explain(context) : ''}\n${server.output().slice(-2000)}`,
    );
  } finally {
    await context?.close();
  }
}

describe('QA seat', () => {
  it('flags a forbidden note, samples and scores it, and the agent appeals the finding', async () => {
    await asUser('agent1', async (page) => {
      await page.goto(`/tickets/${ticket.id}`);
      await page.getByTestId('note-input').fill('游泳池的事我不知道，你等一会再打');
      await page.getByTestId('forbidden-warning').getByText('我不知道').first().waitFor();
      await page.getByTestId('note-save').click();
      const flagged = page.getByTestId('ticket-timeline').getByTestId('forbidden-tag');
      await flagged.first().waitFor();
      expect(await flagged.first().textContent()).toContain('我不知道');
    });

    await asUser('qa1', async (page) => {
      // The 质检席 entry sits in the 呼叫中心 group of the menu.
      await page.getByTestId('side-menu').getByText('呼叫中心').click();
      await page.getByTestId('side-menu').getByText('质检席').click();
      await page.waitForURL(/\/quality$/);
      await page.getByTestId('sample-open').click();
      await page.getByTestId('sample-percent').fill('100');
      const [sampled] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/qa/sample') && r.request().method() === 'POST'),
        page.locator('#sample-run').click(),
      ]);
      expect(sampled.status()).toBe(200);
      expect(((await sampled.json()) as { flagged: number }).flagged).toBeGreaterThanOrEqual(1);
      // The flagged ticket is listed first, with its red tag.
      const row = page.getByTestId('qa-reviews').locator('tr', { hasText: ticket.number });
      await row.getByTestId('forbidden-tag').waitFor();
      await row.getByTestId('review-score').click();
      await page.getByTestId('deduct-language').fill('15');
      await page.getByTestId('score-comment').fill('备注中使用“我不知道”“等一会”');
      const [scored] = await Promise.all([
        page.waitForResponse((r) => /\/api\/qa\/reviews\/\d+\/score$/.test(r.url())),
        page.getByTestId('score-save').click(),
      ]);
      expect(scored.status()).toBe(200);
      expect(await scored.json()).toMatchObject({ status: '已评分', total: 85 });
    });

    await asUser('agent1', async (page) => {
      await page.getByTestId('side-menu').getByText('呼叫中心').click();
      await page.getByTestId('side-menu').getByText('我的质检').click();
      const mine = page.getByTestId('my-review').filter({ hasText: ticket.number });
      await mine.getByText('85 分').waitFor();
      await mine.getByTestId('finding').getByText('扣 15 分').waitFor();
      await mine.getByTestId('appeal-open').click();
      await page.getByTestId('appeal-reason').fill('业主问的是会所泳池，归开发商管，我已转告');
      const [appealed] = await Promise.all([
        page.waitForResponse((r) => /\/api\/qa\/reviews\/\d+\/appeal$/.test(r.url())),
        page.locator('#appeal-submit').click(),
      ]);
      expect(appealed.status()).toBe(200);
      await mine.getByText('申诉中').waitFor();
    });
  });
});

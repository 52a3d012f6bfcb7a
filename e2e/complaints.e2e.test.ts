import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, launchBrowser, login, loginTo, newContext } from './support/browser';
import { apiClient, type RunningServer, startServer } from './support/server';

/**
 * 督办 (issue 13): the 班长 marks a complaint 督办 on its page; the technician it is assigned to sees it
 * on his phone view with its banner.
 */

const DEMO_PASSWORD = 'demo1234';
let server: RunningServer;
let browser: Browser;
let complaint: { id: number; number: string; version: number };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const agentApi = await apiClient(server.url, 'agent1', DEMO_PASSWORD);
  const projectId = (await agentApi.get<{ items: { id: number }[] }>('/api/projects')).items[0]!.id;
  const departments = await agentApi.get<{
    items: { id: number; name: string; members: { id: number; name: string }[] }[];
  }>(`/api/departments?projectId=${projectId}`);
  const engineering = departments.items.find((d) => d.name === '工程部')!;
  const technician = engineering.members.find((m) => m.name === '杨海涛')!;
  const logged = await agentApi.post<{ id: number; number: string; version: number }>('/api/tickets', {
    projectId,
    type: '投诉',
    contactName: '钱先生',
    contactPhone: '13816887777',
    description: '地下车库积水两天无人处理（e2e 督办）',
    grade: 'important',
    cause: '配套设施',
  });
  complaint = await agentApi.post<{ id: number; number: string; version: number }>(
    `/api/tickets/${logged.id}/assign`,
    { version: logged.version, departmentId: engineering.id, assigneeId: technician.id },
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function asUser<T>(fn: (page: Page) => Promise<T>, signIn: (page: Page) => Promise<void>): Promise<T> {
  let context: BrowserContext | undefined;
  try {
    context = await newContext(browser, server.url);
    const page = await context.newPage();
    await signIn(page);
    return await fn(page);
  } catch (error) {
    throw new Error(
      `${(error as Error).message}\n${context ? explain(context) : ''}\n${server.output().slice(-2000)}`,
    );
  } finally {
    await context?.close();
  }
}

describe('督办', () => {
  it('the 班长 marks a complaint 督办 and the responsible technician sees it with its banner', async () => {
    const note = '今天下班前处理完地库积水并回复业主';
    await asUser(
      async (page) => {
        await page.goto(`/tickets/${complaint.id}`);
        await page.getByTestId('handling-panel').waitFor();
        expect(await page.getByTestId('handling-assignee').textContent()).toBe('杨海涛');
        await page.getByTestId('action-supervise').click();
        await page.getByTestId('supervise-note').fill(note);
        const [saved] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith(`/api/tickets/${complaint.id}/supervise`)),
          page.getByTestId('supervise-submit').click(),
        ]);
        expect(saved.status()).toBe(200);
        await page
          .getByTestId('handling-panel')
          .getByTestId('supervision-banner')
          .getByText(note, { exact: false })
          .waitFor();
      },
      (page) => login(page, 'cs_lead', DEMO_PASSWORD),
    );

    await asUser(
      async (page) => {
        const item = page.getByTestId(`my-supervision-${complaint.number}`);
        await item.waitFor();
        const banner = item.getByTestId('supervision-banner');
        expect(await banner.textContent()).toContain(note);
        expect(await banner.getAttribute('data-overdue')).toBe('false');
      },
      (page) => loginTo(page, 'tech_general', DEMO_PASSWORD, 'tech-home'),
    );
  });
});

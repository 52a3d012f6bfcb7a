import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, launchBrowser, login, loginTo, newContext } from './support/browser';
import { apiClient, type RunningServer, startServer } from './support/server';

/**
 * 巡检 on the phone (issue 16): a technician at 390×844 scans the 2号生活水泵's label (the payload typed
 * as a scanner types it), fills its checklist with an out-of-range pressure, loses the network for
 * the last item, comes back online, and the repair work order shows on the dispatch board.
 */

const DEMO_PASSWORD = 'demo1234';
let server: RunningServer;
let browser: Browser;
let pump: { id: number; qr: string };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const eng = await apiClient(server.url, 'eng_supervisor', DEMO_PASSWORD);
  const projectId = (await eng.get<{ items: { id: number }[] }>('/api/projects')).items[0]!.id;
  const found = await eng.get<{ items: { id: number; qr: string; code: string }[] }>(
    `/api/equipment?projectId=${projectId}&q=GPS-02`,
  );
  pump = found.items.find((e) => e.code === 'GPS-02')!;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function inContext<T>(
  options: Parameters<typeof newContext>[2],
  fn: (context: BrowserContext) => Promise<T>,
) {
  const context = await newContext(browser, server.url, options);
  try {
    return await fn(context);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${explain(context)}\n${server.output().slice(-2000)}`);
  } finally {
    await context.close();
  }
}

describe('巡检 on the phone', () => {
  it('scan → checklist with one out-of-range reading → offline last item → online → work order on the board', async () => {
    const taskId = await inContext(
      { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
      async (context) => {
        const page = await context.newPage();
        await loginTo(page, 'tech_plumber', DEMO_PASSWORD, 'tech-home');
        await page.getByTestId('tech-inspections-link').getByText('巡检').click();
        await page.getByTestId('tech-inspections').waitFor();
        // A USB/Bluetooth scanner types the payload and presses Enter.
        const scan = page.getByTestId('scan-input').locator('input');
        await scan.fill(pump.qr);
        await scan.press('Enter');
        await page.getByTestId('tech-equipment').waitFor();
        await page
          .getByRole('button', { name: /水泵、变频控制柜/ })
          .first()
          .click();
        await page.getByTestId('tech-checklist').waitFor();
        const id = Number(new URL(page.url()).pathname.split('/').pop());

        const pressure = page.getByTestId('item-pressure').locator('input');
        await pressure.fill('0.85');
        await pressure.press('Enter');
        await page.getByText('超出正常范围').waitFor();
        await page.getByTestId('item-vfd-pass').click();
        await page.getByTestId('synced').waitFor();

        // The signal drops for the last item: the answer stays on the phone.
        await context.setOffline(true);
        await page.getByTestId('item-tank-pass').click();
        await page.getByTestId('checklist-submit').click();
        await page.getByTestId('offline-banner').waitFor();
        await page.getByTestId('pending-count').waitFor();
        const kept = await page.evaluate(
          (k) =>
            (globalThis as { localStorage?: { getItem(key: string): string | null } }).localStorage?.getItem(
              k,
            ),
          `guanjia.inspection.${id}`,
        );
        expect(kept).toContain('"tank"');

        await context.setOffline(false);
        await page.getByTestId('task-done').waitFor({ timeout: 20_000 });
        await page.getByTestId('item-pressure-wo').waitFor();
        return id;
      },
    );

    const eng = await apiClient(server.url, 'eng_supervisor', DEMO_PASSWORD);
    const task = await eng.get<{
      status: string;
      results: { itemId: string; failed: boolean; workOrderId: number | null }[];
    }>(`/api/inspection-tasks/${taskId}`);
    expect(task.status).toBe('done');
    expect(task.results).toHaveLength(3);
    const failed = task.results.find((r) => r.itemId === 'pressure')!;
    expect(failed.failed).toBe(true);
    const wo = await eng.get<{ ticket: { number: string } }>(`/api/work-orders/${failed.workOrderId}`);

    await inContext({}, async (context) => {
      const page = await context.newPage();
      await login(page, 'eng_supervisor', DEMO_PASSWORD);
      await page.goto('/dispatch');
      await page.getByTestId(`wo-card-${wo.ticket.number}`).waitFor();
    });
  });

  it('the 工程管理 console: ledger, plans from §3.8, task board with warnings, R12 with its chart', async () => {
    await inContext({}, async (context) => {
      const page = await context.newPage();
      await login(page, 'eng_supervisor', DEMO_PASSWORD);
      await page.goto('/assets/equipment');
      const search = page.getByTestId('equipment-search').locator('input');
      await search.fill('GPS-01');
      await search.press('Enter');
      await page.getByTestId('equipment-page').getByText('GPS-01').waitFor();
      await page.getByTestId('equipment-page').getByText('GPS-01').click();
      await page.getByTestId('equipment-detail').getByText('GJ1:EQ:', { exact: false }).waitFor();
      if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/equipment.png` });
      await page.goto('/assets/plans');
      await page.getByTestId('generate-plans').waitFor();
      await page.getByText('电梯运行状态巡视', { exact: false }).first().waitFor();
      await page.goto('/assets/tasks?warned=1');
      await page.getByTestId('missed-warnings').getByText('装修现场巡查', { exact: false }).waitFor();
      await page.goto('/assets/report');
      await page.getByTestId('report-chart').locator('canvas').waitFor();
      if (process.env.E2E_SHOTS)
        await page.screenshot({ path: `${process.env.E2E_SHOTS}/report.png`, fullPage: true });
    });
  });
});

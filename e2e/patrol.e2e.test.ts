import { formatQrCode } from '@guanjia/shared';
import type { PatrolRoute } from '@guanjia/shared/api';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, launchBrowser, login, loginTo, newContext } from './support/browser';
import { ADMIN_PASSWORD, apiClient, type RunningServer, startServer } from './support/server';

/**
 * 巡更 on a 390×844 phone (issue 16): the security officer opens 我的巡更, checks in two points by
 * typing their QR payloads as a scanner would, a label of another project is refused with its reason,
 * and the console's 巡检记录 shows the patrol graded point by point.
 */
const DEMO_PASSWORD = 'demo1234';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const ROUTE = '东区临时巡更';

let server: RunningServer;
let browser: Browser;
let route: PatrolRoute;
let otherProject: number;
const contexts: BrowserContext[] = [];

/** HH:MM on the estate's clock, `minutes` from now, floored to five minutes. */
function clock(minutes: number): string {
  const at = new Date(Date.now() + minutes * 60_000);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(at)
    .split(':')
    .map(Number);
  const m = Math.floor((parts[1] ?? 0) / 5) * 5;
  return `${String(parts[0]).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const api = await apiClient(server.url, 'admin', ADMIN_PASSWORD);
  const projects = await api.get<{ items: { id: number }[] }>('/api/projects');
  otherProject = projects.items[1]!.id;
  // A patrol that starts now: the route's one daily start is the current five minutes.
  route = await api.post<PatrolRoute>('/api/patrol-routes', {
    projectId: projects.items[0]!.id,
    name: ROUTE,
    kind: 'security',
    schedule: { from: clock(0), to: clock(60), everyMinutes: 1440 },
    toleranceMinutes: 10,
    points: [
      { code: 'E2E-1', name: '东门岗亭', place: '东门', offsetMinutes: 0 },
      { code: 'E2E-2', name: '东区车库口', place: '地下车库', offsetMinutes: 5 },
      { code: 'E2E-3', name: '东区配电房', place: '5号楼', offsetMinutes: 40 },
    ],
  });
}, 420_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(options: Parameters<typeof newContext>[2] = {}): Promise<Page> {
  const context = await newContext(browser, server.url, options);
  contexts.push(context);
  return context.newPage();
}

/** Type the payload as the scanner would, and wait for the answer naming what it expects. */
async function scan(page: Page, code: string, expected: string): Promise<void> {
  await page.getByTestId('patrol-code').fill(code);
  await page.getByTestId('patrol-scan').click();
  await page.getByTestId('patrol-note').filter({ hasText: expected }).waitFor();
}

describe('a night patrol on the phone', () => {
  it('checks in two points by their QR payloads and refuses another project’s label', async () => {
    const phone = await open(PHONE);
    try {
      await loginTo(phone, 'security1', DEMO_PASSWORD, 'tech-home');
      await phone.getByTestId('patrol-entry').click();
      await phone.getByTestId('patrol-card').filter({ hasText: ROUTE }).first().click();
      await phone.getByTestId('patrol-code').waitFor();

      await scan(phone, route.points[0]!.qr, '东门岗亭：按时');
      const foreign = formatQrCode({ kind: 'patrolPoint', projectId: otherProject, code: 'E2E-2' });
      await scan(phone, foreign, '该巡检点属于其他项目，不属于本次巡检');
      await scan(phone, route.points[1]!.qr, '东区车库口：按时');
      // The list shows both points graded and the third still open.
      await phone.getByTestId('patrol-grade').nth(1).waitFor();
      const grades = await phone.getByTestId('patrol-point').allTextContents();
      expect(grades[0]).toContain('按时');
      expect(grades[1]).toContain('按时');
      expect(grades[2]).toContain('未到时');
      expect(
        await phone.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth + 1'),
      ).toBe(true);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${explain(contexts.at(-1)!)}`);
    }
  });

  it('shows the graded patrol in the console’s 巡检记录', async () => {
    const page = await open();
    try {
      await login(page, 'eng_supervisor', DEMO_PASSWORD);
      await page.goto('/engineering/patrol');
      const row = page.getByTestId('patrol-records').locator('tr.ant-table-row').filter({ hasText: ROUTE });
      await row.waitFor();
      expect(await row.textContent()).toContain('2/3');
      await row.locator('.ant-table-row-expand-icon').click();
      const detail = page.locator('tr.ant-table-expanded-row').filter({ hasText: '东门岗亭' });
      await detail.waitFor();
      expect(await detail.getByTestId('patrol-grade').allTextContents()).toEqual(['按时', '按时']);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${explain(contexts.at(-1)!)}`);
    }
  });
});

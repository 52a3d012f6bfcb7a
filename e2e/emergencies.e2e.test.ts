import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, launchBrowser, login, newContext } from './support/browser';
import { type RunningServer, startServer } from './support/server';

/**
 * 应急 (issue 17) in the real browser: a guard reports a burst pipe on a 390×844 phone, the team leader
 * acknowledges its first step from the console, the project manager writes the 复盘 and downloads the
 * 特别事件报告 PDF.
 */

const DEMO_PASSWORD = 'demo1234';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(options: Parameters<typeof newContext>[2] = {}): Promise<Page> {
  const context = await newContext(browser, server.url, options);
  contexts.push(context);
  return context.newPage();
}

/** The dropdown on screen (antd keeps the closed ones in the page, hidden). */
const OPEN = '.ant-select-dropdown:visible';

/** Open an antd Select by its form field id and pick the option with this title. */
async function pick(page: Page, fieldId: string, title: string) {
  await page.locator(`#${fieldId}`).click();
  await page.locator(`${OPEN} .ant-select-item-option[title="${title}"]`).click();
  // Wait for it to close: the next dropdown must not be confused with this one.
  await expect.poll(() => page.locator(OPEN).count()).toBe(0);
}

describe('emergencies', () => {
  let emergencyId = 0;

  it('a guard reports a burst pipe on the phone', async () => {
    const page = await open(PHONE);
    try {
      await page.goto('/login');
      await page.locator('input[name=username]').fill('security1');
      await page.locator('input[name=password]').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.goto('/tech/emergency');
      await pick(page, 'type', '爆管');
      await page.locator('#buildingId').click();
      await page.locator(`${OPEN} .ant-select-item-option`).first().click();
      await page.getByTestId('em-place').fill('2号楼地下室水泵房');
      await page.getByTestId('em-description').fill('水泵房给水管爆裂，水漫到车道');
      // The screen fits the phone: nothing wider than the viewport.
      expect(
        await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth + 1'),
      ).toBe(true);
      const created = page.waitForResponse(
        (r) => r.url().endsWith('/api/emergencies') && r.request().method() === 'POST',
      );
      await page.getByTestId('em-submit').click();
      const res = await created;
      expect(res.status()).toBe(201);
      emergencyId = ((await res.json()) as { id: number }).id;
      await page.getByTestId('tech-home').waitFor();
    } catch (error) {
      throw new Error(`${String(error)}\n${explain(page.context())}`);
    }
  });

  it('the team leader acknowledges the first step from the console', async () => {
    const page = await open();
    try {
      await login(page, 'cs_lead', DEMO_PASSWORD);
      await page.goto(`/emergencies/${emergencyId}`);
      await page.getByTestId('em-steps').waitFor();
      await page.getByTestId('ack-leader').click();
      await page.getByTestId('em-status').filter({ hasText: '已确认' }).waitFor();
      expect(await page.getByTestId('step-leader-status').textContent()).toMatch(/按时|超时/);
    } catch (error) {
      throw new Error(`${String(error)}\n${explain(page.context())}`);
    }
  });

  it('the project manager brings it under control, writes the review and downloads the PDF', async () => {
    const page = await open();
    try {
      await login(page, 'pm_jinxiu', DEMO_PASSWORD);
      await page.goto(`/emergencies/${emergencyId}`);
      for (const status of ['已到场', '已控制']) {
        await page.getByTestId('em-next').click();
        await page.getByTestId('em-status').filter({ hasText: status }).waitFor();
      }
      await page.getByTestId('review-cause').fill('水泵房给水管老化');
      await page.getByTestId('review-course').fill('巡逻发现后关阀，班长确认，抢修 40 分钟');
      await page.getByTestId('review-evaluation').fill('响应及时，通知住户需更快');
      await page.getByTestId('review-submit').click();
      await page.getByTestId('em-review').getByText('水泵房给水管老化').waitFor();
      const download = page.waitForEvent('download');
      await page.getByTestId('em-pdf').click();
      const file = await (await download).path();
      expect(readFileSync(file).subarray(0, 4).toString()).toBe('%PDF');
    } catch (error) {
      throw new Error(`${String(error)}\n${explain(page.context())}`);
    }
  });
});

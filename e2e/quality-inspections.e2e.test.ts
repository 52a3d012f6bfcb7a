import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, launchBrowser, login, newContext } from './support/browser';
import { type RunningServer, startServer } from './support/server';

/**
 * 品质检查 (issue 18) in the real browser: the 品质专员 scores the seeded Sunac sheet on a 390×844 phone
 * (the score follows each finding live) and submits; the 工程部 head then finds the 整改单 in the console.
 */

const DEMO_PASSWORD = 'demo1234';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const OPEN = '.ant-select-dropdown:visible';

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

async function pick(page: Page, fieldId: string, title: RegExp) {
  await page.locator(`#${fieldId}`).click();
  await page.locator(`${OPEN} .ant-select-item-option`).filter({ hasText: title }).first().click();
  await expect.poll(() => page.locator(OPEN).count()).toBe(0);
}

describe('quality inspections', () => {
  it('an inspector scores the seeded sheet on a phone; the department head sees the 整改单', async () => {
    const phone = await open(PHONE);
    try {
      await phone.goto('/login');
      await phone.locator('input[name=username]').fill('quality1');
      await phone.locator('input[name=password]').fill(DEMO_PASSWORD);
      await phone.getByTestId('login-submit').click();
      await phone.waitForURL((u) => !u.pathname.startsWith('/login'));
      await phone.goto('/quality/mobile');
      await phone.getByTestId('qi-start').click();
      await pick(phone, 'sheetId', /融创物业基本服务标准及评分细则/);
      await pick(phone, 'departmentId', /工程部/);
      await phone.getByTestId('qi-start-ok').click();
      await phone.getByTestId('qi-form').waitFor();
      await phone.getByTestId('qi-live-total').filter({ hasText: /^210/ }).waitFor();
      // Fits the phone: nothing wider than the viewport.
      expect(
        await phone.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth + 1'),
      ).toBe(true);
      // Three on-site defects in the equipment room: −2 each (Q111), the total follows live.
      await phone.getByTestId('qi-add-eng1').click();
      await phone.getByTestId('qi-finding-count').fill('3');
      await phone.getByTestId('qi-finding-note').fill('水泵房未装挡鼠板');
      await phone.getByTestId('qi-finding-save').click();
      await phone.getByTestId('qi-score-eng1').filter({ hasText: '4/10' }).waitFor();
      await phone.getByTestId('qi-live-total').filter({ hasText: /^204/ }).waitFor();
      const submitted = phone.waitForResponse((r) => /\/api\/inspections\/\d+\/submit$/.test(r.url()));
      await phone.getByTestId('qi-submit').click();
      await phone.getByTestId('qi-submit-ok').click();
      expect((await submitted).status()).toBe(200);
      await phone.getByText('已提交').first().waitFor();
    } catch (error) {
      throw new Error(`${String(error)}\n${explain(phone.context())}`);
    }

    const page = await open();
    try {
      await login(page, 'eng_supervisor', DEMO_PASSWORD);
      await page.goto('/quality/rectifications');
      await page.getByTestId('rect-mine').click();
      await page.getByTestId('rect-row').filter({ hasText: '设备房 ×3' }).first().waitFor();
      await page.getByTestId('rect-row').filter({ hasText: '设备房 ×3' }).first().click();
      await page.getByText('水泵房未装挡鼠板').first().waitFor();
    } catch (error) {
      throw new Error(`${String(error)}\n${explain(page.context())}`);
    }
  });
});

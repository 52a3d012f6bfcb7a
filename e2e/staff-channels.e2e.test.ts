import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, launchBrowser, login, newContext } from './support/browser';
import { apiClient, type RunningServer, startServer } from './support/server';

/**
 * Staff alert channels: the 班长 opens "my notification settings" from the user menu, adds SMS to
 * the e-mail the demo gave her and saves; the server holds exactly what she chose.
 */
const DEMO_PASSWORD = 'demo1234';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('staff notification channels', () => {
  it('a 班长 adds SMS to her SLA alert channels on her own settings screen', async () => {
    const context = await newContext(browser, server.url);
    try {
      const page = await context.newPage();
      await login(page, 'cs_lead', DEMO_PASSWORD);
      await page.getByTestId('user-menu').click();
      await page.getByTestId('my-channels').click();
      const form = page.getByTestId('staff-channels-form');
      await form.waitFor();
      // The demo seed chose e-mail for her.
      await expect
        .poll(() => form.getByTestId('staff-channel-email-input').inputValue())
        .toBe('guxiaoyan@anju-wuye.cn');
      await form.getByTestId('staff-channel-sms').click();
      await form.getByLabel('手机号码').fill('13916021004');
      await page.getByTestId('staff-channels-save').click();
      await page.getByText('通知设置已保存').waitFor();
      const lead = await apiClient(server.url, 'cs_lead', DEMO_PASSWORD);
      const saved = await lead.get<{ channels: string[]; mobile: string; version: number }>(
        '/api/auth/me/channels',
      );
      expect(saved).toMatchObject({ channels: ['email', 'sms'], mobile: '+8613916021004', version: 2 });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${explain(context)}`);
    } finally {
      await context.close();
    }
  });
});

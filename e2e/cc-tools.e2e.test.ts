import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, launchBrowser, login, newContext } from './support/browser';
import { ADMIN_PASSWORD, apiClient, type RunningServer, startServer } from './support/server';

/**
 * Issue 13 end to end: the wall TV shows a seat that never signed in as 离线 and follows a call the
 * PBX posts without a reload; an article written and published in the console is found by a resident
 * searching the portal's FAQ in their own words (synonyms).
 */

interface ResidentRow {
  phones: { number: string }[];
  units: { unitId: number }[];
}

let server: RunningServer;
let browser: Browser;
let api: Awaited<ReturnType<typeof apiClient>>;
let projectId: number;
let pbxToken: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  api = await apiClient(server.url);
  projectId = (await api.get<{ items: { id: number }[] }>('/api/projects')).items[0]!.id;
  pbxToken = (await api.post<{ token: string }>('/api/telephony/config/token', { projectId })).token;
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

const fail = (error: unknown): never => {
  throw new Error(`${String(error)}\n${contexts.map(explain).join('\n')}\n${server.output().slice(-2000)}`);
};

async function codeFor(phone: string): Promise<string> {
  for (let i = 0; i < 80; i++) {
    const log = await api.get<{ items: { recipient: string; body: string; status: string }[] }>(
      '/api/deliveries?sourceType=portal_code&pageSize=20',
    );
    const hit = log.items.find((d) => d.recipient.endsWith(phone) && d.status === 'sent');
    const code = hit ? /验证码为(\d{6})/.exec(hit.body)?.[1] : undefined;
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no login code was delivered to ${phone}`);
}

describe('call-center tools', () => {
  it('the wall TV shows a never-signed-in seat as 离线 and updates live when a call arrives', async () => {
    try {
      const { roles } = { roles: await api.get<{ items: { id: number; code: string }[] }>('/api/roles') };
      const agentRole = roles.items.find((r) => r.code === 'agent')!;
      const newcomer = await api.post<{ id: number }>('/api/staff', {
        username: 'wall_newcomer',
        displayName: '新座席小周',
        password: 'newcomer-pass-1',
        roleIds: [agentRole.id],
        projectIds: [projectId],
      });
      await api.put(`/api/telephony/extensions/${newcomer.id}`, { extension: '8077' });

      const page = await open({ viewport: { width: 1920, height: 1080 } });
      await login(page, 'admin', ADMIN_PASSWORD);
      await page.goto('/wallboard');
      await page.getByTestId('wall-fullscreen').click();
      await page.waitForURL(/\/wallboard\/tv$/);
      const tv = page.getByTestId('wall-tv');
      await tv.getByText('● 实时').waitFor();
      const seat = tv.getByTestId(`wall-seat-${newcomer.id}`);
      await seat.getByText('新座席小周').waitFor();
      expect(await seat.getAttribute('data-state')).toBe('离线');
      await seat.getByText('从未签入').waitFor();

      const waiting = tv.getByTestId('wall-waiting').locator('.wall-value');
      const before = Number(await waiting.textContent());
      const posted = await fetch(`${server.url}/api/telephony/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-guanjia-token': pbxToken },
        body: JSON.stringify({
          event: 'newCall',
          callId: 'e2e-wall-1',
          direction: 'in',
          from: '13900001111',
          to: '4008001234',
          queue: '报修',
        }),
      });
      expect(posted.status).toBe(200);
      // No reload and no fast polling: the live socket's call event re-reads the board.
      await waiting.filter({ hasText: new RegExp(`^${before + 1}$`) }).waitFor({ timeout: 10_000 });
    } catch (error) {
      fail(error);
    }
  });

  it('an article created and published in the console is found by a resident in the portal', async () => {
    try {
      const page = await open();
      await login(page, 'admin', ADMIN_PASSWORD);
      await page.goto('/knowledge');
      await page.getByTestId('kb-new').click();
      await page.getByTestId('kb-title').fill('地下室爆管后车辆挪移指引（e2e）');
      await page.getByTestId('kb-category').locator('input').fill('应急');
      await page.getByTestId('kb-visibility').getByText('对业主公开').click();
      await page
        .getByTestId('kb-body')
        .fill('发现地下室水管爆裂，请立即拨打服务中心电话，并按保安指引将车辆挪至地面临时车位。');
      const created = page.waitForResponse(
        (r) => r.url().endsWith('/api/kb/articles') && r.request().method() === 'POST',
      );
      await page.getByTestId('kb-save').click();
      expect((await created).status()).toBe(201);
      await page.getByTestId('kb-status').getByText('草稿').waitFor();
      await page.getByTestId('kb-publish').click();
      await page.getByTestId('kb-status').getByText('已发布').waitFor();

      const residents = await api.get<{ items: ResidentRow[] }>(
        `/api/residents?projectId=${projectId}&pageSize=100`,
      );
      const mobile = residents.items
        .filter((r) => r.units.length > 0)
        .flatMap((r) => r.phones.map((p) => p.number.replace(/^\+86/, '')))
        .find((n) => /^1\d{10}$/.test(n));
      if (!mobile) throw new Error('no resident with a unit and a mobile phone');
      const phone = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      await phone.goto('/portal');
      await phone.getByTestId('portal-phone').fill(mobile);
      await phone.getByTestId('portal-send-code').click();
      await phone.getByTestId('portal-code').fill(await codeFor(mobile));
      await phone.getByTestId('portal-submit').click();
      await phone.getByTestId('portal-service-kb').click();
      // The resident's own words: 水管爆了 reaches the article about 爆管 through the synonyms.
      await phone.getByTestId('portal-kb-search').locator('input').fill('水管爆了');
      await phone.getByTestId('portal-kb-search').locator('input').press('Enter');
      const hit = phone.getByTestId('portal-kb-title').getByText('地下室爆管后车辆挪移指引（e2e）');
      await hit.waitFor();
      await hit.click();
      await phone.getByTestId('portal-kb-body').getByText('临时车位', { exact: false }).waitFor();
    } catch (error) {
      fail(error);
    }
  });
});

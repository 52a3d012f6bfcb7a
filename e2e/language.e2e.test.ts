import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, explain, launchBrowser, login, newContext } from './support/browser';
import { apiClient, type RunningServer, startServer } from './support/server';

/**
 * The console in Chinese as a person sees it: every side-menu entry readable on the dark menu (WCAG
 * contrast computed from the rendered colours), the settings page with a Chinese name, explanation
 * and a real form control for every setting, and server refusals in Chinese.
 */
let server: RunningServer;
let browser: Browser;
let api: Awaited<ReturnType<typeof apiClient>>;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  api = await apiClient(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function withPage<T>(fn: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await newContext(browser, server.url);
  const page = await context.newPage();
  try {
    return await fn(page, context);
  } catch (error) {
    throw new Error(
      `${(error as Error).message}\n--- browser ---\n${explain(context)}\n--- server ---\n${server.output().slice(-2000)}`,
    );
  } finally {
    await context.close();
  }
}

interface TextContrast {
  text: string;
  color: string;
  background: string;
  ratio: number;
}

/**
 * Every piece of label text in the side menu with its contrast ratio against the background it is
 * painted on (the nearest ancestor with an opaque background), by the WCAG 2 formula.
 */
function menuContrasts(page: Page): Promise<TextContrast[]> {
  return page.evaluate(`(() => {
    const parse = (c) => {
      const m = /rgba?[(]([^)]+)[)]/.exec(c);
      const [r = 0, g = 0, b = 0, a = 1] = (m?.[1] ?? '0,0,0,0').split(',').map((x) => Number.parseFloat(x));
      return { r, g, b, a: m?.[0].startsWith('rgba') ? a : 1 };
    };
    const luminance = ({ r, g, b }) => {
      const lin = (v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const backgroundOf = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg.a > 0.5) return bg;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const menu = document.querySelector('[data-testid="side-menu"]');
    const out = [];
    if (!menu) return out;
    const walker = document.createTreeWalker(menu, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const el = node.parentElement;
      // The badge's count is a red pill with its own colours, not a label.
      if (!text || !el || el.closest('sup, .ant-badge-count, .ant-scroll-number')) continue;
      const fg = parse(getComputedStyle(el).color);
      const bg = backgroundOf(el);
      // Semi-transparent text is blended onto its background, as the screen shows it.
      const blended = {
        r: fg.r * fg.a + bg.r * (1 - fg.a),
        g: fg.g * fg.a + bg.g * (1 - fg.a),
        b: fg.b * fg.a + bg.b * (1 - fg.a),
      };
      const [hi, lo] = [luminance(blended), luminance(bg)].sort((a, b) => b - a);
      out.push({
        text,
        color: getComputedStyle(el).color,
        background: \`rgb(\${bg.r}, \${bg.g}, \${bg.b})\`,
        ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
      });
    }
    return out;
})()`);
}

const HAN = /\p{Script=Han}/u;

describe('the console in Chinese', () => {
  it('every side-menu entry, 门户绑定审核 included, reads at WCAG AA contrast on the dark menu', async () => {
    await withPage(async (page) => {
      await login(page, 'admin', server.adminPassword);
      const menu = page.getByTestId('side-menu');
      // Open every group so each entry is painted.
      // Each click opens one group and so changes which groups are still closed: click the first
      // closed one until none is left.
      const closed = menu.locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title');
      for (let guard = 0; guard < 30 && (await closed.count()) > 0; guard++) await closed.first().click();
      await menu.getByText('门户绑定审核').waitFor();
      const contrasts = await menuContrasts(page);
      expect(contrasts.map((c) => c.text)).toContain('门户绑定审核');
      expect(contrasts.length).toBeGreaterThan(20);
      expect(contrasts.filter((c) => c.ratio < 4.5)).toEqual([]);
      // The selected entry (工作台 on the dashboard) too, and another after navigating.
      await menu.getByText('系统设置', { exact: true }).click();
      await page.getByTestId('settings-table').waitFor();
      expect((await menuContrasts(page)).filter((c) => c.ratio < 4.5)).toEqual([]);
    });
  });

  it('the settings page names and explains every setting in Chinese, each with a form control', async () => {
    const settings = await api.get<{ items: { key: string }[] }>('/api/settings');
    await withPage(async (page) => {
      await login(page, 'admin', server.adminPassword);
      await page.goto('/settings');
      const table = page.getByTestId('settings-table');
      await table.getByTestId('setting-name').first().waitFor();
      const names = await table.getByTestId('setting-name').allTextContents();
      const hints = await table.getByTestId('setting-hint').allTextContents();
      const headers = await table.locator('thead th').allTextContents();
      expect(names).toHaveLength(settings.items.length);
      // No label is ASCII only: no raw key, no English description.
      const asciiOnly = [...names, ...hints, ...headers.filter((h) => h.trim())].filter((s) => !HAN.test(s));
      expect(asciiOnly).toEqual([]);
      const body = (await table.textContent()) ?? '';
      for (const { key } of settings.items) expect(body).not.toContain(key);
      // Structured values read as sentences, not JSON.
      expect(body).not.toMatch(/[{}[\]"]/);

      // A structured setting edits with real controls: the escalation chain's role pickers.
      const row = table.locator('tr', { has: page.getByText('时效升级通知') });
      await row.getByRole('button', { name: /修改/ }).click();
      const form = page.getByTestId('setting-form');
      await form.waitFor();
      const labels = await form.locator('label').allTextContents();
      expect(labels.length).toBeGreaterThanOrEqual(4);
      expect(labels.filter((l) => !HAN.test(l))).toEqual([]);
      expect(await form.locator('textarea').count()).toBe(0);
      await form.getByText('客服班长').first().waitFor();
      await page.keyboard.press('Escape');

      // The quiet hours change through their time pickers and are stored as HH:mm.
      const quiet = table.locator('tr', { has: page.getByText('免打扰时段', { exact: true }) });
      await quiet.getByRole('button', { name: /修改/ }).click();
      await page.getByTestId('setting-form').waitFor();
      // Chosen from the list of times.
      const start = page.getByTestId('setting-time-start');
      await chooseOption(page, start, '22:00', start.getByText('22:00'));
      const saved = page.waitForResponse(
        (r) => r.url().includes('/api/settings/delivery.quietHours') && r.request().method() === 'PUT',
      );
      // The escalation dialog may still be fading out: the quiet hours' own dialog saves.
      await page
        .getByRole('dialog')
        .filter({ hasText: '免打扰时段' })
        .getByRole('button', { name: /保\s*存/ })
        .click();
      const put = await saved;
      expect(put.status()).toBe(200);
      const sent = put.request().postDataJSON() as { value: unknown; projectId?: number };
      expect(sent.value).toEqual({ start: '22:00', end: '08:00' });
      // Read back at the scope it was saved at: the page edits the project's value once the project is
      // chosen, the company's before.
      const at = sent.projectId ? `?projectId=${sent.projectId}` : '';
      await expect
        .poll(async () => {
          const after = await api.get<{ items: { key: string; value: unknown }[] }>(`/api/settings${at}`);
          return after.items.find((i) => i.key === 'delivery.quietHours')?.value;
        })
        .toEqual({ start: '22:00', end: '08:00' });
      await table
        .getByTestId('setting-value-delivery.quietHours')
        .filter({ hasText: '22:00–08:00' })
        .waitFor();
    });
  });

  it('a refusal from the server reads Chinese in the console', async () => {
    await withPage(async (page) => {
      await login(page, 'admin', server.adminPassword);
      const refused = page.waitForResponse((r) => r.url().endsWith('/api/residents/99999999'));
      await page.goto('/residents/99999999');
      const response = await refused;
      expect(response.status()).toBe(404);
      expect(response.request().headers()['accept-language']).toBe('zh-CN');
      // The server's own message, in Chinese, under the page's title.
      await page.getByText('住户不存在', { exact: true }).waitFor();
    });
  });
});

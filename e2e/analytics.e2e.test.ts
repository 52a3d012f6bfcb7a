import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnalyticsDashboard, AnalyticsDrillList } from '@guanjia/shared/api';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, launchBrowser, login, newContext } from './support/browser';
import { apiClient, ROOT, type RunningServer, startServer } from './support/server';

/**
 * Issue 21: a 主管 opens the service dashboard, clicks the breached count and sees exactly those
 * tickets, exports that list to Excel (parsed back here) and downloads the monthly PDF, rendered by
 * pdf.js in the browser and read back for its CJK text.
 */
const DEMO_PASSWORD = 'demo1234';

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

async function open(): Promise<Page> {
  const context = await newContext(browser, server.url, { acceptDownloads: true });
  contexts.push(context);
  return context.newPage();
}

describe('数据分析', () => {
  it('the 主管 drills into the breached count, exports it and downloads the monthly PDF', async () => {
    const page = await open();
    try {
      await login(page, 'cs_supervisor', DEMO_PASSWORD);
      const response = page.waitForResponse((r) => /\/api\/analytics\/service\?/.test(r.url()) && r.ok());
      await page.goto('/analytics/service');
      const dashboard = (await (await response).json()) as AnalyticsDashboard;
      const breached = dashboard.cards.find((c) => c.key === 'breached')!;
      const card = page.getByTestId('card-breached');
      await card.getByText(String(breached.value)).first().waitFor();
      // The API's own drill list for the card: what the drawer must show.
      const api = await apiClient(server.url, 'cs_supervisor', DEMO_PASSWORD);
      const qs = new URLSearchParams({ ...breached.drill.query, pageSize: '20' }).toString();
      const expected = await api.get<AnalyticsDrillList>(`${breached.drill.path}?${qs}`);
      expect(expected.total).toBe(breached.value);
      await card.click();
      const total = page.getByTestId('drill-total');
      await total.getByText(String(breached.value)).waitFor();
      const table = page.getByTestId('drill-table');
      const numbers = expected.items.map((i) => String(i.number));
      if (numbers.length) await table.getByText(numbers[0]!).waitFor();
      const shown = await table.locator('tbody tr.ant-table-row td:first-child').allTextContents();
      expect(shown).toEqual(numbers);

      // Excel of the drill list: every breached ticket, parsed back.
      const download = page.waitForEvent('download');
      await page.locator('.ant-drawer').getByTestId('export').click();
      const file = await (await download).path();
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const sheet = book.worksheets[0]!;
      expect(sheet.rowCount - 1).toBe(breached.value);
      const col = sheet.getColumn(1).values.slice(2).map(String);
      expect(col.slice(0, numbers.length)).toEqual(numbers);
      await page.keyboard.press('Escape');

      // The monthly report: fetched as the page links it, rendered by pdf.js, its CJK text read back.
      const href = await page.getByTestId('monthly-pdf').getAttribute('href');
      expect(href).toMatch(/\/api\/reports\/monthly\.pdf\?projectId=\d+&month=\d{4}-\d\d/);
      const res = await fetch(`${server.url}${href}`, { headers: { authorization: `Bearer ${api.token}` } });
      expect(res.status).toBe(200);
      const pdf = Buffer.from(await res.arrayBuffer());
      const viewer = await open();
      const pdfjs = path.join(ROOT, 'node_modules/pdfjs-dist/legacy/build');
      await viewer.route('**/__print/**', async (route) => {
        const name = new URL(route.request().url()).pathname.split('/').pop()!;
        if (name === 'monthly.pdf') return route.fulfill({ body: pdf, contentType: 'application/pdf' });
        if (name.endsWith('.mjs'))
          return route.fulfill({
            body: readFileSync(path.join(pdfjs, name)),
            contentType: 'text/javascript',
          });
        return route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><canvas id="c"></canvas><script type="module">
            import * as pdfjs from '/__print/pdf.mjs';
            pdfjs.GlobalWorkerOptions.workerSrc = '/__print/pdf.worker.mjs';
            const doc = await pdfjs.getDocument('/__print/monthly.pdf').promise;
            const p = await doc.getPage(1);
            const viewport = p.getViewport({ scale: 1.5 });
            const c = document.getElementById('c');
            c.width = viewport.width; c.height = viewport.height;
            await p.render({ canvasContext: c.getContext('2d'), viewport }).promise;
            const text = await p.getTextContent();
            window.__pdf = { pages: doc.numPages, text: text.items.map((i) => i.str).join('') };
          </script>`,
        });
      });
      await viewer.goto('/__print/view.html');
      await viewer.waitForFunction('window.__pdf', null, { timeout: 60_000 });
      const rendered = await viewer.evaluate<{ pages: number; text: string }>('window.__pdf');
      expect(rendered.pages).toBeGreaterThanOrEqual(1);
      expect(rendered.text).toContain('月度客服统计报告');
      expect(rendered.text).toContain('客服分类统计');
      const inked = await viewer.evaluate<number>(`(() => {
        const c = document.getElementById('c');
        const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] < 100 && data[i + 3] > 0) dark++;
        return dark;
      })()`);
      expect(inked).toBeGreaterThan(2000);
    } catch (error) {
      throw new Error(`${String(error)}\n${explain(page.context())}`);
    }
  });
});

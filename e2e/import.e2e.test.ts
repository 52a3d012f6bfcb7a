import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, launchBrowser, login, newContext } from './support/browser';
import { apiClient, type RunningServer, startServer } from './support/server';

let server: RunningServer;
let browser: Browser;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'guanjia-e2e-xlsx-'));

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const api = await apiClient(server.url);
  const projects = await api.get<{ items: unknown[] }>('/api/projects');
  if (!projects.items.length)
    await api.post('/api/projects', { code: 'E2E', name: '测试花园', kind: '住宅' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

/** The import template's columns (sheet 房屋与住户): three good rows and one without the required 房号. */
async function workbook(buildingCode: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('房屋与住户');
  sheet.addRow([
    '楼栋编号',
    '楼栋名称',
    '单元',
    '楼层',
    '房号',
    '房屋类型',
    '房屋状态',
    '建筑面积',
    '住户姓名',
    '手机号码',
    '身份证号',
    '关系',
    'VIP',
    '标签',
    '生日',
  ]);
  sheet.addRow([
    buildingCode,
    `${buildingCode}号楼`,
    '1',
    1,
    '101',
    '住宅',
    '已入住',
    89.5,
    '导入甲',
    '13700000001',
    '',
    '业主',
    '否',
    '',
    '',
  ]);
  sheet.addRow([
    buildingCode,
    `${buildingCode}号楼`,
    '1',
    1,
    '102',
    '住宅',
    '已入住',
    92,
    '导入乙',
    '13700000002',
    '',
    '业主',
    '是',
    '独居老人',
    '1960-05-01',
  ]);
  sheet.addRow([
    buildingCode,
    `${buildingCode}号楼`,
    '1',
    2,
    '201',
    '住宅',
    '空置',
    120,
    '',
    '',
    '',
    '',
    '',
    '',
    '',
  ]);
  sheet.addRow([
    buildingCode,
    `${buildingCode}号楼`,
    '1',
    2,
    '',
    '住宅',
    '已入住',
    88,
    '导入丁',
    '13700000004',
    '',
    '业主',
    '',
    '',
    '',
  ]);
  const file = path.join(tmp, `import-${buildingCode}.xlsx`);
  await book.xlsx.writeFile(file);
  return file;
}

describe('data import page', () => {
  it('uploads an xlsx, follows the progress to done and shows the result with the error report', async () => {
    const file = await workbook(`E${Date.now().toString().slice(-5)}`);
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    try {
      await login(page, 'admin', server.adminPassword);
      await page.getByTestId('side-menu').getByText('数据导入', { exact: true }).click();
      await page.getByTestId('import-template').waitFor();
      expect(await page.getByTestId('import-template').getAttribute('href')).toBe(
        '/api/imports/template.xlsx',
      );

      await page.getByTestId('import-dropzone').setInputFiles(file);
      await page.getByText(path.basename(file)).waitFor();
      const upload = page.waitForResponse(
        (r) => r.url().includes('/api/imports?projectId=') && r.request().method() === 'POST',
      );
      await page.getByTestId('import-start').click();
      const accepted = await upload;
      expect(accepted.status()).toBe(202);
      const { id } = (await accepted.json()) as { id: number };

      await page.locator('[data-testid=import-state][data-state=done]').waitFor({ timeout: 60_000 });
      const bar = page.locator(
        '[data-testid=import-progress][role=progressbar], [data-testid=import-progress] [role=progressbar]',
      );
      await expect.poll(() => bar.first().getAttribute('aria-valuenow')).toBe('100');
      const value = (testId: string) =>
        page.getByTestId(testId).locator('.ant-statistic-content-value').textContent();
      await expect.poll(() => value('import-created')).toBe('3');
      await expect.poll(() => value('import-errors')).toBe('1');
      const report = page.getByTestId('import-error-report');
      expect(await report.getAttribute('href')).toBe(`/api/imports/${id}/errors.xlsx`);

      // The error report downloads with the session cookie.
      const download = await page.evaluate(async (url) => {
        const res = await fetch(url, { credentials: 'same-origin' });
        return { status: res.status, type: res.headers.get('content-type') ?? '' };
      }, `/api/imports/${id}/errors.xlsx`);
      expect(download.status).toBe(200);
      expect(download.type).toContain('spreadsheetml');

      // History lists the job.
      await page.getByTestId('import-history').getByText(path.basename(file)).waitFor();
    } catch (error) {
      await page
        .screenshot({ path: `e2e/out/import-failure-${Date.now()}.png`, fullPage: true })
        .catch(() => undefined);
      console.error(`browser diagnostics:\n${explain(context)}`);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('falls back to polling GET /api/imports/:id every second while the live socket is closed', async () => {
    const file = await workbook(`P${Date.now().toString().slice(-5)}`);
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    // No live socket: every /api/live connection is closed at once, as behind a proxy without WebSocket.
    await page.routeWebSocket(/\/api\/live/, (ws) => ws.close());
    try {
      await login(page, 'admin', server.adminPassword);
      await page.goto('/imports');
      await page.getByTestId('import-dropzone').setInputFiles(file);
      await page.getByText(path.basename(file)).waitFor();
      let polls = 0;
      page.on('request', (r) => {
        if (/\/api\/imports\/\d+$/.test(r.url())) polls += 1;
      });
      await page.getByTestId('import-start').click();
      await page.getByText('每秒刷新').waitFor();
      await page.locator('[data-testid=import-state][data-state=done]').waitFor({ timeout: 60_000 });
      expect(polls).toBeGreaterThan(0);
      const value = (testId: string) =>
        page.getByTestId(testId).locator('.ant-statistic-content-value').textContent();
      await expect.poll(() => value('import-created')).toBe('3');
      await expect.poll(() => value('import-errors')).toBe('1');
    } catch (error) {
      await page
        .screenshot({ path: `e2e/out/import-polling-failure-${Date.now()}.png`, fullPage: true })
        .catch(() => undefined);
      console.error(`browser diagnostics:\n${explain(context)}`);
      throw error;
    } finally {
      await context.close();
    }
  });
});

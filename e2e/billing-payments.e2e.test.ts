import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amountInWords } from '../apps/server/src/modules/billing/rules/amount-in-words';
import { formatFen } from '../packages/shared/src/money-format';
import { explain, launchBrowser, login, newContext } from './support/browser';
import { apiClient, ROOT, type RunningServer, startServer } from './support/server';

/**
 * 收费 (issue 15): a cashier takes a payment at the desk and prints the receipt (read back by pdf.js for
 * its receipt number and the amount in 大写); a resident pays a bill in the portal with 测试支付 and
 * sees the receipt number once the signed notification has come back.
 */

const DEMO_PASSWORD = 'demo1234';

interface ResidentRow {
  id: number;
  name: string;
  phones: { number: string }[];
  units: { unitId: number; label: string }[];
}

let server: RunningServer;
let browser: Browser;
let api: Awaited<ReturnType<typeof apiClient>>;
let deskUnit: { unitId: number; label: string };
let resident: ResidentRow;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  api = await apiClient(server.url);
  const project = (await api.get<{ items: { id: number }[] }>('/api/projects')).items[0]!;
  const residents = await api.get<{ items: ResidentRow[] }>(
    `/api/residents?projectId=${project.id}&pageSize=100`,
  );
  const withMobile = residents.items.filter(
    (r) => r.units.length && r.phones.some((p) => /^1\d{10}$/.test(p.number)),
  );
  resident = withMobile[0]!;
  deskUnit = withMobile.find((r) => !r.units.some((u) => resident.units.some((x) => x.unitId === u.unitId)))!
    .units[0]!;
  // Bills through the billing API: a fixed 物业服务费 on the two units, billed for this month.
  const item = await api.post<{ id: number }>('/api/fee-items', {
    projectId: project.id,
    code: 'E2EWYF',
    name: '物业服务费',
    kind: 'monthly',
    formula: 'fixed',
    fixedAmount: 123_450,
    startDate: '2020-01-01',
  });
  await api.post(`/api/fee-items/${item.id}/units`, {
    unitIds: [deskUnit.unitId, resident.units[0]!.unitId],
  });
  const period = new Date().toISOString().slice(0, 7);
  const run = await api.post<{ id: number }>('/api/billing-runs', { projectId: project.id, period });
  // Wait for the run's job to finish (a condition, not a fixed sleep).
  for (let i = 0; ; i++) {
    const state = await api.get<{ status: string; error: string | null }>(`/api/billing-runs/${run.id}`);
    if (state.status === 'done') break;
    if (state.status === 'failed' || i > 600) throw new Error(`billing run ${state.status}: ${state.error}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await server?.stop();
});

async function open(options: Parameters<typeof newContext>[2] = {}): Promise<Page> {
  const context = await newContext(browser, server.url, options);
  contexts.push(context);
  return context.newPage();
}

/** pdf.js in the browser reads the PDF's text back (the CJK font is embedded, so the text is real text). */
async function pdfText(page: Page, pdf: Buffer): Promise<string> {
  const pdfjs = path.join(ROOT, 'node_modules/pdfjs-dist/legacy/build');
  await page.route('**/__print/**', async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop()!;
    if (name === 'doc.pdf') return route.fulfill({ body: pdf, contentType: 'application/pdf' });
    if (name.endsWith('.mjs'))
      return route.fulfill({ body: readFileSync(path.join(pdfjs, name)), contentType: 'text/javascript' });
    return route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><script type="module">
        import * as pdfjs from '/__print/pdf.mjs';
        pdfjs.GlobalWorkerOptions.workerSrc = '/__print/pdf.worker.mjs';
        const doc = await pdfjs.getDocument('/__print/doc.pdf').promise;
        const text = await (await doc.getPage(1)).getTextContent();
        window.__pdf = text.items.map((i) => i.str).join('');
      </script>`,
    });
  });
  await page.goto('/__print/view.html');
  await page.waitForFunction('window.__pdf', null, { timeout: 30_000 });
  return page.evaluate<string>('window.__pdf');
}

async function codeFor(phone: string): Promise<string> {
  for (let i = 0; i < 80; i++) {
    const log = await api.get<{ items: { recipient: string; body: string; status: string }[] }>(
      '/api/deliveries?sourceType=portal_code&pageSize=20',
    );
    const code = /验证码为(\d{6})/.exec(
      log.items.find((d) => d.recipient.endsWith(phone) && d.status === 'sent')?.body ?? '',
    )?.[1];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no login code was delivered to ${phone}`);
}

describe('收费', () => {
  it('a cashier takes a payment at the desk and prints the receipt', async () => {
    const page = await open();
    try {
      await login(page, 'cashier1', DEMO_PASSWORD);
      await page.goto('/billing/cashier');
      await page.getByTestId('unit-picker').click();
      await page.keyboard.type(deskUnit.label);
      await page.locator('.ant-select-item-option').filter({ hasText: deskUnit.label }).first().click();
      // The demo's own bills for the unit (if any) plus this month's 物业服务费 from the run above.
      const owed = (await api.get<{ arrears: number }>(`/api/units/${deskUnit.unitId}/account`)).arrears;
      expect(owed).toBeGreaterThanOrEqual(123_450);
      await expect.poll(() => page.getByTestId('unit-arrears').textContent()).toBe(formatFen(owed));
      await page.locator('.ant-table-thead .ant-checkbox-input').first().check();
      await expect
        .poll(() =>
          page.locator('input[data-testid=pay-amount], [data-testid=pay-amount] input').first().inputValue(),
        )
        .toBe((owed / 100).toFixed(2));
      await page.getByText('POS刷卡').click();
      await page.getByTestId('take-payment').click();
      const done = page.getByTestId('payment-done');
      await done.waitFor();
      const receiptNo = /SF\d{12,}/.exec((await done.textContent()) ?? '')?.[0];
      expect(receiptNo).toBeTruthy();
      await expect.poll(() => page.getByTestId('unit-arrears').textContent()).toBe('¥0.00');
      const href = await page.getByTestId('print-receipt').getAttribute('href');
      const res = await page.request.get(href!);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('application/pdf');
      const text = await pdfText(await open(), Buffer.from(await res.body()));
      expect(text).toContain(receiptNo!);
      expect(text).toContain(amountInWords(owed));
      expect(text).toContain(deskUnit.label);
    } catch (error) {
      if (process.env.E2E_SCREENSHOTS)
        await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, 'desk.png') });
      throw new Error(`${(error as Error).message}\n${explain(page.context())}`);
    }
  });

  it('a resident pays a bill in the portal with 测试支付', async () => {
    const phone = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const mobile = resident.phones.find((p) => /^1\d{10}$/.test(p.number))!.number;
    try {
      await phone.goto('/portal');
      await phone.getByTestId('portal-phone').fill(mobile);
      const sent = phone.waitForResponse((r) => r.url().endsWith('/api/portal/auth/code'));
      await phone.getByTestId('portal-send-code').click();
      await sent;
      await phone.getByTestId('portal-code').fill(await codeFor(mobile));
      await phone.getByTestId('portal-submit').click();
      // Listen before the click: the bills can load before a listener added after it is in place.
      const bills = phone.waitForResponse((r) => r.url().endsWith('/api/portal/bills'));
      await phone.getByTestId('portal-service-bills').click();
      expect((await bills).status()).toBe(200);
      await phone
        .locator('input[data-testid^="portal-bill-"], [data-testid^="portal-bill-"] input')
        .first()
        .check();
      await phone.getByTestId('portal-pay').click();
      await phone.getByTestId('portal-sandbox-pay').click();
      const paid = phone.getByTestId('portal-paid');
      await paid.waitFor({ timeout: 30_000 });
      const receiptNo = /SF\d{12,}/.exec((await paid.textContent()) ?? '')?.[0];
      expect(receiptNo).toBeTruthy();
      const payments = await api.get<{
        items: { receiptNo: string; method: string; provider: string | null }[];
      }>(`/api/payments?unitId=${resident.units[0]!.unitId}`);
      expect(payments.items.find((p) => p.receiptNo === receiptNo)).toMatchObject({
        method: 'online',
        provider: 'sandbox',
      });
    } catch (error) {
      if (process.env.E2E_SCREENSHOTS)
        await phone.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, 'portal.png') });
      throw new Error(`${(error as Error).message}\n${explain(phone.context())}`);
    }
  });
});

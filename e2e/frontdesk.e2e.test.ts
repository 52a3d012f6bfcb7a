import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, launchBrowser, login, newContext } from './support/browser';
import { ADMIN_PASSWORD, apiClient, type RunningServer, startServer } from './support/server';

/**
 * 前台服务 end to end: a resident on a phone invites a visitor in the portal and the gate's phone page
 * verifies the pass's QR payload (once; a second scan of a one-use pass is refused); the desk logs a
 * parcel in three fields and the resident sees it with its shelf in the portal.
 */

interface ResidentRow {
  id: number;
  phones: { number: string }[];
  units: { unitId: number; label: string }[];
}

const DEMO_PASSWORD = 'demo1234';
let server: RunningServer;
let browser: Browser;
let api: Awaited<ReturnType<typeof apiClient>>;
let mobile: string;
const contexts: BrowserContext[] = [];
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const mobileOf = (r: ResidentRow) =>
  r.phones.map((p) => p.number.replace(/\D/g, '').slice(-11)).find((n) => /^1[3-9]\d{9}$/.test(n));

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  api = await apiClient(server.url);
  const projectId = (await api.get<{ items: { id: number }[] }>('/api/projects')).items[0]!.id;
  const residents = await api.get<{ items: ResidentRow[] }>(
    `/api/residents?projectId=${projectId}&pageSize=100`,
  );
  // A resident the other browser tests do not log in as (they take the first one with a mobile).
  const found = residents.items.filter((r) => r.units.length > 0 && mobileOf(r))[3];
  if (!found) throw new Error('no resident with a unit and a mobile phone');
  mobile = mobileOf(found)!;
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

const used = new Set<string>();
async function codeFor(phone: string): Promise<string> {
  for (let i = 0; i < 80; i++) {
    const log = await api.get<{ items: { recipient: string; body: string; status: string }[] }>(
      '/api/deliveries?sourceType=portal_code&pageSize=20',
    );
    // A code is used once: the second login waits for its own.
    const code = log.items
      .filter((d) => d.recipient.endsWith(phone) && d.status === 'sent')
      .map((d) => /验证码为(\d{6})/.exec(d.body)?.[1])
      .find((c) => c && !used.has(c));
    if (code) {
      used.add(code);
      return code;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no login code was delivered to ${phone}`);
}

async function portalLogin(tab: string, tabName: string): Promise<Page> {
  const phone = await open(PHONE);
  await phone.goto(`/portal?tab=${tab}`);
  // Codes sent before this login (a seed's, an earlier test's) are not this login's.
  const before = await api.get<{ items: { recipient: string; body: string }[] }>(
    '/api/deliveries?sourceType=portal_code&pageSize=50',
  );
  for (const d of before.items)
    if (d.recipient.endsWith(mobile)) used.add(/验证码为(\d{6})/.exec(d.body)?.[1] ?? '');
  await phone.getByTestId('portal-phone').fill(mobile);
  await phone.getByTestId('portal-send-code').click();
  await phone.getByTestId('portal-code').fill(await codeFor(mobile));
  await phone.getByTestId('portal-submit').click();
  await phone.getByRole('tab', { name: tabName, selected: true }).waitFor({ state: 'attached' });
  return phone;
}

const fail = (error: unknown) =>
  new Error(`${String(error)}\n${contexts.map(explain).join('\n')}\n${server.output().slice(-2000)}`);

describe('front desk and the resident portal', () => {
  it('a resident pre-registers a visitor in the portal and the gate verifies the QR payload', async () => {
    try {
      const phone = await portalLogin('visitors', '访客预约');
      await phone.getByTestId('portal-visitor-name').fill('e2e 来访表哥');
      const created = phone.waitForResponse(
        (r) => r.url().endsWith('/api/portal/visitor-passes') && r.request().method() === 'POST',
      );
      await phone.getByTestId('portal-visitor-submit').click();
      const pass = (await (await created).json()) as { id: number; code: string };
      expect(pass.code).toMatch(/^V-/);
      await phone.getByTestId('portal-pass-code').getByText(pass.code).waitFor();
      // The shared picture is the QR the gate scans: a real PNG.
      const qr = phone.getByTestId('portal-pass-qr');
      await qr.waitFor();
      await expect
        .poll(() =>
          qr.evaluate((img) => {
            const i = img as unknown as { complete: boolean; naturalWidth: number };
            return i.complete && i.naturalWidth > 0;
          }),
        )
        .toBe(true);

      const gate = await open(PHONE);
      await login(gate, 'admin', ADMIN_PASSWORD);
      await gate.goto('/frontdesk/gate');
      // The scanner types the QR payload (the code) into the box.
      await gate.getByTestId('gate-code').fill(pass.code);
      await gate.getByTestId('gate-verify').click();
      await gate.getByTestId('gate-answer').getByText('核验通过').waitFor();
      await gate.getByTestId('gate-code').fill(pass.code);
      await gate.getByTestId('gate-verify').click();
      await gate.getByTestId('gate-answer').getByText('次数已用完').waitFor();
    } catch (error) {
      throw fail(error);
    }
  });

  it('the desk logs a parcel and the resident sees it', async () => {
    try {
      const desk = await open();
      await login(desk, 'agent1', DEMO_PASSWORD);
      await desk.goto('/frontdesk/parcels');
      await desk.getByTestId('add-parcel').click();
      await desk.getByTestId('parcel-phone').fill(mobile);
      await desk.getByTestId('parcel-carrier').fill('顺丰');
      await desk.getByTestId('parcel-shelf').fill('E2E-9');
      const saved = desk.waitForResponse(
        (r) => r.url().endsWith('/api/parcels') && r.request().method() === 'POST',
      );
      await desk.locator('.ant-modal-footer .ant-btn-primary').click();
      expect((await saved).status()).toBe(201);

      const phone = await portalLogin('parcels', '我的快递');
      await phone.getByTestId('portal-parcel').filter({ hasText: 'E2E-9' }).getByText('顺丰').waitFor();
    } catch (error) {
      throw fail(error);
    }
  });
});

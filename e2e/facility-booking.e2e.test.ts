import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickUntil, launchBrowser, newContext } from './support/browser';
import { apiClient, type RunningServer, startServer } from './support/server';

/** Issue 20, 场地预约: a resident books the gym in the portal on a phone; the desk sees the booking. */

interface ResidentRow {
  phones: { number: string }[];
  units: { unitId: number; label: string }[];
}

let server: RunningServer;
let browser: Browser;
let api: Awaited<ReturnType<typeof apiClient>>;
let mobile: string;
const contexts: BrowserContext[] = [];

const mobileOf = (r: ResidentRow) =>
  r.phones.map((p) => p.number.replace(/\D/g, '').slice(-11)).find((n) => /^1[3-9]\d{9}$/.test(n));

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  api = await apiClient(server.url);
  const projectId = (await api.get<{ items: { id: number }[] }>('/api/projects')).items[0]!.id;
  const residents = await api.get<{ items: ResidentRow[] }>(
    `/api/residents?projectId=${projectId}&pageSize=100`,
  );
  const found = residents.items.filter((r) => r.units.length > 0 && mobileOf(r))[4];
  if (!found) throw new Error('no resident with a unit and a mobile phone');
  mobile = mobileOf(found)!;
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

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

describe('facility booking in the portal', () => {
  it('a resident books the gym and sees it under my bookings; the desk lists it', async () => {
    const context = await newContext(browser, server.url, {
      viewport: { width: 390, height: 800 },
      isMobile: true,
      hasTouch: true,
    });
    contexts.push(context);
    const phone = await context.newPage();
    await phone.goto('/portal?c=anju');
    await phone.getByTestId('portal-phone').fill(mobile);
    await phone.getByTestId('portal-send-code').click();
    await phone.getByTestId('portal-code').fill(await codeFor(mobile));
    await phone.getByTestId('portal-submit').click();
    // On a phone the 场地预约 tab is past the tab bar's width: the home page's 便民服务 grid opens it.
    await clickUntil(phone.getByTestId('portal-service-bookings'), phone.getByTestId('portal-facility'));
    await phone.getByTestId('portal-facility').click();
    await phone.getByTitle('健身房').click();
    const slot = phone.locator('[data-testid="portal-slot"]:not([disabled])').nth(3);
    await slot.waitFor();
    const startsAt = await slot.getAttribute('data-start');
    await slot.click();
    await phone.getByTestId('portal-booked').waitFor();
    await expect.poll(() => phone.getByTestId('portal-my-bookings').textContent()).toContain('健身房');
    const desk = await api.get<{
      items: { facilityName: string; startsAt: string; source: string; state: string }[];
    }>('/api/bookings?pageSize=100');
    expect(desk.items).toContainEqual(
      expect.objectContaining({ facilityName: '健身房', startsAt, source: 'portal', state: 'confirmed' }),
    );
  });
});

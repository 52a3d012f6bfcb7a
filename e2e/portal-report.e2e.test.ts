import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, explain, launchBrowser, newContext } from './support/browser';
import { apiClient, type RunningServer, startServer } from './support/server';

/**
 * Issue 14, the resident's report: on a 360 px phone the portal says whose it is (logo, company, 小区),
 * the resident picks a problem from the tree, is told why it looks urgent and marks it so, picks a
 * visit window for tomorrow afternoon; the desk dispatches it and the progress page names the
 * technician, when he is due, and offers the service centre's number.
 */

interface ResidentRow {
  id: number;
  phones: { number: string }[];
  units: { unitId: number; label: string }[];
}
interface StaffRow {
  id: number;
  username: string;
  displayName: string;
  skills: string[];
  version: number;
}
interface TicketRow {
  id: number;
  status: string;
  priority: string;
  version: number;
  workOrders: {
    id: number;
    status: string;
    version: number;
    skill: string | null;
    technicianName: string | null;
    appointmentAt: string | null;
    appointmentUntil: string | null;
  }[];
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
  // Not the first one: the portal e2e test uses that resident (a separate server, but the same seed).
  const found = residents.items.filter((r) => r.units.length > 0 && mobileOf(r))[2];
  if (!found) throw new Error('no resident with a unit and a mobile phone');
  mobile = mobileOf(found)!;
});

afterAll(async () => {
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

/** The desk takes the report and dispatches its work order to the plumber (unless dispatch already did). */
async function dispatch(ticketId: number): Promise<string> {
  let t = await api.get<TicketRow>(`/api/tickets/${ticketId}`);
  if (t.status === '待受理')
    t = await api.post<TicketRow>(`/api/tickets/${ticketId}/accept`, { version: t.version });
  const wo = t.workOrders[0]!;
  if (wo.status === '待派单') {
    const staff = await api.get<{ items: StaffRow[] }>('/api/staff?q=tech_plumber');
    let plumber = staff.items.find((s) => s.username === 'tech_plumber')!;
    if (wo.skill && !plumber.skills.includes(wo.skill))
      plumber = await api.patch<StaffRow>(`/api/staff/${plumber.id}`, {
        skills: [...plumber.skills, wo.skill],
        version: plumber.version,
      });
    await api.put(`/api/technicians/${plumber.id}/duty`, { onDuty: true, openCap: 50 });
    t = await api.post<TicketRow>(`/api/work-orders/${wo.id}/dispatch`, {
      version: wo.version,
      technicianId: plumber.id,
    });
  }
  const name = t.workOrders[0]?.technicianName;
  if (!name) throw new Error('the work order has no technician');
  return name;
}

/** Nothing wider than the phone: no sideways scrolling. */
const overflow = async (page: Page) =>
  Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));

describe('resident portal report', () => {
  it('reports an urgent repair with a problem and a visit window, then sees who is coming', async () => {
    const context = await newContext(browser, server.url, {
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    contexts.push(context);
    const phone = await context.newPage();
    try {
      await phone.goto('/portal?c=anju');
      await phone.getByTestId('portal-phone').fill(mobile);
      await phone.getByTestId('portal-send-code').click();
      await phone.getByTestId('portal-code').fill(await codeFor(mobile));
      await phone.getByTestId('portal-submit').click();

      // Whose portal: the demo company's logo (its drawn text logo) and name, and the 小区.
      await expect.poll(() => phone.getByTestId('portal-company').textContent()).toBe('安居物业服务有限公司');
      expect(await phone.getByTestId('portal-logo').getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
      expect(
        Number(
          await phone
            .getByTestId('portal-logo')
            .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
        ),
      ).toBeGreaterThan(0);
      await phone.getByTestId('portal-estates').waitFor();
      expect(await overflow(phone)).toBeLessThanOrEqual(0);

      await phone.getByRole('tab', { name: '报事' }).click();
      await phone.getByTestId('portal-common-categories').waitFor();
      // The problem from the tree, by searching it.
      await phone.getByTestId('portal-category').click();
      await phone.getByTestId('portal-category').locator('input').fill('水管爆裂');
      await phone.locator('.ant-select-tree-node-content-wrapper[title="水管爆裂"]').click();
      await phone.getByTestId('portal-description').fill('厨房水管接头在漏水,地上都是水(e2e)');
      // The form says why it looks urgent; one tap marks it.
      const suggestion = phone.getByTestId('portal-urgent-suggestion');
      await suggestion.getByText('漏水').waitFor();
      await phone.getByTestId('portal-mark-urgent').click();
      await expect.poll(() => phone.getByTestId('portal-urgent').getAttribute('aria-checked')).toBe('true');
      await suggestion.waitFor({ state: 'detached' });
      // Tomorrow afternoon.
      const afternoon = phone.getByTestId('portal-appointment-window').getByText('下午');
      await chooseOption(phone, phone.getByTestId('portal-appointment-day'), '明天', afternoon);
      await afternoon.click();
      expect(await overflow(phone)).toBeLessThanOrEqual(0);

      const shot = process.env.PORTAL_SCREENSHOT;
      if (shot) await phone.screenshot({ path: shot.replace(/\.png$/, '-form.png'), fullPage: true });
      const reported = phone.waitForResponse(
        (r) => r.url().endsWith('/api/portal/tickets') && r.request().method() === 'POST',
      );
      await phone.getByTestId('portal-report-submit').click();
      const response = await reported;
      expect(response.status()).toBe(201);
      const mine = (await response.json()) as {
        id: number;
        priority: string;
        categoryPath: string;
        appointmentUntil: string;
      };
      expect(mine).toMatchObject({ priority: '急', categoryPath: '户内/水/水管爆裂' });
      expect(mine.appointmentUntil).not.toBeNull();

      // The desk and the technician see the window on the work order.
      const staffView = await api.get<TicketRow>(`/api/tickets/${mine.id}`);
      expect(staffView.priority).toBe('急');
      expect(staffView.workOrders[0]?.appointmentUntil).toBe(mine.appointmentUntil);

      await phone.getByTestId('portal-ticket-urgent').waitFor();
      await expect
        .poll(() => phone.getByTestId('portal-ticket-window').textContent())
        .toMatch(/14:00–18:00$/);
      const call = phone.getByTestId('portal-call');
      expect(await call.getAttribute('href')).toMatch(/^tel:[\d+]+$/);

      const technician = await dispatch(mine.id);
      await expect
        .poll(() => phone.getByTestId('portal-technician').textContent(), { timeout: 20_000 })
        .toContain(technician);
      expect(await phone.getByTestId('portal-technician').textContent()).toContain('预计');
      await phone.getByText('已派工').first().waitFor();
      expect(await overflow(phone)).toBeLessThanOrEqual(0);
      if (shot) await phone.screenshot({ path: shot, fullPage: true });
    } catch (error) {
      throw new Error(
        `${String(error)}\n${contexts.map(explain).join('\n')}\n${server.output().slice(-2000)}`,
      );
    }
  });
});

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, launchBrowser, login, newContext } from './support/browser';
import { apiClient, type RunningServer, startServer } from './support/server';

/**
 * Issue 5 end to end: an outage in the caller's building shows on the agent's intake form; a resident
 * on a phone logs into the portal with a one-time code (read from the `log` provider's delivery log),
 * sees the outage, reports a repair, follows it to completion and rates it. A phone not in the archive
 * signs in through the estate's portal link, asks to be bound to a unit, and sees it once the desk
 * approves.
 */

interface ResidentRow {
  id: number;
  name: string;
  phones: { number: string }[];
  units: { unitId: number; label: string }[];
}
interface StaffRow {
  id: number;
  username: string;
  skills: string[];
  version: number;
}
interface TicketRow {
  id: number;
  status: string;
  version: number;
  workOrders: { id: number; status: string; version: number; skill: string | null }[];
}

const DEMO_PASSWORD = 'demo1234';
const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
let server: RunningServer;
let browser: Browser;
let api: Awaited<ReturnType<typeof apiClient>>;
let resident: ResidentRow;
let mobile: string;
let incidentTitle: string;

const mobileOf = (r: ResidentRow) =>
  r.phones.map((p) => p.number.replace(/\D/g, '').slice(-11)).find((n) => /^1[3-9]\d{9}$/.test(n));

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  api = await apiClient(server.url);
  const agentApi = await apiClient(server.url, 'agent1', DEMO_PASSWORD);
  const projectId = (await agentApi.get<{ items: { id: number }[] }>('/api/projects')).items[0]!.id;
  const residents = await api.get<{ items: ResidentRow[] }>(
    `/api/residents?projectId=${projectId}&pageSize=100`,
  );
  const found = residents.items.find((r) => r.units.length > 0 && mobileOf(r));
  if (!found) throw new Error('no resident with a unit and a mobile phone');
  resident = found;
  mobile = mobileOf(found)!;
  const unit = await api.get<{ buildingId: number }>(`/api/units/${found.units[0]!.unitId}`);
  incidentTitle = `e2e 爆管停水 ${Date.now()}`;
  await api.post('/api/incidents', {
    projectId,
    kind: '停水',
    emergency: true,
    title: incidentTitle,
    buildingIds: [unit.buildingId],
    expectedEndAt: new Date(Date.now() + 4 * 3_600_000).toISOString(),
    residentText: '尊敬的{{resident.name}}:{{unit.label}}所在楼栋停水抢修,预计{{incident.until}}恢复。',
    agentScript: '告知住户正在抢修,预计4小时内恢复',
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const contexts: BrowserContext[] = [];
async function open(options: Parameters<typeof newContext>[2] = {}): Promise<Page> {
  const context = await newContext(browser, server.url, options);
  contexts.push(context);
  return context.newPage();
}

/** The code as the `log` provider recorded it: what the demo reads from the console's delivery log. */
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

/** Move the resident's work order through the technician's steps, as the dispatcher may. */
async function finishWork(ticketId: number) {
  let t = await api.get<TicketRow>(`/api/tickets/${ticketId}`);
  // A portal report waits in 待受理 until an agent takes it (首问负责).
  if (t.status === '待受理')
    t = await api.post<TicketRow>(`/api/tickets/${ticketId}/accept`, { version: t.version });
  let wo = t.workOrders[0]!;
  if (wo.status === '待派单') {
    const staff = await api.get<{ items: StaffRow[] }>('/api/staff?q=tech_plumber');
    let plumber = staff.items.find((s) => s.username === 'tech_plumber')!;
    if (wo.skill && !plumber.skills.includes(wo.skill))
      plumber = await api.patch<StaffRow>(`/api/staff/${plumber.id}`, {
        skills: [...plumber.skills, wo.skill],
        version: plumber.version,
      });
    await api.put(`/api/technicians/${plumber.id}/duty`, { onDuty: true });
    t = await api.post<TicketRow>(`/api/work-orders/${wo.id}/dispatch`, {
      version: wo.version,
      technicianId: plumber.id,
    });
    wo = t.workOrders[0]!;
  }
  for (const step of ['accept', 'arrive', 'complete'] as const) {
    t = await api.get<TicketRow>(`/api/tickets/${ticketId}`);
    wo = t.workOrders[0]!;
    const body =
      step === 'complete' ? { version: wo.version, result: '更换阀芯,试水正常' } : { version: wo.version };
    await api.post(`/api/work-orders/${wo.id}/${step}`, body);
  }
}

describe('outages and the resident portal', () => {
  it('agent sees the outage banner for a caller from the affected building', async () => {
    try {
      const agent = await open();
      await login(agent, 'agent1', DEMO_PASSWORD);
      await agent.goto('/tickets/new');
      await agent.getByTestId('caller-search').locator('input').fill(mobile);
      await agent.getByTestId(`caller-option-${resident.id}`).click();
      const banner = agent.getByTestId('incident-banner');
      await banner.getByText(incidentTitle).waitFor();
      await banner.getByText('告知住户正在抢修').waitFor();
    } catch (error) {
      throw new Error(
        `${String(error)}\n${contexts.map(explain).join('\n')}\n${server.output().slice(-2000)}`,
      );
    }
  });

  it('resident logs in with a code on a phone, reports a repair, follows it to completion and rates it', async () => {
    try {
      const phone = await open({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      });
      await phone.goto('/portal');
      await phone.getByTestId('portal-phone').fill(mobile);
      const sent = phone.waitForResponse((r) => r.url().endsWith('/api/portal/auth/code'));
      await phone.getByTestId('portal-send-code').click();
      expect((await sent).status()).toBe(202);
      const code = await codeFor(mobile);
      await phone.getByTestId('portal-code').fill(code);
      await phone.getByTestId('portal-submit').click();
      await phone.getByTestId('portal-incident').getByText(incidentTitle).waitFor();

      await phone.getByRole('tab', { name: '报事' }).click();
      await phone.getByTestId('portal-description').fill('卫生间水龙头关不紧,一直滴水(e2e)');
      await phone
        .getByTestId('portal-photos')
        .setInputFiles({ name: 'tap.png', mimeType: 'image/png', buffer: PNG_1x1 });
      await phone.getByTestId('portal-report').locator('img').first().waitFor();
      const reported = phone.waitForResponse(
        (r) => r.url().endsWith('/api/portal/tickets') && r.request().method() === 'POST',
      );
      await phone.getByTestId('portal-report-submit').click();
      const response = await reported;
      expect(response.status()).toBe(201);
      const ticket = (await response.json()) as { id: number; status: string };
      await expect.poll(() => phone.getByTestId('portal-ticket-status').textContent()).toBe('待受理');
      await phone.getByTestId('portal-ticket-photos').locator('img').first().waitFor();

      await finishWork(ticket.id);
      await expect
        .poll(() => phone.getByTestId('portal-ticket-status').textContent(), { timeout: 20_000 })
        .toBe('待回访');
      await phone.getByText('维修完成').first().waitFor();
      await phone
        .getByTestId('portal-rate')
        .locator('.ant-rate')
        .first()
        .locator('.ant-rate-star')
        .nth(3)
        .click();
      const rated = phone.waitForResponse((r) => /\/api\/portal\/tickets\/\d+\/rate$/.test(r.url()));
      await phone.getByTestId('portal-rate-submit').click();
      expect((await rated).status()).toBe(200);
      await phone.getByTestId('portal-rating').waitFor();
      const staffView = await api.get<{
        residentRating: { overall: number } | null;
        channel: string;
        attachments: { url: string }[];
      }>(`/api/tickets/${ticket.id}`);
      expect(staffView).toMatchObject({ channel: 'portal', residentRating: { overall: 4 } });
      // Photos are uploads now (issue 14), stored re-encoded on the server.
      expect(staffView.attachments[0]?.url).toMatch(/^\/api\/uploads\/\d+$/);
    } catch (error) {
      throw new Error(
        `${String(error)}\n${contexts.map(explain).join('\n')}\n${server.output().slice(-2000)}`,
      );
    }
  });
  it('a phone not in the archive signs in through the portal link, asks for a unit and sees it once approved', async () => {
    try {
      let stranger = 15900001234;
      while (
        (await api.get<{ total: number }>(`/api/residents?q=${stranger}&pageSize=1`)).total > 0 ||
        stranger === Number(mobile)
      )
        stranger++;
      const number = String(stranger);
      const phone = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      // The link on the estate's notice board names the company (the demo company's code is `anju`).
      await phone.goto('/portal?c=anju');
      await phone.getByTestId('portal-phone').fill(number);
      await phone.getByTestId('portal-send-code').click();
      await phone.getByTestId('portal-code').fill(await codeFor(number));
      await phone.getByTestId('portal-submit').click();
      await phone.getByTestId('portal-no-units').waitFor();

      const form = phone.getByTestId('portal-binding-form');
      const pick = async (testId: string) => {
        await form.getByTestId(testId).click();
        await phone.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
        // The closing dropdown stays visible while it animates; the next pick must not find it.
        await expect.poll(() => phone.locator('.ant-select-dropdown:visible').count()).toBe(0);
      };
      await pick('portal-binding-project');
      await pick('portal-binding-building');
      await pick('portal-binding-unit');
      await form.getByTestId('portal-binding-name').fill('钱多多');
      const asked = phone.waitForResponse(
        (r) => r.url().endsWith('/api/portal/bindings') && r.request().method() === 'POST',
      );
      await form.getByTestId('portal-binding-submit').click();
      const response = await asked;
      expect(response.status()).toBe(201);
      const request = (await response.json()) as { id: number; unitId: number; status: string };
      expect(request.status).toBe('待审核');
      await phone.getByTestId(`portal-binding-${request.id}`).getByText('待审核').waitFor();

      // The front desk sees it in its queue (the menu badge counts it) before deciding.
      const desk = await open();
      await login(desk, 'agent1', DEMO_PASSWORD);
      await desk.goto('/residents/bindings');
      await desk.getByTestId(`binding-approve-${request.id}`).waitFor();

      const queue = await api.get<{ items: { id: number; version: number }[] }>(
        '/api/portal-bindings?status=待审核&pageSize=200',
      );
      const row = queue.items.find((r) => r.id === request.id)!;
      await api.post(`/api/portal-bindings/${row.id}/approve`, { version: row.version });

      await phone
        .getByTestId(`portal-binding-${request.id}`)
        .getByText('已通过')
        .waitFor({ timeout: 20_000 });
      await phone.getByTestId(`portal-unit-${request.unitId}`).waitFor({ timeout: 20_000 });
      await phone.getByRole('tab', { name: '报事' }).click();
      await phone.getByTestId('portal-report').waitFor();
    } catch (error) {
      throw new Error(
        `${String(error)}\n${contexts.map(explain).join('\n')}\n${server.output().slice(-2000)}`,
      );
    }
  });

  it('the 班长 logs an outage in the console, follows its deliveries and reviews a notice', async () => {
    try {
      const lead = await open();
      await login(lead, 'cs_lead', DEMO_PASSWORD);
      await lead.goto('/incidents');
      await lead.getByTestId('incident-create').click();
      const title = `e2e 配电故障 ${Date.now()}`;
      await lead.getByTestId('incident-title').fill(title);
      // 抢修 is an emergency (Q60); the form now defaults to 一般.
      await lead.getByTestId('incident-urgency').getByText('紧急').click();
      // One building: a whole-project outage would queue thousands of messages in this shared test server.
      await lead.getByTestId('incident-buildings').click();
      await lead.locator('.ant-select-item-option').first().click();
      await lead.getByTestId('incident-title').click(); // closes the dropdown (Escape would close the dialog)
      await lead
        .getByTestId('incident-text')
        .fill('尊敬的{{resident.name}}:{{unit.label}}临时停电,正在抢修。');
      const created = lead.waitForResponse(
        (r) => r.url().endsWith('/api/incidents') && r.request().method() === 'POST',
      );
      await lead.getByRole('button', { name: /确\s*定|OK/ }).click();
      // Nothing goes out before the preview is confirmed (issue 13).
      await lead.getByTestId('send-preview').waitFor();
      await lead.getByTestId('send-confirm').click();
      const response = await created;
      expect(response.status()).toBe(201);
      const incident = (await response.json()) as { id: number; recipientCount: number };
      expect(incident.recipientCount).toBeGreaterThan(0);
      await lead.getByText(title).first().waitFor({ timeout: 30_000 });
      await expect
        .poll(() => lead.getByTestId(`incident-notify-${incident.id}`).textContent(), { timeout: 30_000 })
        .toBe('已按时通知');
      await lead.getByTestId(`incident-log-${incident.id}`).click();
      await expect
        .poll(() => lead.getByTestId('delivery-counts').textContent())
        .toContain(`共 ${incident.recipientCount} 条`);

      await lead.goto('/notices');
      await lead.getByTestId('notice-create').waitFor();
      const notices = await api.get<{ items: { id: number; title: string; status: string }[] }>(
        '/api/notices?pageSize=50',
      );
      const pending = notices.items.find((n) => n.status === '待审核');
      expect(pending).toBeDefined();
      const reviewed = lead.waitForResponse((r) => /\/api\/notices\/\d+\/review$/.test(r.url()));
      await lead.getByTestId(`notice-review-${pending!.id}`).click();
      expect((await reviewed).status()).toBe(200);
      await lead.getByText('待批准').first().waitFor();
    } catch (error) {
      throw new Error(
        `${String(error)}\n${contexts.map(explain).join('\n')}\n${server.output().slice(-2000)}`,
      );
    }
  });
});

import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, launchBrowser, login, loginTo, newContext } from './support/browser';
import { apiClient, type RunningServer, startServer } from './support/server';

/**
 * The service desk end to end (issue 3): an agent logs an urgent water-leak repair for a known resident,
 * the 班长 dispatches it on the board, the plumber works it on his phone, and a dissatisfied callback
 * reopens the ticket and raises a linked complaint.
 */

interface Category {
  id: number;
  level: number;
  path: string;
  pathIds: number[];
  skill: string | null;
}
interface StaffRow {
  id: number;
  username: string;
  displayName: string;
  skills: string[];
  version: number;
}
interface ResidentRow {
  id: number;
  name: string;
  phones: { number: string }[];
  units: { unitId: number; label: string }[];
}
interface TicketRow {
  id: number;
  number: string;
  status: string;
  type: string;
  priority: string;
  sourceTicketId: number | null;
  categoryPath: string | null;
  version: number;
  reopenCount: number;
  workOrders: { id: number; status: string; technicianId: number | null; description: string }[];
  callbacks: { complaintTicketId: number | null; satisfied: boolean | null }[];
}

const DEMO_PASSWORD = 'demo1234';
const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let server: RunningServer;
let browser: Browser;
let api: Awaited<ReturnType<typeof apiClient>>;
let projectId: number;
let plumber: StaffRow;
let resident: ResidentRow;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  api = await apiClient(server.url);
  // The agent works in the first project of their list (the console's default project).
  const agentApi = await apiClient(server.url, 'agent1', DEMO_PASSWORD);
  const projects = await agentApi.get<{ items: { id: number }[] }>('/api/projects');
  projectId = projects.items[0]!.id;

  // Deterministic dispatch: 户内/水 jobs in this project go to the 班长 (mode "assign") rather than to
  // whoever least-load picks, and the plumber has whatever skill the category asks for and is on duty.
  const categories = await api.get<{ items: Category[] }>(`/api/ticket-categories?projectId=${projectId}`);
  const leak = categories.items.find((c) => c.path === '户内/水/漏水');
  const water = categories.items.find((c) => c.path === '户内/水');
  if (!leak || !water) throw new Error('the seeded category tree has no 户内/水/漏水');
  await api.put('/api/dispatch-rules', { projectId, categoryId: water.id, mode: 'assign' });
  const staff = await api.get<{ items: StaffRow[] }>('/api/staff?q=tech_plumber');
  plumber = staff.items.find((s) => s.username === 'tech_plumber')!;
  const skill = leak.skill ?? water.skill;
  if (skill && !plumber.skills.includes(skill)) {
    plumber = await api.patch<StaffRow>(`/api/staff/${plumber.id}`, {
      skills: [...plumber.skills, skill],
      version: plumber.version,
    });
  }
  await api.put(`/api/technicians/${plumber.id}/duty`, { onDuty: true });

  // A resident of the project with a unit and a phone number: the caller.
  const residents = await api.get<{ items: ResidentRow[] }>(
    `/api/residents?projectId=${projectId}&pageSize=50`,
  );
  const caller = residents.items.find((r) => r.units.length > 0 && r.phones.length > 0);
  if (!caller) throw new Error('no resident with a unit and a phone');
  resident = caller;
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

describe('ticket lifecycle', () => {
  it('intake → dispatch → technician on the phone → dissatisfied callback → reopened with a complaint', async () => {
    const started = Date.now();
    try {
      // 1. The agent takes the call and logs an urgent water-leak repair.
      const agent = await open();
      await login(agent, 'agent1', DEMO_PASSWORD);
      const before = await api.get<{ total: number }>(`/api/tickets?residentId=${resident.id}&pageSize=1`);
      await agent.goto('/tickets/new');
      const search = agent.getByTestId('caller-search').locator('input');
      await search.fill(resident.phones[0]!.number);
      await agent.getByTestId(`caller-option-${resident.id}`).click();
      await agent.getByTestId('caller-card').getByText(resident.name).waitFor();
      await agent.getByTestId('intake-priority').getByText('急', { exact: true }).click();
      await agent.getByTestId('shortcut-漏水').click();
      await agent.getByTestId('intake-category').getByText('户内 / 水 / 漏水').waitFor();
      await agent.getByTestId('intake-description').fill('厨房水管漏水，水流到楼下（e2e）');
      const posted = agent.waitForResponse(
        (r) => r.url().endsWith('/api/tickets') && r.request().method() === 'POST',
      );
      // A double click must not log the call twice: one Idempotency-Key per form.
      await agent.getByTestId('intake-submit').dblclick();
      const response = await posted;
      expect(response.status()).toBe(201);
      expect(response.request().headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
      await agent.getByTestId('intake-created').waitFor();
      const created = (await response.json()) as TicketRow;
      expect(created).toMatchObject({ type: '报修', priority: '急', status: '处理中' });
      expect(created.workOrders).toHaveLength(1);
      expect(created.workOrders[0]!.status).toBe('待派单');
      const after = await api.get<{ total: number }>(`/api/tickets?residentId=${resident.id}&pageSize=1`);
      expect(after.total).toBe(before.total + 1);

      await agent.getByTestId('intake-created-link').click();
      await expect.poll(() => agent.getByTestId('ticket-number').textContent()).toBe(created.number);
      await agent.getByTestId('sla-clocks').getByTestId('clock-arrive').waitFor();

      // 2. The 班长 dispatches it to the plumber from the board, picking him from the ranked candidates.
      const lead = await open();
      await login(lead, 'cs_lead', DEMO_PASSWORD);
      await lead.goto('/dispatch');
      const card = lead.getByTestId('column-待派单').getByTestId(`wo-card-${created.number}`);
      await card.getByTestId('board-dispatch').click();
      await lead.getByTestId(`candidate-row-${plumber.displayName}`).click();
      const dispatched = lead.waitForResponse((r) => /\/api\/work-orders\/\d+\/dispatch$/.test(r.url()));
      await lead.getByTestId('dispatch-confirm').click();
      expect((await dispatched).status()).toBe(200);
      await lead.getByTestId('column-已派单').getByTestId(`wo-card-${created.number}`).waitFor();

      // 3. The plumber, on his phone, lands on his jobs, accepts, arrives and completes with materials.
      const tech = await open({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      });
      await loginTo(tech, 'tech_plumber', DEMO_PASSWORD, 'tech-home');
      expect(new URL(tech.url()).pathname).toBe('/tech');
      await tech.getByTestId(`tech-card-${created.number}`).click();
      await tech.getByTestId('tech-wo').waitFor();
      const step = async (testId: string, action: string) => {
        const done = tech.waitForResponse(
          (r) => r.url().endsWith(`/${action}`) && r.request().method() === 'POST',
        );
        await tech.getByTestId(testId).click();
        expect((await done).status()).toBe(200);
      };
      await step('tech-accept', 'accept');
      await tech.getByTestId('tech-arrive').waitFor();
      await step('tech-arrive', 'arrive');
      await tech.getByTestId('tech-complete').click();
      await tech.getByTestId('material-add').click();
      await tech.getByTestId('material-item').fill('角阀');
      await tech.getByTestId('material-price').fill('28');
      await tech.getByTestId('tech-result').fill('更换角阀，试水无渗漏');
      await tech.getByTestId('photos-after').setInputFiles({
        name: 'after.png',
        mimeType: 'image/png',
        buffer: PNG_1x1,
      });
      await tech.locator('.ant-drawer img').first().waitFor();
      await step('tech-complete-submit', 'complete');
      await expect.poll(() => tech.getByTestId('wo-status').getAttribute('data-status')).toBe('已完成');

      // 4. The agent's open ticket page follows live: 待回访, and the callback goes badly.
      await agent.getByTestId('action-callback').waitFor({ timeout: 30_000 });
      await expect
        .poll(() => agent.getByTestId('ticket-status').first().getAttribute('data-status'))
        .toBe('待回访');
      await agent.getByTestId('action-callback').click();
      await agent.getByTestId('callback-dissatisfied').click();
      await agent.getByTestId('callback-score-overall').locator('.ant-rate-star').nth(1).click();
      await agent.getByTestId('callback-comment').fill('修完还在渗水');
      // The complaint it raises is classified on the spot (required once 不满意 is chosen).
      await pickCategory(agent, 'callback-complaint-category', '漏水', '户内');
      // On a loaded machine the form can still miss its category when 保存 is clicked (nothing is sent):
      // the category is picked again and the form sent again, up to three times.
      let saved: Response | null = null;
      for (let attempt = 1; !saved; attempt++) {
        const called = agent
          .waitForResponse((r) => /\/api\/tickets\/\d+\/callback$/.test(r.url()), { timeout: 10_000 })
          .catch((error: unknown) => {
            if (attempt >= 3) throw error;
            return null;
          });
        await agent.getByTestId('callback-submit').click();
        saved = await called;
        if (!saved) await pickCategory(agent, 'callback-complaint-category', '漏水', '户内');
      }
      expect(saved.status()).toBe(200);

      // 5. Reopened, with a rework order and a linked 投诉 one click away.
      await expect
        .poll(() => agent.getByTestId('ticket-status').first().getAttribute('data-status'))
        .toBe('处理中');
      await expect.poll(() => agent.getByTestId('reopened-tag').textContent()).toContain('1');
      const link = agent.getByTestId('linked-complaint');
      await expect.poll(() => link.textContent()).toMatch(/^TS-[A-Z0-9]+-\d{8}-\d{4}$/);
      const complaintNumber = (await link.textContent()) ?? '';
      await link.click();
      await expect.poll(() => agent.getByTestId('ticket-number').textContent()).toBe(complaintNumber);
      await agent.getByTestId('source-ticket').getByText(created.number).waitFor();

      const final = await api.get<TicketRow>(`/api/tickets/${created.id}`);
      expect(final).toMatchObject({ status: '处理中', reopenCount: 1 });
      const done = final.workOrders.find((w) => w.status === '已完成');
      expect(done?.technicianId).toBe(plumber.id);
      expect(final.workOrders.some((w) => w.status === '待派单' && w.description.startsWith('返修'))).toBe(
        true,
      );
      const complaintId = final.callbacks.find((c) => c.satisfied === false)?.complaintTicketId;
      const complaint = await api.get<TicketRow>(`/api/tickets/${complaintId}`);
      expect(complaint).toMatchObject({
        type: '投诉',
        number: complaintNumber,
        sourceTicketId: created.id,
        categoryPath: '户内/水/漏水',
      });
      expect(Date.now() - started).toBeLessThan(90_000);
    } catch (error) {
      for (const [i, context] of contexts.entries()) {
        for (const page of context.pages())
          await page
            .screenshot({ path: `e2e/out/lifecycle-${i}-${Date.now()}.png`, fullPage: true })
            .catch(() => undefined);
        console.error(`browser diagnostics (context ${i}):\n${explain(context)}`);
      }
      throw error;
    } finally {
      for (const context of contexts.splice(0)) await context.close();
    }
  });

  it('a portal request is classified from the list in two clicks, then corrected on its page', async () => {
    try {
      const agentApi = await apiClient(server.url, 'agent1', DEMO_PASSWORD);
      const logged = await agentApi.post<TicketRow>('/api/tickets', {
        projectId,
        type: '咨询',
        channel: 'portal',
        residentId: resident.id,
        description: '厨房天花板有水渍（e2e 分类）',
      });
      const agent = await open();
      await login(agent, 'agent1', DEMO_PASSWORD);
      await agent.goto('/tickets');
      await agent.getByTestId(`classify-${logged.number}`).click();
      await agent.getByTestId('classify-type').click();
      await agent
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .getByText('报修', { exact: true })
        .click();
      await pickCategory(agent, 'classify-category', '漏水', '户内');
      const patched = agent.waitForResponse(
        (r) => r.url().endsWith(`/api/tickets/${logged.id}`) && r.request().method() === 'PATCH',
      );
      await agent.getByTestId('classify-save').click();
      expect((await patched).status()).toBe(200);
      const classified = await api.get<TicketRow>(`/api/tickets/${logged.id}`);
      expect(classified).toMatchObject({ type: '报修', categoryPath: '户内/水/漏水' });
      // A repair has its work order, as if it had been logged as one.
      expect(classified.workOrders).toHaveLength(1);

      await agent.goto(`/tickets/${logged.id}`);
      await agent.getByTestId('action-edit').click();
      await agent.getByTestId('edit-description').fill('厨房天花板滴水，楼上卫生间疑似漏水（e2e 更正）');
      await agent.getByTestId('edit-reason').fill('业主补充说明');
      const edited = agent.waitForResponse(
        (r) => r.url().endsWith(`/api/tickets/${logged.id}`) && r.request().method() === 'PATCH',
      );
      await agent.getByTestId('edit-ticket-submit').click();
      expect((await edited).status()).toBe(200);
      await agent.locator('[data-testid="timeline-item"][data-action="ticket.edited"]').nth(1).waitFor();
      await agent.getByTestId('ticket-timeline').getByText('业主补充说明').waitFor();
    } catch (error) {
      for (const [i, context] of contexts.entries())
        console.error(`browser diagnostics (context ${i}):\n${explain(context)}`);
      throw error;
    } finally {
      for (const context of contexts.splice(0)) await context.close();
    }
  });
});

/** Choose a category in an antd cascader by searching for it (the first result under `under`). */
/**
 * Pick a category in the cascader by searching for it, until the field shows it: an option clicked while
 * the dropdown is still opening can be lost on a loaded machine, so the pick is made again (up to three times).
 */
async function pickCategory(page: Page, testId: string, search: string, under: string): Promise<void> {
  const field = page.getByTestId(testId);
  for (let attempt = 1; ; attempt++) {
    await field.click();
    await field.locator('input').fill(search);
    await page
      .locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item')
      .filter({ hasText: under })
      .filter({ hasText: search })
      .first()
      .click();
    try {
      // The field shows the chosen path once the pick took (the search text is in the input, not its text).
      await field.filter({ hasText: search }).waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

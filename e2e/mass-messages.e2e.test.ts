import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, launchBrowser, login, newContext } from './support/browser';
import { apiClient, type RunningServer, startServer } from './support/server';

/**
 * Mass messages cannot go out by accident: registering an outage shows how many residents get it,
 * on which channel, with the exact text, and nothing is registered or sent until 确认发送. The
 * default urgency is 一般.
 */
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Total {
  total: number;
}
interface Preview {
  recipients: number;
  approvalRequired: boolean;
  texts: Record<string, string>;
}

describe('registering an outage', () => {
  it('previews recipients and the exact text, sends nothing on cancel, registers on confirm', async () => {
    const api = await apiClient(server.url, 'admin', server.adminPassword);
    const projects = await api.get<{ items: { id: number; name: string }[] }>('/api/projects');
    const project = projects.items[0]!;
    const blocks = await api.get<{ items: { id: number; name: string }[] }>(
      `/api/buildings?projectId=${project.id}&pageSize=100`,
    );
    const block = blocks.items[1]!;
    const text = '{小区}{楼栋}因管道检修停水,预计{结束时间}恢复。尊敬的{{resident.name}}请提前储水。';
    const preview = await api.post<Preview>('/api/incidents/preview', {
      projectId: project.id,
      kind: '停水',
      emergency: false,
      title: '管道检修停水',
      buildingIds: [block.id],
      residentText: text,
    });
    expect(preview.recipients).toBeGreaterThan(0);
    const incidentsBefore = (await api.get<Total>('/api/incidents?pageSize=1')).total;
    // Only outage messages: the server's own jobs (催缴, emergency escalations) send meanwhile.
    const deliveriesBefore = (await api.get<Total>('/api/deliveries?sourceType=incident&pageSize=1')).total;

    const context = await newContext(browser, server.url);
    try {
      const page = await context.newPage();
      await login(page, 'admin', server.adminPassword);
      await page.goto('/incidents');
      await page.getByTestId('incident-create').click();
      const form = page.getByTestId('incident-form');
      await form.waitFor();
      // 一般 is the default: an emergency has to be chosen.
      await expect
        .poll(() =>
          form.getByTestId('incident-urgency').locator('.ant-radio-button-wrapper-checked').textContent(),
        )
        .toBe('一般');
      await page.getByTestId('incident-title').fill('管道检修停水');
      await page.getByTestId('incident-buildings').click();
      await page.locator(`.ant-select-item-option[title="${block.name}"]`).click();
      await page.keyboard.press('Escape');
      await page.getByTestId('incident-text').fill(text);
      await page.getByRole('button', { name: /确\s*定/ }).click();

      const dialog = page.getByTestId('send-preview');
      await dialog.waitFor();
      await expect
        .poll(() => page.getByTestId('send-recipients').textContent())
        .toContain(String(preview.recipients));
      const [channel, sample] = Object.entries(preview.texts)[0]!;
      await expect.poll(() => page.getByTestId(`send-text-${channel}`).textContent()).toBe(sample);
      expect(sample).toContain(`${project.name}${block.name}因管道检修停水`);

      await page.getByTestId('send-cancel').click();
      await dialog.waitFor({ state: 'detached' });
      expect((await api.get<Total>('/api/incidents?pageSize=1')).total).toBe(incidentsBefore);
      expect((await api.get<Total>('/api/deliveries?sourceType=incident&pageSize=1')).total).toBe(
        deliveriesBefore,
      );

      // The form is still there: confirm this time.
      await page.getByRole('button', { name: /确\s*定/ }).click();
      await dialog.waitFor();
      await page.getByTestId('send-confirm').click();
      await dialog.waitFor({ state: 'detached' });
      if (preview.approvalRequired) {
        await page.getByText('已提交审批').waitFor();
        const held = await api.get<{ items: { title: string }[] }>('/api/broadcast-approvals?status=待批准');
        expect(held.items.map((a) => a.title)).toContain('管道检修停水');
      } else {
        await expect
          .poll(async () => (await api.get<Total>('/api/incidents?pageSize=1')).total)
          .toBe(incidentsBefore + 1);
        const list = await api.get<{
          items: { title: string; recipientCount: number; emergency: boolean }[];
        }>('/api/incidents?pageSize=5');
        expect(list.items.find((i) => i.title === '管道检修停水')).toMatchObject({
          recipientCount: preview.recipients,
          emergency: false,
        });
      }
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${explain(context)}`);
    } finally {
      await context.close();
    }
  });
});

import { formatPhone } from '@guanjia/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, launchBrowser, login, logout, newContext, switchLanguage } from './support/browser';
import { apiClient, type RunningServer, startServer } from './support/server';

interface TreeProject {
  id: number;
  code: string;
  name: string;
  buildings: { id: number; code: string; name: string; units: number }[];
}
interface Unit {
  id: number;
  label: string;
}

let server: RunningServer;
let browser: Browser;
let api: Awaited<ReturnType<typeof apiClient>>;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  api = await apiClient(server.url);
  // The console needs at least one project with a building and units; the demo estate provides them,
  // and a minimal one is created when the server starts without it.
  const tree = await api.get<{ items: TreeProject[] }>('/api/estate/tree');
  if (!tree.items.some((p) => p.buildings.some((b) => b.units > 0))) {
    const project = await api.post<{ id: number }>('/api/projects', {
      code: 'E2E',
      name: '测试花园',
      kind: '住宅',
    });
    const building = await api.post<{ id: number }>('/api/buildings', {
      projectId: project.id,
      code: '1',
      name: '1号楼',
      floors: 18,
      entrances: 2,
    });
    for (const room of ['101', '102', '201'])
      await api.post('/api/units', {
        buildingId: building.id,
        entrance: '1',
        floor: Number(room[0]),
        room,
        type: '住宅',
        status: '已入住',
      });
  }
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
    await page
      .screenshot({ path: `e2e/out/failure-${Date.now()}.png`, fullPage: true })
      .catch(() => undefined);
    console.error(`browser diagnostics:\n${explain(context)}`);
    throw error;
  } finally {
    await context.close();
  }
}

const menu = (page: Page) => page.getByTestId('side-menu');

async function firstBuilding(): Promise<{
  project: TreeProject;
  building: TreeProject['buildings'][number];
}> {
  const tree = await api.get<{ items: TreeProject[] }>('/api/estate/tree');
  for (const project of tree.items) {
    const building = project.buildings.find((b) => b.units > 0);
    if (building) return { project, building };
  }
  throw new Error('no building with units');
}

describe('staff console', () => {
  it('logs in as admin and shows the menus the admin may use', async () => {
    await withPage(async (page) => {
      await page.goto('/residents');
      // Not logged in: every console route leads to the login page.
      await page.locator('input[name=username]').waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');

      await page.locator('input[name=username]').fill('admin');
      await page.locator('input[name=password]').fill('wrong-password');
      await page.getByTestId('login-submit').click();
      await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');

      await login(page, 'admin', server.adminPassword);
      for (const item of [
        '工作台',
        '房产档案',
        '住户档案',
        '员工与角色',
        '数据导入',
        '系统设置',
        '审计日志',
      ]) {
        await menu(page).getByText(item, { exact: true }).waitFor();
      }
    });
  });

  it('switches to English, remembers it for the user on the next login, and switches back', async () => {
    await withPage(async (page) => {
      await login(page, 'admin', server.adminPassword);
      await menu(page).getByText('工作台', { exact: true }).waitFor();
      await switchLanguage(page, 'en');
      // The choice is saved on the user's profile once the console is in English.
      await expect
        .poll(async () => (await api.get<{ locale: string }>('/api/auth/me')).locale, { timeout: 30_000 })
        .toBe('en');
      for (const item of ['Dashboard', 'Estate', 'Residents', 'Data import', 'Settings', 'Audit log']) {
        await menu(page).getByText(item, { exact: true }).waitFor();
      }
      await logout(page);
    });
    // A fresh browser (no local storage): the language comes from the user's profile on the server.
    await withPage(async (page) => {
      await login(page, 'admin', server.adminPassword);
      await menu(page).getByText('Dashboard', { exact: true }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await switchLanguage(page, 'zh-CN');
      await expect
        .poll(async () => (await api.get<{ locale: string }>('/api/auth/me')).locale, { timeout: 30_000 })
        .toBe('zh-CN');
      await menu(page).getByText('工作台', { exact: true }).waitFor();
    });
  });

  it('browses the estate tree to a building and lists its units', async () => {
    const { project, building } = await firstBuilding();
    const units = await api.get<{ items: Unit[]; total: number }>(
      `/api/units?buildingId=${building.id}&pageSize=5`,
    );
    await withPage(async (page) => {
      await login(page, 'admin', server.adminPassword);
      await menu(page).getByText('房产档案', { exact: true }).click();
      await page.getByTestId(`tree-project-${project.code}`).waitFor();
      await page.getByTestId(`tree-building-${building.id}`).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('building')).toBe(String(building.id));
      const first = units.items[0]!;
      await page.getByTestId(`unit-label-${first.label}`).waitFor();
      await page.getByText(`共 ${units.total} 条`).waitFor();
      // Every listed unit belongs to the building: labels start with its code.
      const labels = await page.locator('[data-testid^="unit-label-"]').allTextContents();
      expect(labels.length).toBeGreaterThan(0);
      for (const label of labels) expect(label.startsWith(`${building.code}-`)).toBe(true);

      // The unit drawer shows the unit's facts.
      await page.getByTestId(`unit-label-${first.label}`).click();
      await page.locator('.ant-drawer').getByText(first.label).first().waitFor();
    });
  });

  it('creates a resident with a phone and a unit, edits it, and the change survives a reload', async () => {
    const { project, building } = await firstBuilding();
    const units = await api.get<{ items: Unit[] }>(`/api/units?buildingId=${building.id}&pageSize=1`);
    const unit = units.items[0]!;
    const name = `测试${Date.now().toString().slice(-6)}`;
    const phone = `139${Date.now().toString().slice(-8)}`;
    await withPage(async (page) => {
      await login(page, 'admin', server.adminPassword);
      await page.getByTestId('project-select').click();
      await page
        .locator('.ant-select-item-option')
        .filter({ hasText: `（${project.code}）` })
        .click();
      await menu(page).getByText('住户档案', { exact: true }).click();
      await page.getByTestId('resident-create').click();

      await page.getByTestId('resident-name').fill(name);
      await page.getByTestId('resident-phone-0').fill(phone);
      const unitRow = page.getByTestId('resident-unit-row-0');
      await unitRow.locator('.ant-select').first().click();
      await unitRow.locator('input').first().fill(unit.label);
      await page
        .locator('.ant-select-item-option')
        .filter({ hasText: new RegExp(`^${unit.label}$`) })
        .click();
      const created = page.waitForResponse(
        (r) => r.url().endsWith('/api/residents') && r.request().method() === 'POST',
      );
      await page.getByTestId('resident-submit').click();
      expect((await created).status()).toBe(201);

      await expect.poll(() => page.getByTestId('resident-title').textContent()).toBe(name);
      // The page opens on the 客户360; the archive itself is the 基本信息 tab.
      await page.getByTestId('resident-360').waitFor();
      await page.getByRole('tab', { name: '基本信息' }).click();
      await page
        .getByTestId('resident-phone')
        .filter({ hasText: formatPhone(phone) })
        .waitFor();
      await page.getByRole('tab', { name: /房屋/ }).click();
      await page.getByTestId('resident-units').getByText(unit.label).waitFor();

      // Edit: rename, make VIP, add a tag.
      await page.getByTestId('resident-edit').click();
      await page.getByTestId('resident-name').fill(`${name}改`);
      await page.getByTestId('resident-vip').click();
      const saved = page.waitForResponse(
        (r) => /\/api\/residents\/\d+$/.test(r.url()) && r.request().method() === 'PATCH',
      );
      await page.getByTestId('resident-submit').click();
      expect((await saved).status()).toBe(200);
      await expect.poll(() => page.getByTestId('resident-title').textContent()).toBe(`${name}改`);

      await page.reload();
      await expect.poll(() => page.getByTestId('resident-title').textContent()).toBe(`${name}改`);
      await page.getByTestId('vip-badge').first().waitFor();
      await page.getByRole('tab', { name: '基本信息' }).click();
      await page
        .getByTestId('resident-phone')
        .filter({ hasText: formatPhone(phone) })
        .waitFor();

      // …and the list finds it by phone tail.
      await menu(page).getByText('住户档案', { exact: true }).click();
      await page.getByTestId('resident-search').locator('input').fill(phone.slice(-4));
      await page.getByTestId('resident-search').locator('input').press('Enter');
      await page.getByTestId('residents-table').getByText(`${name}改`).waitFor();
    });
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, launchBrowser, loginTo, newContext } from './support/browser';
import { apiClient, ROOT, type RunningServer, startServer } from './support/server';

/**
 * The technician's job card (issue 14) on a 390×844 phone: who to call (tap to call) and where to go,
 * photos uploaded at real size, the resident signing with a finger; then the printed 派工单, rendered
 * by pdf.js in the real browser and read back for its CJK text. Pages fit a 360 px phone.
 */

const DEMO_PASSWORD = 'demo1234';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const SHOTS = process.env.E2E_SCREENSHOTS ?? '';

interface StaffRow {
  id: number;
  username: string;
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
  workOrders: { id: number; number: string; technicianId: number | null }[];
}

let server: RunningServer;
let browser: Browser;
let api: Awaited<ReturnType<typeof apiClient>>;
let projectName: string;
let resident: ResidentRow;
let ticket: TicketRow;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  api = await apiClient(server.url);
  const projects = await api.get<{ items: { id: number; name: string }[] }>('/api/projects');
  const project = projects.items[0]!;
  projectName = project.name;
  const staff = await api.get<{ items: StaffRow[] }>('/api/staff?q=tech_plumber');
  const plumber = staff.items.find((s) => s.username === 'tech_plumber')!;
  await api.put(`/api/technicians/${plumber.id}/duty`, { onDuty: true });
  const residents = await api.get<{ items: ResidentRow[] }>(
    `/api/residents?projectId=${project.id}&pageSize=50`,
  );
  resident = residents.items.find((r) => r.units.length > 0 && r.phones.length > 0)!;
  // The caller picked from the archive (no phone on the form), the job named for the plumber.
  ticket = await api.post<TicketRow>('/api/tickets', {
    projectId: project.id,
    type: '报修',
    channel: 'phone',
    residentId: resident.id,
    unitId: resident.units[0]!.unitId,
    description: '卫生间地漏堵塞，积水',
    workOrder: { technicianId: plumber.id },
  });
  expect(ticket.workOrders[0]?.technicianId).toBe(plumber.id);
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

/** No horizontal scroll: the page is no wider than the phone. */
const fits = (page: Page) =>
  page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth + 1');

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describe('the technician’s job card', () => {
  it('shows the resident, tap-to-call phone and 小区/楼栋/房号, takes photos and the signature', async () => {
    const tech = await open(PHONE);
    try {
      await loginTo(tech, 'tech_plumber', DEMO_PASSWORD, 'tech-home');
      const wo = ticket.workOrders[0]!;
      await tech.goto(`/tech/wo/${wo.id}`);
      await tech.getByTestId('tech-wo').waitFor();
      const phone = tech.getByTestId('tech-wo-phone');
      const number = resident.phones[0]!.number;
      expect(await phone.getAttribute('href')).toBe(`tel:${number}`);
      expect(await tech.getByTestId('tech-wo-contact').textContent()).toBe(resident.name);
      expect(await tech.getByTestId('tech-wo-site').textContent()).toContain(projectName);
      expect(await fits(tech)).toBe(true);
      await shot(tech, 'job-card');

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
      await tech.getByTestId('tech-result').fill('疏通地漏，排水正常');

      // A camera-sized photo goes up through /api/uploads and comes back at ≤ 1600 px.
      const photo = await sharp({ create: { width: 3200, height: 2400, channels: 3, background: '#5a8' } })
        .jpeg()
        .toBuffer();
      const uploaded = tech.waitForResponse(
        (r) => r.url().includes('/api/uploads') && r.request().method() === 'POST',
      );
      await tech
        .getByTestId('photos-after')
        .setInputFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: photo });
      const up = await (await uploaded).json();
      expect(up).toMatchObject({ width: 1600, height: 1200, mime: 'image/jpeg' });
      await tech.locator(`.ant-drawer img[src="${up.thumbnailUrl}"]`).waitFor();

      // The resident signs with a finger (a mouse stroke here) in the box.
      const pad = tech.getByTestId('signature-pad');
      await pad.scrollIntoViewIfNeeded();
      const box = (await pad.boundingBox())!;
      await tech.mouse.move(box.x + 20, box.y + box.height * 0.7);
      await tech.mouse.down();
      for (let i = 1; i <= 12; i++)
        await tech.mouse.move(
          box.x + 20 + i * ((box.width - 40) / 12),
          box.y + box.height * (0.7 - 0.4 * Math.sin(i / 2)),
        );
      await tech.mouse.up();
      expect(await pad.getAttribute('data-empty')).toBe('false');
      expect(await fits(tech)).toBe(true);
      await shot(tech, 'job-card-complete');

      const completed = tech.waitForResponse(
        (r) => r.url().endsWith('/complete') && r.request().method() === 'POST',
      );
      await tech.getByTestId('tech-complete-submit').click();
      const done = await (await completed).json();
      expect(done.status).toBe('已完成');
      expect(done.signature).toMatch(/^\/api\/uploads\/\d+$/);
      expect(done.onSiteCheck).toBe('waived');
      await tech.getByTestId('tech-onsite-check').waitFor();
      // Done: the phone is no longer a call link, it is masked again.
      expect(await tech.getByTestId('tech-wo-phone').textContent()).toContain('*');
      await shot(tech, 'job-card-done');
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${explain(tech.context())}`);
    }
  });

  it('fits the staff login page and the technician’s pages on a 360 px phone', async () => {
    const page = await open({ ...PHONE, viewport: { width: 360, height: 740 } });
    await page.goto('/login');
    await page.locator('input[name=username]').waitFor();
    expect(await fits(page)).toBe(true);
    await loginTo(page, 'tech_plumber', DEMO_PASSWORD, 'tech-home');
    expect(await fits(page)).toBe(true);
    await page.goto(`/tech/wo/${ticket.workOrders[0]!.id}`);
    await page.getByTestId('tech-wo').waitFor();
    expect(await fits(page)).toBe(true);
  });

  it('prints the 派工单: pdf.js in the browser renders it and reads the number and the 小区 back', async () => {
    const res = await fetch(`${server.url}/api/work-orders/${ticket.workOrders[0]!.id}/print.pdf`, {
      headers: { authorization: `Bearer ${api.token}` },
    });
    expect(res.status).toBe(200);
    const pdf = Buffer.from(await res.arrayBuffer());
    const page = await open({ viewport: { width: 900, height: 1200 } });
    const pdfjs = path.join(ROOT, 'node_modules/pdfjs-dist/legacy/build');
    // A page of our own on the server's origin: pdf.js and the PDF are served by the test itself.
    await page.route('**/__print/**', async (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop()!;
      if (name === 'card.pdf') return route.fulfill({ body: pdf, contentType: 'application/pdf' });
      if (name.endsWith('.mjs'))
        return route.fulfill({ body: readFileSync(path.join(pdfjs, name)), contentType: 'text/javascript' });
      return route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><canvas id="c"></canvas><script type="module">
          import * as pdfjs from '/__print/pdf.mjs';
          pdfjs.GlobalWorkerOptions.workerSrc = '/__print/pdf.worker.mjs';
          const doc = await pdfjs.getDocument('/__print/card.pdf').promise;
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
    await page.goto('/__print/view.html');
    await page.waitForFunction('window.__pdf', null, { timeout: 30_000 });
    const rendered = await page.evaluate<{ pages: number; text: string }>('window.__pdf');
    expect(rendered.pages).toBe(1);
    expect(rendered.text).toContain(ticket.workOrders[0]!.number);
    expect(rendered.text).toContain(projectName);
    expect(rendered.text).toContain('派工单');
    expect(rendered.text).toContain(resident.name);
    // Ink on the canvas: the page was drawn, glyphs and all (not an empty or failed render).
    const inked = await page.evaluate<number>(`(() => {
      const c = document.getElementById('c');
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 100 && data[i + 3] > 0) dark++;
      return dark;
    })()`);
    expect(inked).toBeGreaterThan(2000);
    if (SHOTS) await page.locator('#c').screenshot({ path: path.join(SHOTS, 'print.png') });
  });
});

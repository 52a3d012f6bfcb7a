import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postFile } from '../../testing/multipart';
import { createTestServer, type TestServer } from '../../testing/test-server';
import {
  leafCategory,
  MONDAY_10,
  ok,
  onDuty,
  type TicketView,
  type WorkOrderView,
} from '../tickets/testing/helpers';

/**
 * The technician's job card (issue 14): who to call and where to go while the job is his, photos and
 * the resident's signature as uploads, and the printable 派工单 whose text is real, extractable CJK.
 */
let t: TestServer;
let agent: string;
let tech: string;
let tech2: string;
let techB: string;
let ticket: TicketView;
let woId: number;

interface JobCardView extends WorkOrderView {
  onSiteCheck: 'waived' | 'required' | null;
  signature: string | null;
  photosAfter: string[];
  ticket: {
    contactName: string | null;
    contactPhone: string | null;
    projectName: string;
    buildingName: string | null;
    room: string | null;
    unitLabel: string | null;
  };
}

async function pdfText(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(''));
  }
  return pages;
}

const png = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${w}" height="${h}"><path d="M10 ${h / 2} C ${w / 3} 0, ${w / 2} ${h}, ${w - 10} 20" stroke="black" stroke-width="4" fill="none"/></svg>`,
        ),
      },
    ])
    .png()
    .toBuffer();

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(MONDAY_10);
  [agent, tech, tech2, techB] = await Promise.all([
    t.login('agent_a'),
    t.login('tech_a'),
    t.login('tech_a2'),
    t.login('tech_b'),
  ]);
  await onDuty(t, tech, t.fixture.users.tech_a);
  const leak = await leafCategory(t, agent, '户内/水/漏水');
  // The caller was picked from the archive: the form sends the resident, not a phone.
  const res = await t.request('POST', '/api/tickets', {
    token: agent,
    body: {
      projectId: t.fixture.projectA,
      type: '报修',
      priority: '急',
      channel: 'phone',
      unitId: t.fixture.unitsA[0],
      residentId: t.fixture.residentsA[0],
      categoryId: leak,
      description: '厨房水槽下渗水',
      workOrder: { technicianId: t.fixture.users.tech_a },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  ticket = res.json() as TicketView;
  woId = ticket.workOrders[0]!.id;
});
afterAll(async () => t?.close());

describe('the technician’s job card', () => {
  it('shows the assigned technician the archive caller’s name, full phone and 小区/楼栋/房号', async () => {
    const wo = await ok<JobCardView>(t, 'GET', `/api/work-orders/${woId}`, tech);
    expect(wo.ticket).toMatchObject({
      contactName: '张伟',
      contactPhone: '13812345678',
      projectName: '测试花园',
      buildingName: '1号楼',
      room: '101',
    });
    // Another technician of the project does not see someone else's job at all.
    expect((await t.request('GET', `/api/work-orders/${woId}`, { token: tech2 })).statusCode).toBe(404);
    expect((await t.request('GET', `/api/work-orders/${woId}`, { token: techB })).statusCode).toBe(404);
  });

  it('takes before/after photos and the signature as uploads; a signed order waives the on-site check (Q40)', async () => {
    let wo = await ok<JobCardView>(t, 'POST', `/api/work-orders/${woId}/accept`, tech, {
      version: ticket.workOrders[0]!.version,
    });
    const before = (
      await postFile(t, '/api/uploads', tech, await png(2400, 1800), 'before.png', 'image/png')
    ).json() as { url: string };
    wo = await ok<JobCardView>(t, 'POST', `/api/work-orders/${woId}/arrive`, tech, {
      version: wo.version,
      photosBefore: [before.url],
    });
    const after = (
      await postFile(t, '/api/uploads', tech, await png(1200, 900), 'after.png', 'image/png')
    ).json() as { url: string };
    const sign = await postFile(
      t,
      '/api/uploads?kind=signature',
      tech,
      await png(600, 200),
      'sign.png',
      'image/png',
    );
    expect(sign.json()).toMatchObject({ kind: 'signature', mime: 'image/png' });
    const signature = (sign.json() as { url: string }).url;

    // Another project's technician's upload cannot be slipped into this order.
    const foreign = (
      await postFile(t, '/api/uploads', techB, await png(50, 50), 'x.png', 'image/png')
    ).json() as { url: string };
    const refused = await t.request('POST', `/api/work-orders/${woId}/complete`, {
      token: tech,
      body: { version: wo.version, photosAfter: [foreign.url] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: 'invalid_upload' } });

    wo = await ok<JobCardView>(t, 'POST', `/api/work-orders/${woId}/complete`, tech, {
      version: wo.version,
      photosAfter: [after.url],
      signature,
      materials: [{ item: '角阀', qty: 1, unit: '个', unitPrice: 28 }],
      result: '更换角阀，试水无渗漏',
    });
    expect(wo).toMatchObject({
      status: '已完成',
      signature,
      photosAfter: [after.url],
      onSiteCheck: 'waived',
    });
    // The desk reads the photos once they are on the order.
    expect((await t.request('GET', after.url, { token: agent })).statusCode).toBe(200);
    // The job is done: the phone is masked for the technician again.
    const later = await ok<JobCardView>(t, 'GET', `/api/work-orders/${woId}`, tech);
    expect(later.ticket.contactPhone).not.toBe('13812345678');
    expect(later.ticket.contactPhone).toContain('*');
  });

  it('prints the 派工单 as a PDF whose text has the number, the 小区 and the resident (embedded CJK font)', async () => {
    // Printed by the 班长 (pii.view): the paper card carries the full phone; an agent's print masks it.
    const lead = await t.login('lead_a');
    const res = await t.request('GET', `/api/work-orders/${woId}/print.pdf`, { token: lead });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/FontFile2/);
    const [page] = await pdfText(pdf);
    const number = ticket.workOrders[0]!.number;
    expect(page).toContain(number);
    expect(page).toContain('测试花园');
    expect(page).toContain('派工单');
    expect(page).toContain('张伟');
    expect(page).toContain('13812345678');
    expect(page).toContain('角阀');
    expect(pdf.length).toBeLessThan(400_000);

    const en = await t.request('GET', `/api/work-orders/${woId}/print.pdf?lang=en&size=A4`, { token: agent });
    expect((await pdfText(en.rawPayload))[0]).toContain('Resident signature');
    // The technician prints his finished job: the phone there is masked like on his screen.
    const own = await t.request('GET', `/api/work-orders/${woId}/print.pdf`, { token: tech });
    expect((await pdfText(own.rawPayload))[0]).not.toContain('13812345678');
    expect((await t.request('GET', `/api/work-orders/${woId}/print.pdf`, { token: techB })).statusCode).toBe(
      404,
    );
  });

  it('prints a batch, one card per page: chosen orders, or a shift of the project', async () => {
    const second = await t.request('POST', '/api/tickets', {
      token: agent,
      body: {
        projectId: t.fixture.projectA,
        type: '报修',
        unitId: t.fixture.unitsA[1],
        residentId: t.fixture.residentsA[1],
        description: '门禁卡失灵',
      },
    });
    const other = (second.json() as TicketView).workOrders[0]!;
    const chosen = await t.request('GET', `/api/work-orders/print.pdf?ids=${woId},${other.id}`, {
      token: agent,
    });
    expect(chosen.statusCode).toBe(200);
    const pages = await pdfText(chosen.rawPayload);
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain(other.number);
    expect(pages[1]).toContain('王芳');

    const from = new Date(MONDAY_10.getTime() - 3_600_000).toISOString();
    const to = new Date(MONDAY_10.getTime() + 8 * 3_600_000).toISOString();
    const shift = await t.request(
      'GET',
      `/api/work-orders/print.pdf?projectId=${t.fixture.projectA}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      { token: agent },
    );
    expect(shift.statusCode).toBe(200);
    expect(await pdfText(shift.rawPayload)).toHaveLength(2);
    expect((await t.request('GET', '/api/work-orders/print.pdf', { token: agent })).statusCode).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { leafCategory, ok, type TicketView } from '../tickets/testing/helpers';

let t: TestServer;
let admin: string;
let lead: string;
let resident: string;
let water: number;
let burst: number;
const MONDAY_10 = new Date('2026-03-02T10:00:00+08:00');
const ZHANG = '13812345678';

interface ReportForm {
  projectId: number;
  items: {
    id: number;
    parentId: number | null;
    name: string;
    pathNames: string;
    urgent: boolean;
    uses: number;
  }[];
  common: number[];
  urgentKeywords: string[];
  appointment: { timezone: string; windows: { key: string; from: string; to: string }[]; days: string[] };
  servicePhone: string | null;
}
interface MyTicket {
  id: number;
  priority: string;
  appointmentAt: string | null;
  appointmentUntil: string | null;
  categoryPath: string | null;
  technicianName: string | null;
  expectedArrivalAt: string | null;
  servicePhone: string | null;
  timeline: { action: string; at: string }[];
}

async function portalLogin(phone: string): Promise<string> {
  await t.request('POST', '/api/portal/auth/code', { body: { phone } });
  await t.services.queue.drain();
  const res = await t.request('GET', '/api/deliveries?sourceType=portal_code&pageSize=50', { token: admin });
  const items = (res.json() as { items: { recipient: string; body: string }[] }).items;
  const code = /验证码为(\d{6})/.exec(items.find((d) => d.recipient === `+86${phone}`)?.body ?? '')?.[1];
  const login = await t.request('POST', '/api/portal/auth/login', { body: { phone, code } });
  expect(login.statusCode, login.body).toBe(200);
  return (login.json() as { token: string }).token;
}

const report = (body: Record<string, unknown>) =>
  t.request('POST', '/api/portal/tickets', {
    token: resident,
    body: { unitId: t.fixture.unitsA[0], type: '报修', description: '厨房水龙头坏了', ...body },
  });

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(MONDAY_10);
  admin = await t.login('admin');
  lead = await t.login('lead_a');
  resident = await portalLogin(ZHANG);
  water = await leafCategory(t, lead, '户内/水/水龙头损坏');
  burst = await leafCategory(t, lead, '户内/水/水管爆裂');
  await ok(t, 'PATCH', `/api/projects/${t.fixture.projectA}`, admin, {
    servicePhone: '021-58761234',
    version: (await ok<{ version: number }>(t, 'GET', `/api/projects/${t.fixture.projectA}`, admin)).version,
  });
});
afterAll(async () => t?.close());

describe('portal report form', () => {
  it('offers the category tree of my unit, the most used problems first, windows and urgent words', async () => {
    // Two desk tickets about the tap in project A make it the most common problem there.
    for (const description of ['水龙头滴水', '水龙头关不上'])
      await ok<TicketView>(
        t,
        'POST',
        '/api/tickets',
        lead,
        {
          projectId: t.fixture.projectA,
          type: '报修',
          categoryId: water,
          unitId: t.fixture.unitsA[1],
          description,
        },
        201,
      );
    const form = await ok<ReportForm>(
      t,
      'GET',
      `/api/portal/report-form?unitId=${t.fixture.unitsA[0]}`,
      resident,
    );
    expect(form.projectId).toBe(t.fixture.projectA);
    expect(form.common[0]).toBe(water);
    expect(form.items.find((i) => i.id === water)).toMatchObject({ uses: 2, urgent: false });
    expect(form.items.find((i) => i.id === burst)).toMatchObject({
      urgent: true,
      pathNames: '户内/水/水管爆裂',
    });
    // Inside 户内/水 the tap comes before the never-used problems.
    const waterParent = form.items.find((i) => i.id === water)?.parentId;
    expect(form.items.filter((i) => i.parentId === waterParent)[0]?.id).toBe(water);
    expect(form.urgentKeywords).toContain('漏水');
    expect(form.servicePhone).toBe('021-58761234');
    expect(form.appointment.windows.map((w) => w.key)).toEqual(['morning', 'afternoon', 'evening']);
    expect(form.appointment.days).toHaveLength(7);
    expect(form.appointment.days[0]).toBe('2026-03-02');

    const notMine = await t.request('GET', `/api/portal/report-form?unitId=${t.fixture.unitsB[0]}`, {
      token: resident,
    });
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json()).toMatchObject({ error: { code: 'bad_request' } });
    expect((await t.request('GET', `/api/portal/report-form?unitId=${t.fixture.unitsA[0]}`)).statusCode).toBe(
      401,
    );
  });

  it('says which company and 小区 the portal belongs to, with a drawn logo until one is set', async () => {
    const b = await ok<{
      company: { name: string; logoUrl: string; generatedLogo: boolean };
      projects: { id: number; servicePhone: string | null }[];
    }>(t, 'GET', '/api/portal/branding', resident);
    expect(b.company.generatedLogo).toBe(true);
    expect(b.company.logoUrl).toMatch(/^data:image\/svg\+xml/);
    expect(b.projects).toEqual([
      expect.objectContaining({ id: t.fixture.projectA, servicePhone: '021-58761234' }),
    ]);
    await ok(t, 'PUT', '/api/settings/portal.logoUrl', admin, { value: '/logo/anju.png' });
    const set = await ok<{ company: { logoUrl: string; generatedLogo: boolean } }>(
      t,
      'GET',
      '/api/portal/branding',
      resident,
    );
    expect(set.company).toMatchObject({ logoUrl: '/logo/anju.png', generatedLogo: false });
  });
});

describe('portal report', () => {
  it('takes a category, the urgent flag and a preferred window; the work order carries the window', async () => {
    const res = await report({
      categoryId: burst,
      description: '厨房水管爆了在漏水',
      urgent: true,
      appointment: { date: '2026-03-03', window: 'afternoon' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const mine = res.json() as MyTicket;
    expect(mine).toMatchObject({
      priority: '急',
      categoryPath: '户内/水/水管爆裂',
      appointmentAt: new Date('2026-03-03T14:00:00+08:00').toISOString(),
      appointmentUntil: new Date('2026-03-03T18:00:00+08:00').toISOString(),
      servicePhone: '021-58761234',
      technicianName: null,
    });
    const staff = await ok<TicketView & { workOrders: { appointmentUntil: string | null }[] }>(
      t,
      'GET',
      `/api/tickets/${mine.id}`,
      lead,
    );
    expect(staff).toMatchObject({ priority: '急', channel: 'portal', categoryId: burst });
    expect(staff.workOrders[0]?.appointmentUntil).toBe(mine.appointmentUntil);
  });

  it('a window without urgency is a 预约 whose arrival is due by the end of the window', async () => {
    const res = await report({
      categoryId: water,
      description: '水龙头一直滴水',
      appointment: { date: '2026-03-02', window: 'evening' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const mine = res.json() as MyTicket;
    expect(mine.priority).toBe('预约');
    const staff = await ok<TicketView & { workOrders: { sla: { arriveDueAt: string | null } }[] }>(
      t,
      'GET',
      `/api/tickets/${mine.id}`,
      lead,
    );
    expect(staff.workOrders[0]?.sla.arriveDueAt).toBe(new Date('2026-03-02T21:00:00+08:00').toISOString());
  });

  it('refuses a window that is over, unknown or too far ahead, with the error envelope', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ date: '2026-03-01', window: 'afternoon' }, 'appointment_past'],
      [{ date: '2026-03-02', window: 'morning' }, ''], // begun at 9, not over: allowed
      [{ date: '2026-03-20', window: 'morning' }, 'appointment_too_far'],
      [{ date: '2026-03-03', window: 'midnight' }, 'appointment_unknown_window'],
    ];
    for (const [appointment, code] of cases) {
      const res = await report({
        description: `窗口 ${appointment.date} ${appointment.window}`,
        appointment,
      });
      if (!code) {
        expect(res.statusCode, res.body).toBe(201);
        continue;
      }
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({
        error: {
          code,
          message: expect.any(String),
          details: [expect.objectContaining({ path: expect.stringMatching(/^body\.appointment\./) })],
        },
      });
    }
    const t11 = new Date('2026-03-02T12:30:00+08:00');
    t.clock.set(t11);
    const ended = await report({
      description: '上午的窗口已过',
      appointment: { date: '2026-03-02', window: 'morning' },
    });
    expect(ended.json()).toMatchObject({ error: { code: 'appointment_past' } });
    t.clock.set(MONDAY_10);
    const badShape = await report({
      description: '日期格式不对',
      appointment: { date: '3月3日', window: 'morning' },
    });
    expect(badShape.statusCode).toBe(400);
    expect(badShape.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('refuses a category of another project', async () => {
    const other = await ok<{ id: number }>(
      t,
      'POST',
      '/api/ticket-categories',
      admin,
      { projectId: t.fixture.projectB, name: '乙项目专属问题' },
      201,
    );
    const res = await report({ categoryId: other.id, description: '用了别的小区的分类' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'bad_request', details: { categoryId: other.id } } });
  });

  it("shows the technician's name and the expected arrival once the desk dispatched", async () => {
    await ok(t, 'PUT', '/api/dispatch-rules', admin, {
      projectId: t.fixture.projectA,
      categoryId: null,
      mode: 'assign',
    });
    await ok(t, 'PUT', `/api/technicians/${t.fixture.users.tech_a}/duty`, lead, {
      onDuty: true,
      openCap: 50,
    });
    const res = await report({
      categoryId: water,
      description: '洗手池水龙头松动',
      appointment: { date: '2026-03-03', window: 'morning' },
    });
    const mine = res.json() as MyTicket;
    const staff = await ok<TicketView & { workOrders: { id: number; version: number }[] }>(
      t,
      'GET',
      `/api/tickets/${mine.id}`,
      lead,
    );
    const wo = staff.workOrders[0]!;
    await ok(t, 'POST', `/api/work-orders/${wo.id}/dispatch`, lead, {
      version: wo.version,
      technicianId: t.fixture.users.tech_a,
    });
    const progress = await ok<MyTicket>(t, 'GET', `/api/portal/tickets/${mine.id}`, resident);
    expect(progress.technicianName).toBe('维修工甲');
    expect(progress.expectedArrivalAt).toBe(new Date('2026-03-03T12:00:00+08:00').toISOString());
    expect(progress.timeline.map((e) => e.action)).toContain('workorder.dispatched');
    expect(progress.timeline.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });
});

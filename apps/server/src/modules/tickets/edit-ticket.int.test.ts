import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import {
  clock,
  leafCategory,
  MONDAY_10,
  minutesAfter,
  ok,
  type TicketView,
  type WorkOrderView,
} from './testing/helpers';

type Detail = TicketView & {
  type: string;
  priority: string;
  categoryId: number | null;
  unitId: number | null;
  contactPhone: string | null;
  description: string;
  createdAt: string;
  workOrders: (WorkOrderView & { priority: string; createdAt: string })[];
};

let t: TestServer;
let agent: string;
let leak: number;

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(MONDAY_10);
  agent = await t.login('agent_a');
  leak = await leafCategory(t, agent, '户内/水/漏水');
  // An urgent repair must be taken within 10 minutes around the clock (the default respond target is
  // 30 business minutes for every type): a reclassification visibly changes the respond deadline.
  await ok(
    t,
    'POST',
    '/api/sla-policies',
    await t.login('admin'),
    {
      projectId: t.fixture.projectA,
      name: '急修 10 分钟受理',
      ticketType: '报修',
      priority: '急',
      targets: { respond: { minutes: 10, calendar: '24x7' } },
    },
    201,
  );
});
afterAll(async () => t?.close());

/** A request from the resident portal: nobody accepted it yet, so its respond clock runs. */
const portalRequest = (over: Record<string, unknown> = {}) =>
  ok<Detail>(
    t,
    'POST',
    '/api/tickets',
    agent,
    {
      projectId: t.fixture.projectA,
      type: '咨询',
      channel: 'portal',
      unitId: t.fixture.unitsA[0],
      residentId: t.fixture.residentsA[0],
      description: '厨房有水声，是不是楼上在装修？',
      ...over,
    },
    201,
  );

const edit = (ticket: { id: number; version: number }, body: Record<string, unknown>, token = agent) =>
  t.request('PATCH', `/api/tickets/${ticket.id}`, {
    token,
    body: { version: ticket.version, ...body },
  });

describe('PATCH /api/tickets/:id', () => {
  it('a 咨询 corrected to 报修/急 is held to the urgent targets counted from intake, not from the correction', async () => {
    t.clock.set(MONDAY_10);
    const logged = await portalRequest();
    expect(logged.status).toBe('待受理');
    expect(clock(logged, 'respond').deadline).toBe(minutesAfter(MONDAY_10, 30));

    t.clock.advanceMinutes(7);
    const res = await edit(logged, {
      reason: '业主来电补充：水管爆了',
      type: '报修',
      priority: '急',
      categoryId: leak,
    });
    expect(res.statusCode, res.body).toBe(200);
    const fixed = res.json() as Detail;
    expect(fixed).toMatchObject({
      type: '报修',
      priority: '急',
      categoryId: leak,
      version: logged.version + 1,
    });
    // createdAt + the urgent 10 minutes: 3 minutes left, not now + 10.
    expect(clock(fixed, 'respond')).toMatchObject({
      state: 'running',
      deadline: minutesAfter(MONDAY_10, 10),
      elapsedBusinessMinutes: 7,
    });
    // The repair gets the work order the intake would have created, its 15-minute arrival from intake.
    expect(fixed.workOrders).toHaveLength(1);
    const [wo] = fixed.workOrders;
    expect(wo).toMatchObject({ priority: '急', createdAt: MONDAY_10.toISOString() });
    expect(wo!.sla.arriveDueAt).toBe(minutesAfter(MONDAY_10, 15));
    expect(clock(wo!, 'arrive').deadline).toBe(minutesAfter(MONDAY_10, 15));

    // The same view as GET.
    const again = await ok<Detail>(t, 'GET', `/api/tickets/${fixed.id}`, agent);
    expect(again).toEqual(fixed);
  });

  it('a lower priority re-plans again from intake and reaches the open work orders', async () => {
    t.clock.set(MONDAY_10);
    const logged = await portalRequest({ type: '报修', priority: '急', categoryId: leak });
    t.clock.advanceMinutes(5);
    const res = await edit(logged, { reason: '只是滴水，不急', priority: '一般' });
    expect(res.statusCode, res.body).toBe(200);
    const fixed = res.json() as Detail;
    expect(clock(fixed, 'respond').deadline).toBe(minutesAfter(MONDAY_10, 30));
    expect(fixed.workOrders[0]).toMatchObject({ priority: '一般', createdAt: MONDAY_10.toISOString() });
    // The ordinary repair's arrival target (business minutes) from intake, not the urgent 15.
    expect(clock(fixed.workOrders[0]!, 'arrive').deadline).not.toBe(minutesAfter(MONDAY_10, 15));
    expect(new Date(clock(fixed.workOrders[0]!, 'arrive').deadline).getTime()).toBeGreaterThan(
      new Date(minutesAfter(MONDAY_10, 15)).getTime(),
    );
  });

  it('a complaint corrected to a 咨询 loses its reply clock', async () => {
    t.clock.set(MONDAY_10);
    const complaint = await portalRequest({ type: '投诉', description: '保安态度不好' });
    expect(clock(complaint, 'reply').state).toBe('running');
    const res = await edit(complaint, { reason: '其实是询问保安排班', type: '咨询' });
    expect(res.statusCode, res.body).toBe(200);
    const fixed = res.json() as Detail;
    expect(fixed.sla.clocks.map((c) => c.kind)).toEqual(['respond']);
  });

  it('answers 409 to a stale version and leaves the ticket as it was', async () => {
    const logged = await portalRequest();
    const first = await edit(logged, { reason: '补充描述', description: '厨房天花板滴水' });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await edit(logged, { reason: '改成报修', type: '报修' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'version_conflict' } });
    const now = await ok<Detail>(t, 'GET', `/api/tickets/${logged.id}`, agent);
    expect(now).toMatchObject({ type: '咨询', description: '厨房天花板滴水', workOrders: [] });
  });

  it('refuses a unit or resident of another project, and an unusable category', async () => {
    const logged = await portalRequest();
    const unit = await edit(logged, { reason: '换房号', unitId: t.fixture.unitsB[0] });
    expect(unit.statusCode).toBe(400);
    expect(unit.json()).toMatchObject({
      error: { code: 'bad_request', details: { unitId: t.fixture.unitsB[0] } },
    });
    const resident = await edit(logged, { reason: '换住户', residentId: t.fixture.residentsB[0] });
    expect(resident.statusCode).toBe(400);
    const category = await edit(logged, { reason: '分类', categoryId: 999_999 });
    expect(category.statusCode).toBe(400);
    const now = await ok<Detail>(t, 'GET', `/api/tickets/${logged.id}`, agent);
    expect(now.version).toBe(logged.version);
  });

  it('validates the edited ticket: a reason, something to change, 预约 with a time, someone to call back', async () => {
    const logged = await portalRequest();
    const noReason = await edit(logged, { type: '报修' });
    expect(noReason.statusCode).toBe(400);
    const longReason = await edit(logged, { reason: 'x'.repeat(201), type: '报修' });
    expect(longReason.statusCode).toBe(400);
    const nothing = await edit(logged, { reason: '看看' });
    expect(nothing.statusCode).toBe(400);
    const appointment = await edit(logged, { reason: '预约上门', priority: '预约' });
    expect(appointment.statusCode).toBe(400);
    expect(appointment.json()).toMatchObject({
      error: { code: 'validation_failed', details: [{ path: 'body.appointmentAt' }] },
    });
    // The portal ticket keeps the resident's archive phone, so clearing it too takes pii.view (the 班长).
    const nobody = await edit(
      logged,
      { reason: '匿名', unitId: null, residentId: null, contactPhone: null },
      await t.login('lead_a'),
    );
    expect(nobody.statusCode).toBe(400);
    const booked = await edit(logged, {
      reason: '预约上门',
      priority: '预约',
      appointmentAt: minutesAfter(MONDAY_10, 24 * 60),
    });
    expect(booked.statusCode, booked.body).toBe(200);
  });

  it('an edit repeating the ticket as it is changes nothing', async () => {
    const logged = await portalRequest();
    const same = await edit(logged, { reason: '无变化', type: '咨询', description: logged.description });
    expect(same.statusCode).toBe(200);
    expect((same.json() as Detail).version).toBe(logged.version);
  });

  it('a closed or cancelled ticket cannot be edited (409 ticket_not_editable)', async () => {
    const logged = await portalRequest();
    const cancelled = await ok<Detail>(t, 'POST', `/api/tickets/${logged.id}/cancel`, agent, {
      version: logged.version,
      reason: '重复',
    });
    const res = await edit(cancelled, { reason: '改类型', type: '报修' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      error: { code: 'ticket_not_editable', details: { status: '已取消' } },
    });
  });

  it('the timeline shows who corrected what and why, without the phone numbers', async () => {
    const logged = await portalRequest({ contactPhone: '13812345678' });
    const change = {
      reason: '业主改用新号码，并确认是漏水',
      type: '报修',
      categoryId: leak,
      contactPhone: '13987654321',
    };
    // The 座席 sees the number masked (no pii.view) and cannot overwrite it; the 班长 can.
    expect((await edit(logged, change)).statusCode).toBe(403);
    const res = await edit(logged, change, await t.login('lead_a'));
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Detail).contactPhone).toBe('13987654321');
    const { items } = await ok<{
      items: { action: string; actorId: number | null; before: unknown; after: Record<string, unknown> }[];
    }>(t, 'GET', `/api/tickets/${logged.id}/events`, agent);
    const edited = items.filter((e) => e.action === 'ticket.edited');
    expect(edited).toHaveLength(1);
    expect(edited[0]).toMatchObject({
      actorId: t.fixture.users.lead_a,
      before: { type: '咨询', categoryId: null, contactPhone: '***' },
      after: {
        type: '报修',
        categoryId: leak,
        categoryPath: '户内/水/漏水',
        contactPhone: 'changed',
        reason: '业主改用新号码，并确认是漏水',
      },
    });
    expect(JSON.stringify(edited[0])).not.toMatch(/1381234|1398765/);
    expect(items.map((e) => e.action)).toContain('workorder.created');
  });
});

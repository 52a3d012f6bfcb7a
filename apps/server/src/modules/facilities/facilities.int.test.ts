import type { Booking, Facility } from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toArrayBuffer } from '../../platform/http/xlsx';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { bills } from '../billing/schema';
import { projects } from '../org/schema';
import { sweepBookings } from './jobs';

/** 场地预约 under the scenario clock, on PGlite and PostgreSQL alike. */
let t: TestServer;
let admin: string;
let gym: Facility;
let court: Facility;
const at = (s: string) => new Date(`${s}+08:00`);
const iso = (s: string) => at(s).toISOString();

async function ok<T>(method: string, url: string, token: string, body?: unknown, status = 200): Promise<T> {
  const res = await t.request(method, url, { token, body });
  expect(res.statusCode, `${method} ${url} ${res.body}`).toBe(status);
  return res.json() as T;
}

async function portalLogin(phone: string): Promise<string> {
  const sent = await t.request('POST', '/api/portal/auth/code', { body: { phone } });
  expect(sent.statusCode, sent.body).toBe(202);
  await t.services.queue.drain();
  const res = await t.request('GET', '/api/deliveries?sourceType=portal_code&pageSize=50', { token: admin });
  const items = (res.json() as { items: { recipient: string; body: string }[] }).items;
  const code = /验证码为(\d{6})/.exec(items.find((d) => d.recipient === `+86${phone}`)?.body ?? '')?.[1];
  const login = await t.request('POST', '/api/portal/auth/login', { body: { phone, code } });
  expect(login.statusCode, login.body).toBe(200);
  return (login.json() as { token: string }).token;
}

beforeAll(async () => {
  t = await createTestServer();
  // Monday 7 December 2026, 09:00 in Shanghai.
  t.clock.set(at('2026-12-07T09:00:00'));
  admin = await t.login('admin');
  const base = { projectId: t.fixture.projectA, openFrom: '06:00', openTo: '22:00' };
  gym = await ok<Facility>(
    'POST',
    '/api/facilities',
    admin,
    {
      ...base,
      name: '健身房',
      kind: 'gym',
      slotMinutes: 60,
      maxSlots: 2,
      weeklyQuota: 2,
      cancelLeadMinutes: 60,
    },
    201,
  );
  court = await ok<Facility>(
    'POST',
    '/api/facilities',
    admin,
    {
      ...base,
      name: '羽毛球场',
      kind: 'court',
      slotMinutes: 30,
      maxSlots: 4,
      bufferMinutes: 30,
      feePerSlotFen: 1500,
    },
    201,
  );
}, 120_000);
afterAll(async () => t?.close());

const desk = (facility: Facility, unit: number, from: string, to: string) =>
  t.request('POST', '/api/bookings', {
    token: admin,
    body: {
      facilityId: facility.id,
      unitId: unit,
      startsAt: iso(from),
      endsAt: iso(to),
      contactName: '前台代订',
    },
  });

describe('facility bookings', () => {
  it('lets exactly one of many concurrent requests have one slot', async () => {
    const units = t.fixture.unitsA.slice(0, 6);
    const answers = await Promise.all(
      units.map((u) => desk(gym, u, '2026-12-08T19:00:00', '2026-12-08T20:00:00')),
    );
    const codes = answers.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(units.length - 1);
    for (const r of answers.filter((x) => x.statusCode === 409))
      expect(r.json()).toMatchObject({ error: { code: 'conflict', details: { reason: 'taken' } } });
    // An overlapping but different range is refused too; the next hour is free.
    expect((await desk(gym, units[1]!, '2026-12-08T18:00:00', '2026-12-08T20:00:00')).statusCode).toBe(409);
    expect((await desk(gym, units[1]!, '2026-12-08T20:00:00', '2026-12-08T21:00:00')).statusCode).toBe(201);
  });

  it('keeps the buffer after a booking free and charges per slot', async () => {
    const u = t.fixture.unitsA[2]!;
    const first = await desk(court, u, '2026-12-09T10:00:00', '2026-12-09T11:00:00');
    expect(first.statusCode, first.body).toBe(201);
    expect((first.json() as Booking).feeFen).toBe(3000);
    expect((await desk(court, u, '2026-12-09T11:00:00', '2026-12-09T11:30:00')).statusCode).toBe(409);
    expect((await desk(court, u, '2026-12-09T09:30:00', '2026-12-09T10:00:00')).statusCode).toBe(409);
    const third = await desk(court, u, '2026-12-09T11:30:00', '2026-12-09T12:00:00');
    expect(third.statusCode).toBe(201);
    // The fee is a 场地使用费 bill of the household's unit, owed at the desk.
    const billOf = async (b: Booking) =>
      (await t.services.database.db.select().from(bills).where(eq(bills.id, b.billId!)))[0];
    expect(await billOf(first.json() as Booking)).toMatchObject({
      unitId: u,
      billedAmount: 3000,
      balance: 3000,
      sourceType: 'booking',
      sourceId: (first.json() as Booking).id,
    });
    // Cancelled in time: the open fee is waived through an approved adjustment.
    const cancelled = third.json() as Booking;
    await ok('POST', `/api/bookings/${cancelled.id}/cancel`, admin, {});
    expect(await billOf(cancelled)).toMatchObject({ billedAmount: 1500, adjustedAmount: -1500, balance: 0 });
    const day = await ok<{ slots: { startsAt: string; free: number }[] }>(
      'GET',
      `/api/facilities/${court.id}/availability?date=2026-12-09`,
      admin,
    );
    expect(day.slots.find((s) => s.startsAt === iso('2026-12-09T11:00:00'))?.free).toBe(0);
    expect(day.slots.find((s) => s.startsAt === iso('2026-12-09T13:00:00'))?.free).toBe(1);
  });

  it('a paid booking cancelled in time returns its fee to the prepaid balance (转预存)', async () => {
    const u = t.fixture.unitsA[3]!;
    const booked = await desk(court, u, '2026-12-10T10:00:00', '2026-12-10T11:00:00');
    expect(booked.statusCode, booked.body).toBe(201);
    const b = booked.json() as Booking;
    await ok(
      'POST',
      '/api/payments',
      admin,
      { unitId: u, billIds: [b.billId], amount: 3000, method: 'cash' },
      201,
    );
    const before = await ok<{ balance: number }>('GET', `/api/units/${u}/prepaid`, admin);
    await ok('POST', `/api/bookings/${b.id}/cancel`, admin, {});
    const [bill] = await t.services.database.db.select().from(bills).where(eq(bills.id, b.billId!));
    // The bill stays settled (nothing owed, nothing paid); the money waits as 预存.
    expect(bill).toMatchObject({ billedAmount: 3000, paidAmount: 0, adjustedAmount: -3000, balance: 0 });
    const after = await ok<{ balance: number; entries: { kind: string; amount: number }[] }>(
      'GET',
      `/api/units/${u}/prepaid`,
      admin,
    );
    expect(after.balance - before.balance).toBe(3000);
    expect(after.entries[0]).toMatchObject({ kind: 'credit', amount: 3000 });
  });

  it('refuses what the rules forbid, saying which rule', async () => {
    const u = t.fixture.unitsA[3]!;
    const reason = async (from: string, to: string) =>
      ((await desk(gym, u, from, to)).json() as { error: { details: { reason: string } } }).error.details
        .reason;
    expect(await reason('2026-12-08T05:00:00', '2026-12-08T06:00:00')).toBe('outside_hours');
    expect(await reason('2026-12-08T07:30:00', '2026-12-08T08:30:00')).toBe('not_aligned');
    expect(await reason('2026-12-08T07:00:00', '2026-12-08T10:00:00')).toBe('too_long');
    expect(await reason('2026-12-07T08:00:00', '2026-12-07T09:00:00')).toBe('in_the_past');
    expect(await reason('2026-12-20T08:00:00', '2026-12-20T09:00:00')).toBe('too_far_ahead');
    // Two a week for the household, then the quota.
    expect((await desk(gym, u, '2026-12-10T07:00:00', '2026-12-10T08:00:00')).statusCode).toBe(201);
    expect((await desk(gym, u, '2026-12-11T07:00:00', '2026-12-11T08:00:00')).statusCode).toBe(201);
    expect(await reason('2026-12-12T07:00:00', '2026-12-12T08:00:00')).toBe('quota');
    // Next week counts afresh.
    expect((await desk(gym, u, '2026-12-14T07:00:00', '2026-12-14T08:00:00')).statusCode).toBe(201);
  });

  it('checks in, cancels within the lead time only, and lists and exports', async () => {
    const u = t.fixture.unitsA[4]!;
    const b = (await desk(gym, u, '2026-12-07T10:00:00', '2026-12-07T11:00:00')).json() as Booking;
    expect(b.state).toBe('confirmed');
    // Too early to check in at 09:00; too late to cancel within the hour.
    expect((await t.request('POST', `/api/bookings/${b.id}/checkin`, { token: admin })).statusCode).toBe(409);
    t.clock.set(at('2026-12-07T09:10:00'));
    const late = await t.request('POST', `/api/bookings/${b.id}/cancel`, { token: admin, body: {} });
    expect(late.json()).toMatchObject({ error: { details: { reason: 'cancel_lead_time' } } });
    t.clock.set(at('2026-12-07T09:50:00'));
    const checked = await ok<Booking>('POST', `/api/bookings/${b.id}/checkin`, admin);
    expect(checked.state).toBe('checked_in');
    t.clock.set(at('2026-12-07T11:05:00'));
    await sweepBookings(t.services);
    expect((await ok<Booking>('GET', `/api/bookings/${b.id}`, admin)).state).toBe('completed');
    const list = await ok<{ items: Booking[]; total: number }>(
      'GET',
      `/api/bookings?facilityId=${gym.id}`,
      admin,
    );
    expect(list.total).toBeGreaterThan(3);
    const xlsx = await t.request('GET', `/api/bookings/export.xlsx?facilityId=${gym.id}`, { token: admin });
    expect(xlsx.statusCode).toBe(200);
  });

  it('frees a no-show after the grace period and offers it to the waitlist, the offer expiring', async () => {
    t.clock.set(at('2026-12-07T12:00:00'));
    const zhang = await portalLogin('13812345678');
    const wang = await portalLogin('13912340001');
    const { items } = await ok<{ items: Facility[] }>('GET', '/api/facilities', admin);
    const fresh = items.find((f) => f.id === gym.id)!;
    await ok('PATCH', `/api/facilities/${gym.id}`, admin, { weeklyQuota: 0, version: fresh.version });
    const mine = await ok<{ facilities: Facility[]; bookings: Booking[] }>(
      'GET',
      '/api/portal/bookings',
      zhang,
    );
    expect(mine.facilities.map((f) => f.name)).toContain('健身房');
    const unitZhang = t.fixture.unitsA[0]!;
    const unitWang = t.fixture.unitsA[1]!;
    const booked = await ok<Booking>(
      'POST',
      '/api/portal/bookings',
      zhang,
      {
        facilityId: gym.id,
        unitId: unitZhang,
        startsAt: iso('2026-12-07T15:00:00'),
        endsAt: iso('2026-12-07T17:00:00'),
      },
      201,
    );
    expect(booked).toMatchObject({ state: 'confirmed', source: 'portal', contactName: '张伟' });
    // 王芳 finds 16:00 taken and joins the waitlist for that hour.
    const taken = await t.request('POST', '/api/portal/bookings', {
      token: wang,
      body: {
        facilityId: gym.id,
        unitId: unitWang,
        startsAt: iso('2026-12-07T16:00:00'),
        endsAt: iso('2026-12-07T17:00:00'),
      },
    });
    expect(taken.statusCode).toBe(409);
    const wait = await ok<{ id: number }>(
      'POST',
      '/api/portal/waitlist',
      wang,
      {
        facilityId: gym.id,
        unitId: unitWang,
        startsAt: iso('2026-12-07T16:00:00'),
        endsAt: iso('2026-12-07T17:00:00'),
      },
      201,
    );
    // The reminder goes out two hours ahead.
    t.clock.set(at('2026-12-07T13:10:00'));
    expect((await sweepBookings(t.services)).reminded).toBeGreaterThanOrEqual(1);
    // Nobody checks in: 15 minutes after the start the rest is freed and 16:00 offered to 王芳 for 30 minutes.
    t.clock.set(at('2026-12-07T15:16:00'));
    expect((await sweepBookings(t.services)).noShows).toBe(1);
    expect((await ok<Booking>('GET', `/api/bookings/${booked.id}`, admin)).state).toBe('no_show');
    const offered = await ok<{ waitlist: { id: number; state: string }[] }>(
      'GET',
      '/api/portal/bookings',
      wang,
    );
    expect(offered.waitlist.find((w) => w.id === wait.id)?.state).toBe('offered');
    const taken2 = await ok<Booking>('POST', `/api/portal/waitlist/${wait.id}/accept`, wang, undefined, 201);
    expect(taken2).toMatchObject({ source: 'waitlist', state: 'confirmed', unitId: unitWang });
    // A second offer left alone lapses.
    const later = await ok<{ id: number }>(
      'POST',
      '/api/portal/waitlist',
      zhang,
      {
        facilityId: gym.id,
        unitId: unitZhang,
        startsAt: iso('2026-12-07T18:00:00'),
        endsAt: iso('2026-12-07T19:00:00'),
      },
      201,
    );
    const b2 = (await desk(gym, unitWang, '2026-12-07T18:00:00', '2026-12-07T19:00:00')).json() as Booking;
    await ok('POST', `/api/bookings/${b2.id}/cancel`, admin, {});
    const entry = (
      await ok<{ waitlist: { id: number; state: string }[] }>('GET', '/api/portal/bookings', zhang)
    ).waitlist;
    expect(entry.find((w) => w.id === later.id)?.state).toBe('offered');
    t.clock.set(at('2026-12-07T15:50:00'));
    expect((await sweepBookings(t.services)).lapsed).toBe(1);
    const lapsed = await t.request('POST', `/api/portal/waitlist/${later.id}/accept`, { token: zhang });
    expect(lapsed.statusCode).toBe(409);
  });
});

describe("a facility of a project in London: times on the project's clock", () => {
  it('reminds the resident and exports the booking in London time, not Shanghai time', async () => {
    const f = t.fixture;
    await t.services.database.db
      .update(projects)
      .set({ timezone: 'Europe/London' })
      .where(eq(projects.id, f.projectB));
    // 07:00 in London, 15:00 in Shanghai.
    t.clock.set(new Date('2026-12-08T07:00:00Z'));
    admin = await t.login('admin');
    const hall = await ok<Facility>(
      'POST',
      '/api/facilities',
      admin,
      {
        projectId: f.projectB,
        name: '会议室',
        kind: 'room',
        openFrom: '06:00',
        openTo: '22:00',
        slotMinutes: 60,
        maxSlots: 2,
      },
      201,
    );
    const liu = await portalLogin('13712345678');
    const booked = await ok<Booking>(
      'POST',
      '/api/portal/bookings',
      liu,
      {
        facilityId: hall.id,
        unitId: f.unitsB[0]!,
        startsAt: '2026-12-08T10:00:00Z',
        endsAt: '2026-12-08T11:00:00Z',
      },
      201,
    );
    // Two hours ahead: the reminder says 10:00, London's wall clock (Shanghai would read 18:00).
    t.clock.set(new Date('2026-12-08T08:30:00Z'));
    expect((await sweepBookings(t.services)).reminded).toBe(1);
    const sent = await ok<{ items: { sourceId: number; body: string }[] }>(
      'GET',
      '/api/deliveries?sourceType=booking&pageSize=50',
      admin,
    );
    const reminder = sent.items.find((d) => d.sourceId === booked.id)?.body;
    expect(reminder).toContain('12/8 10:00');
    const xlsx = await t.request('GET', `/api/bookings/export.xlsx?facilityId=${hall.id}`, { token: admin });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(toArrayBuffer(xlsx.rawPayload));
    const ws = wb.worksheets[0]!;
    const col = (ws.getRow(1).values as unknown[]).map(String).indexOf('开始');
    // Excel dates hold the wall clock, read back as UTC fields.
    expect((ws.getRow(2).getCell(col).value as Date).toISOString()).toBe('2026-12-08T10:00:00.000Z');
  });
});

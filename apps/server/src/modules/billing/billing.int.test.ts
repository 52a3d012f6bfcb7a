import type { Bill, BillDetail, BillingRun, FeeItem, MeterReading } from '@guanjia/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { ok } from '../tickets/testing/helpers';

let t: TestServer;
let finance: string;
let admin: string;
let agent: string;
const items: Record<string, FeeItem> = {};

// 2026-12-01 09:00 in Shanghai.
const DEC_1 = new Date('2026-12-01T01:00:00Z');

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(DEC_1);
  [finance, admin, agent] = await Promise.all([t.login('manager_a'), t.login('admin'), t.login('agent_a')]);
});
afterAll(async () => t?.close());

const feeItem = async (body: Record<string, unknown>) =>
  ok<FeeItem>(
    t,
    'POST',
    '/api/fee-items',
    finance,
    { projectId: t.fixture.projectA, startDate: '2026-01-01', ...body },
    201,
  );

const runPeriod = async (period: string) => {
  const run = await ok<BillingRun>(
    t,
    'POST',
    '/api/billing-runs',
    finance,
    { projectId: t.fixture.projectA, period },
    202,
  );
  await t.services.queue.drain();
  return ok<BillingRun>(t, 'GET', `/api/billing-runs/${run.id}`, finance);
};

const bills = async (query: string) =>
  (await ok<{ items: Bill[]; total: number }>(t, 'GET', `/api/bills?pageSize=200&${query}`, finance)).items;

describe('fee items, readings and a billing run', () => {
  it('sets up fee items and attaches them in bulk', async () => {
    const f = t.fixture;
    items.service = await feeItem({
      code: 'WY',
      name: '物业服务费',
      kind: 'monthly',
      formula: 'area',
      unitPrice: 23500,
      lateFeeRate: 5,
      lateFeeGraceDays: 0,
      lateFeeCapPercent: 10,
      priority: 1,
    });
    items.parking = await feeItem({
      code: 'CW',
      name: '停车费',
      kind: 'monthly',
      formula: 'fixed',
      fixedAmount: 30000,
      payer: 'parking',
    });
    items.water = await feeItem({
      code: 'WATER',
      name: '水费',
      kind: 'monthly',
      formula: 'tiered',
      tiers: [
        { upTo: 18, unitPrice: 34500 },
        { upTo: null, unitPrice: 48300 },
      ],
    });
    items.shared = await feeItem({
      code: 'GT',
      name: '公摊水电',
      kind: 'monthly',
      formula: 'apportion',
      unitPrice: 8000,
    });
    // A formula without its price is refused with a reason.
    const bad = await t.request('POST', '/api/fee-items', {
      token: finance,
      body: {
        projectId: f.projectA,
        code: 'X',
        name: '缺价',
        kind: 'monthly',
        formula: 'area',
        startDate: '2026-01-01',
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ error: { code: 'formula_incomplete' } });
    // Only finance sets fee items up.
    expect((await t.request('POST', '/api/fee-items', { token: agent, body: {} })).statusCode).toBe(403);

    const byBuilding = await ok<{ changed: number; unitCount: number }>(
      t,
      'POST',
      `/api/fee-items/${items.service.id}/units`,
      finance,
      {
        buildingIds: f.buildingsA,
      },
    );
    expect(byBuilding).toEqual({ changed: 8, unitCount: 8 });
    // Attaching again changes nothing.
    expect(
      await ok(t, 'POST', `/api/fee-items/${items.service.id}/units`, finance, { buildingIds: f.buildingsA }),
    ).toEqual({ changed: 0, unitCount: 8 });
    await ok(t, 'POST', `/api/fee-items/${items.parking.id}/units`, finance, {
      unitIds: [f.unitsA[0]],
      parkingSpace: 'B-017',
    });
    await ok(t, 'POST', `/api/fee-items/${items.water.id}/units`, finance, { unitIds: f.unitsA.slice(0, 2) });
    await ok(t, 'POST', `/api/fee-items/${items.shared.id}/units`, finance, { unitTypes: ['住宅'] });
    const detached = await ok<{ changed: number }>(
      t,
      'POST',
      `/api/fee-items/${items.shared.id}/units/detach`,
      finance,
      {
        unitIds: [f.unitsA[7]],
      },
    );
    expect(detached.changed).toBe(1);

    // PATCH with a stale version → 409.
    const edited = await ok<FeeItem>(t, 'PATCH', `/api/fee-items/${items.service.id}`, finance, {
      version: 1,
      name: '物业服务费（住宅）',
    });
    expect(edited.version).toBe(2);
    const stale = await t.request('PATCH', `/api/fee-items/${items.service.id}`, {
      token: finance,
      body: { version: 1, name: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    const list = await ok<{ items: FeeItem[] }>(t, 'GET', `/api/fee-items?projectId=${f.projectA}`, agent);
    expect(list.items.map((i) => i.code)).toEqual(['WY', 'CW', 'GT', 'WATER']);
  });

  it('refuses a reading lower than the last or a jump, unless it is a meter change', async () => {
    const [u1, u2] = t.fixture.unitsA;
    const read = (
      unitId: number | null,
      period: string,
      value: number,
      extra: Record<string, unknown> = {},
    ) =>
      t.request('POST', '/api/meter-readings', {
        token: finance,
        body: {
          feeItemId: unitId === null ? items.shared!.id : items.water!.id,
          unitId,
          period,
          value,
          ...extra,
        },
        headers: { 'accept-language': 'zh-CN' },
      });
    for (const [unit, values] of [
      [u1, [100, 110, 125]],
      [u2, [200, 210]],
    ] as const)
      for (const [i, v] of values.entries())
        expect((await read(unit!, `2026-${10 + i}`, v)).statusCode).toBe(201);
    const lower = await read(u2!, '2026-12', 205);
    expect(lower.statusCode).toBe(422);
    expect(lower.json()).toMatchObject({
      error: { code: 'reading_refused', details: { reason: 'lower_than_last' } },
    });
    expect(lower.json().error.message).toMatch(/换表/);
    const jump = await read(u2!, '2026-12', 260);
    expect(jump.json()).toMatchObject({ error: { details: { reason: 'jump', consumption: 50, limit: 30 } } });
    const changed = await read(u2!, '2026-12', 12, { meterChange: true });
    expect(changed.statusCode).toBe(201);
    expect((changed.json() as MeterReading).consumption).toBe(12);
    expect((await read(u2!, '2026-12', 13)).statusCode).toBe(409);
    // The shared meter of the apportioned item: 1000 kWh this period.
    expect((await read(null, '2026-11', 5000)).statusCode).toBe(201);
    expect((await read(null, '2026-12', 6000)).statusCode).toBe(201);
    const page = await ok<{ items: MeterReading[]; total: number }>(
      t,
      'GET',
      `/api/meter-readings?period=2026-12&feeItemId=${items.water!.id}`,
      finance,
    );
    expect(page.items.map((r) => [r.unitId, r.consumption])).toEqual([
      [u1, 15],
      [u2, 12],
    ]);
  });

  it('bills every attached unit once; re-running the period adds nothing', async () => {
    const run = await runPeriod('2026-12');
    expect(run).toMatchObject({
      status: 'done',
      unitsTotal: 7 + 1,
      billsCreated: 8,
      linesCreated: 8 + 1 + 2 + 7,
    });
    const dec = await bills('period=2026-12');
    expect(dec).toHaveLength(8);
    const first = dec.find((b) => b.unitId === t.fixture.unitsA[0])!;
    // 89.5 m² × 2.35 = 210.33; 停车 300; 水 15 m³ × 3.45 = 51.75; 公摊 1000 kWh × 0.80 = 800 元 over 7 equal units.
    const detail = await ok<BillDetail>(t, 'GET', `/api/bills/${first.id}`, finance);
    expect(detail.lines.map((l) => [l.feeItemName, l.amount])).toEqual([
      ['物业服务费（住宅）', 21033],
      ['停车费', 30000],
      ['公摊水电', 11429],
      ['水费', 5175],
    ]);
    expect(detail.billedAmount).toBe(21033 + 30000 + 11429 + 5175);
    expect(detail).toMatchObject({ status: 'unpaid', balance: detail.billedAmount, allocations: [] });
    const shared = await Promise.all(dec.map((b) => ok<BillDetail>(t, 'GET', `/api/bills/${b.id}`, finance)));
    const sharedTotal = shared
      .flatMap((d) => d.lines)
      .filter((l) => l.feeItemId === items.shared!.id)
      .reduce((s, l) => s + l.amount, 0);
    expect(sharedTotal).toBe(80000);

    const total = dec.reduce((s, b) => s + b.billedAmount, 0);
    expect(run.amountCreated).toBe(total);
    const again = await runPeriod('2026-12');
    expect(again).toMatchObject({ status: 'done', billsCreated: 0, linesCreated: 0, amountCreated: 0 });
    expect((await bills('period=2026-12')).reduce((s, b) => s + b.billedAmount, 0)).toBe(total);

    // A unit attached to the shared meter later gets no second split of a billed period: the
    // parts must keep adding up to the meter's amount.
    await ok(t, 'POST', `/api/fee-items/${items.shared!.id}/units`, finance, {
      unitIds: [t.fixture.unitsA[7]],
    });
    expect((await runPeriod('2026-12')).linesCreated).toBe(0);
    // A new parking space of a unit is billed by a re-run, and only it.
    await ok(t, 'POST', `/api/fee-items/${items.parking!.id}/units`, finance, {
      unitIds: [t.fixture.unitsA[1]],
      parkingSpace: 'B-018',
    });
    expect(await runPeriod('2026-12')).toMatchObject({
      billsCreated: 0,
      linesCreated: 1,
      amountCreated: 30000,
    });
  });

  it('filters and exports bills', async () => {
    const unitId = t.fixture.unitsA[0]!;
    expect((await bills(`unitId=${unitId}`)).map((b) => b.unitId)).toEqual([unitId]);
    expect(await bills('status=paid')).toEqual([]);
    expect((await bills(`buildingId=${t.fixture.buildingsA[1]}`)).length).toBe(4);
    const xlsx = await t.request('GET', '/api/bills?format=xlsx&period=2026-12', { token: admin });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['x-total-count']).toBe('8');
  });
});

import type {
  Material,
  MaterialsReport,
  StockMovement,
  Stocktake,
  WorkOrderDraft,
} from '@guanjia/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { ok, onDuty, type TicketView } from '../tickets/testing/helpers';

/** W-25 under the scenario clock: a stock-out against a work order, a return, a stocktake difference. */
let t: TestServer;
let admin: string;
let tech: string;
let valve: Material;
let woNumber: string;
const at = (s: string) => new Date(`${s}+08:00`);

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(at('2026-11-20T09:00:00'));
  [admin, tech] = await Promise.all([t.login('admin'), t.login('tech_a')]);
  await onDuty(t, tech, t.fixture.users.tech_a);
  valve = await ok<Material>(
    t,
    'POST',
    '/api/materials',
    admin,
    {
      projectId: t.fixture.projectA,
      code: 'SD-002',
      name: '角阀',
      spec: 'DN15 铜',
      unit: '个',
      category: '水暖',
      priceFen: 2800,
      minStock: 5,
    },
    201,
  );
  const ticket = await ok<TicketView>(
    t,
    'POST',
    '/api/tickets',
    admin,
    {
      projectId: t.fixture.projectA,
      type: '报修',
      unitId: t.fixture.unitsA[0],
      description: '厨房角阀漏水',
      contactPhone: '13812345678',
      workOrder: { technicianId: t.fixture.users.tech_a },
    },
    201,
  );
  const wo = ticket.workOrders[0]!;
  woNumber = wo.number;
  const accepted = await ok<{ version: number }>(t, 'POST', `/api/work-orders/${wo.id}/accept`, tech, {
    version: wo.version,
  });
  const arrived = await ok<{ version: number }>(t, 'POST', `/api/work-orders/${wo.id}/arrive`, tech, {
    version: accepted.version,
  });
  await ok(t, 'POST', `/api/work-orders/${wo.id}/complete`, tech, {
    version: arrived.version,
    materials: [
      { item: '角阀', qty: 2, unit: '个', unitPrice: 28 },
      { item: '生料带', qty: 1 },
    ],
    result: '更换角阀',
  });
});
afterAll(async () => t?.close());

const post = (body: Record<string, unknown>) =>
  t.request('POST', '/api/stock-movements', {
    token: admin,
    body: { projectId: t.fixture.projectA, materialId: valve.id, ...body },
    headers: { 'accept-language': 'zh-CN' },
  });

describe('materials against work orders (W-25)', () => {
  it('takes stock in, and out only against a work order number of the project', async () => {
    expect((await post({ kind: 'in', qty: 10, note: '11月采购' })).statusCode).toBe(201);
    const noNumber = await post({ kind: 'out', qty: 1 });
    expect(noNumber.statusCode).toBe(400);
    const wrong = await post({ kind: 'out', qty: 1, workOrderNumber: 'NOPE-1' });
    expect(wrong.json()).toMatchObject({ error: { message: '本项目没有该单号的派工单' } });
    const tooMany = await post({ kind: 'out', qty: 99, workOrderNumber: woNumber });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json()).toMatchObject({ error: { message: '库存不足', details: { onHand: 10 } } });
  });

  it('offers the completed order’s materials as the stock-out, less what was drawn', async () => {
    const draft = await ok<WorkOrderDraft>(
      t,
      'GET',
      `/api/stock-movements/work-order-draft?projectId=${t.fixture.projectA}&workOrderNumber=${woNumber}`,
      admin,
    );
    expect(draft.lines).toEqual([
      { item: '角阀', qty: 2, unit: '个', materialId: valve.id, issued: 0, suggested: 2 },
      { item: '生料带', qty: 1, unit: null, materialId: null, issued: 0, suggested: 0 },
    ]);
    const out = (await post({ kind: 'out', qty: 2, workOrderNumber: woNumber })).json() as StockMovement;
    expect(out).toMatchObject({ kind: 'out', delta: -2, workOrderNumber: woNumber, priceFen: 2800 });
    expect(
      (await post({ kind: 'return', qty: 1, workOrderNumber: woNumber, note: '旧件可用' })).statusCode,
    ).toBe(201);
    const again = await ok<WorkOrderDraft>(
      t,
      'GET',
      `/api/stock-movements/work-order-draft?projectId=${t.fixture.projectA}&workOrderNumber=${woNumber}`,
      admin,
    );
    expect(again.lines[0]).toMatchObject({ issued: 1, suggested: 1 });
    const m = await ok<Material>(t, 'GET', `/api/materials/${valve.id}`, admin);
    expect(m.onHand).toBe(9);
  });

  it('a stocktake difference becomes an adjustment, and the month report adds up', async () => {
    t.clock.set(at('2026-11-24T16:00:00'));
    const st = await ok<Stocktake>(
      t,
      'POST',
      '/api/stocktakes',
      admin,
      { projectId: t.fixture.projectA, month: '2026-11' },
      201,
    );
    expect(st.lines).toMatchObject([{ materialId: valve.id, bookQty: 9, countedQty: null }]);
    const dup = await t.request('POST', '/api/stocktakes', {
      token: admin,
      body: { projectId: t.fixture.projectA, month: '2026-11' },
    });
    expect(dup.statusCode).toBe(409);
    const counted = await ok<Stocktake>(t, 'PUT', `/api/stocktakes/${st.id}/counts`, admin, {
      version: st.version,
      lines: [{ materialId: valve.id, countedQty: 8 }],
    });
    expect(counted).toMatchObject({ differences: 1, differenceFen: -2800 });
    const stale = await t.request('POST', `/api/stocktakes/${st.id}/close`, {
      token: admin,
      body: { version: st.version },
    });
    expect(stale.statusCode).toBe(409);
    const closed = await ok<Stocktake>(t, 'POST', `/api/stocktakes/${st.id}/close`, admin, {
      version: counted.version,
    });
    expect(closed.status).toBe('closed');
    expect((await ok<Material>(t, 'GET', `/api/materials/${valve.id}`, admin)).onHand).toBe(8);

    const report = await ok<MaterialsReport>(
      t,
      'GET',
      `/api/reports/materials?projectId=${t.fixture.projectA}&month=2026-11`,
      admin,
    );
    expect(report.dueDay).toBe(25);
    expect(report.rows[0]).toMatchObject({
      opening: 0,
      inQty: 10,
      outQty: 2,
      returnQty: 1,
      adjustQty: -1,
      closing: 8,
      consumedFen: 2800,
      workOrders: 1,
      toBuy: 0,
    });
    const xlsx = await t.request(
      'GET',
      `/api/reports/materials.xlsx?projectId=${t.fixture.projectA}&month=2026-11`,
      { token: admin },
    );
    expect(xlsx.statusCode).toBe(200);
  });

  it('a technician reads the store but does not keep it', async () => {
    expect((await t.request('GET', '/api/materials', { token: tech })).statusCode).toBe(200);
    expect((await t.request('POST', '/api/materials', { token: tech, body: {} })).statusCode).toBe(403);
  });
});

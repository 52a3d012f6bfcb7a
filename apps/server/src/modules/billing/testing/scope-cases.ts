import { expect } from 'vitest';
import type { ScopeCase } from '../../../testing/scope';
import type { TestServer } from '../../../testing/test-server';

/** Project B's fee item, reading, run, bill and pending adjustment: what a caller of A must never reach. */
export async function seedBillingOfB(t: TestServer, admin: string) {
  const f = t.fixture;
  const post = async <T>(url: string, body: unknown, status = 201) => {
    const res = await t.request('POST', url, { token: admin, body });
    expect(res.statusCode, `${url} ${res.body}`).toBe(status);
    return res.json() as T;
  };
  const item = await post<{ id: number }>('/api/fee-items', {
    projectId: f.projectB,
    code: 'B-W',
    name: '乙方水费',
    kind: 'monthly',
    formula: 'meter',
    unitPrice: 34500,
    startDate: '2020-01-01',
  });
  await post(`/api/fee-items/${item.id}/units`, { unitIds: f.unitsB }, 200);
  const reading = await post<{ id: number }>('/api/meter-readings', {
    feeItemId: item.id,
    unitId: f.unitsB[0],
    period: '2020-01',
    value: 10,
  });
  const run = await post<{ id: number }>(
    '/api/billing-runs',
    { projectId: f.projectB, period: '2020-01' },
    202,
  );
  await t.services.queue.drain();
  const bills = await t.request('GET', `/api/bills?projectId=${f.projectB}`, { token: admin });
  const bill = (bills.json() as { items: { id: number }[] }).items[0]!.id;
  const adjusted = await post<{ adjustments: { id: number }[] }>(`/api/bills/${bill}/adjustments`, {
    kind: 'adjustment',
    amount: 100,
    reason: '乙方调整',
  });
  return { item: item.id, reading: reading.id, run: run.id, bill, adjustment: adjusted.adjustments[0]!.id };
}
export type BillingOfB = Awaited<ReturnType<typeof seedBillingOfB>>;

export function billingScopeCases(t: TestServer, b: BillingOfB): Record<string, ScopeCase[]> {
  const f = t.fixture;
  const v = { version: 1 };
  return {
    'POST /api/fee-items': [
      {
        method: 'POST',
        url: '/api/fee-items',
        body: {
          projectId: f.projectB,
          code: 'X',
          name: '越权',
          kind: 'monthly',
          formula: 'fixed',
          fixedAmount: 1,
          startDate: '2026-01-01',
        },
      },
    ],
    'GET /api/fee-items/:id': [{ method: 'GET', url: `/api/fee-items/${b.item}` }],
    'PATCH /api/fee-items/:id': [
      { method: 'PATCH', url: `/api/fee-items/${b.item}`, body: { ...v, name: 'x' } },
    ],
    'POST /api/fee-items/:id/units': [
      { method: 'POST', url: `/api/fee-items/${b.item}/units`, body: { unitIds: f.unitsA } },
    ],
    'POST /api/fee-items/:id/units/detach': [
      { method: 'POST', url: `/api/fee-items/${b.item}/units/detach`, body: { unitIds: f.unitsB } },
    ],
    'POST /api/meter-readings': [
      {
        method: 'POST',
        url: '/api/meter-readings',
        body: { feeItemId: b.item, unitId: f.unitsB[1], period: '2020-02', value: 1 },
      },
    ],
    'POST /api/meter-readings/import': [
      { method: 'POST', url: `/api/meter-readings/import?projectId=${f.projectB}`, body: {} },
    ],
    'POST /api/billing-runs': [
      { method: 'POST', url: '/api/billing-runs', body: { projectId: f.projectB, period: '2020-02' } },
    ],
    'GET /api/billing-runs/:id': [{ method: 'GET', url: `/api/billing-runs/${b.run}` }],
    'GET /api/bills/:id': [{ method: 'GET', url: `/api/bills/${b.bill}` }],
    'POST /api/bills/:id/adjustments': [
      {
        method: 'POST',
        url: `/api/bills/${b.bill}/adjustments`,
        body: { kind: 'discount', amount: 1, reason: '越权减免' },
      },
    ],
    'POST /api/bill-adjustments/:id/decide': [
      {
        method: 'POST',
        url: `/api/bill-adjustments/${b.adjustment}/decide`,
        body: { decision: 'approve', version: 1 },
      },
    ],
  };
}

export function billingListCases(t: TestServer, b: BillingOfB): Record<string, [string, number[]]> {
  const pB = t.fixture.projectB;
  return {
    'GET /api/fee-items': [`/api/fee-items?all=true&pageSize=200`, [b.item]],
    'GET /api/meter-readings': [`/api/meter-readings?pageSize=200&projectId=${pB}`, [b.reading]],
    'GET /api/billing-runs': ['/api/billing-runs?pageSize=200', [b.run]],
    'GET /api/bills': ['/api/bills?pageSize=200', [b.bill]],
    'GET /api/bill-adjustments': ['/api/bill-adjustments?pageSize=200', [b.adjustment]],
  };
}

/** Exports of the billing lists: filtered to another project they hold no row. */
export const billingExportCases = (t: TestServer): Record<string, string> => ({
  'GET /api/bills': `/api/bills?format=xlsx&projectId=${t.fixture.projectB}`,
});

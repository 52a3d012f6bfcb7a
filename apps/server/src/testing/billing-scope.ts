import { expect } from 'vitest';
import { ensureFeeItem, insertBill } from './bills';
import type { ScopeCase } from './scope';
import type { TestServer } from './test-server';

/** Project B's bill, payment and refund: what a caller scoped to project A must never reach. */
export async function paymentsOfB(t: TestServer, admin: string) {
  const f = t.fixture;
  const item = await ensureFeeItem(t.services.database.db, f.projectB, { code: 'WYF', name: '物业服务费' });
  const bill = await insertBill(t.services.database.db, f.unitsB[0]!, '2026-11', [
    { feeItemId: item.id, amount: 50_000 },
  ]);
  const paid = await t.request('POST', '/api/payments', {
    token: admin,
    body: { unitId: f.unitsB[0], amount: 60_000, method: 'cash', prepay: true },
  });
  expect(paid.statusCode, paid.body).toBe(201);
  const refund = await t.request('POST', '/api/refunds', {
    token: admin,
    body: { unitId: f.unitsB[0], kind: 'prepaid', amount: 1_000, method: 'cash', reason: '乙方退预存' },
  });
  expect(refund.statusCode, refund.body).toBe(201);
  return {
    bill: bill.id,
    payment: (paid.json() as { id: number }).id,
    refund: (refund.json() as { id: number }).id,
  };
}

export function paymentScopeCases(
  t: TestServer,
  b: Awaited<ReturnType<typeof paymentsOfB>>,
): Record<string, ScopeCase[]> {
  const f = t.fixture;
  const uB = f.unitsB[0];
  return {
    'POST /api/payments': [
      { method: 'POST', url: '/api/payments', body: { unitId: uB, amount: 100, method: 'cash' } },
    ],
    'GET /api/payments/:id': [{ method: 'GET', url: `/api/payments/${b.payment}` }],
    'GET /api/payments/:id/receipt.pdf': [{ method: 'GET', url: `/api/payments/${b.payment}/receipt.pdf` }],
    'POST /api/payments/:id/reverse': [
      { method: 'POST', url: `/api/payments/${b.payment}/reverse`, body: { reason: '越权冲正' } },
    ],
    'POST /api/payments/online': [
      { method: 'POST', url: '/api/payments/online', body: { billIds: [b.bill], provider: 'sandbox' } },
    ],
    'GET /api/units/:id/prepaid': [{ method: 'GET', url: `/api/units/${uB}/prepaid` }],
    'GET /api/billing/unit-arrears': [{ method: 'GET', url: `/api/billing/unit-arrears?unitIds=${uB}` }],
    'GET /api/units/:id/account': [{ method: 'GET', url: `/api/units/${uB}/account` }],
    'GET /api/cashier/units': [{ method: 'GET', url: `/api/cashier/units?projectId=${f.projectB}&q=T1` }],
    'POST /api/refunds': [
      {
        method: 'POST',
        url: '/api/refunds',
        body: { unitId: uB, kind: 'prepaid', amount: 1, method: 'cash', reason: '越权退款' },
      },
    ],
    'GET /api/cashier-reports': [
      { method: 'GET', url: `/api/cashier-reports?projectId=${f.projectB}&date=2026-12-06` },
    ],
  };
}

export function paymentListCases(
  b: Awaited<ReturnType<typeof paymentsOfB>>,
): Record<string, [string, number[]]> {
  return {
    'GET /api/payments': ['/api/payments?pageSize=200', [b.payment]],
    'GET /api/refunds': ['/api/refunds?pageSize=200', [b.refund]],
  };
}

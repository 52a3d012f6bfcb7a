import { wallClockInstant } from '@guanjia/shared';
import type { CashierReport, CashierReportQuery } from '@guanjia/shared/api';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { buildXlsx, type XlsxColumn, zonedTime } from '../../platform/http/xlsx';
import { paymentRows, presentPayments } from './payment-queries';
import { projectOf } from './payment-store';
import { PAYMENT_METHODS, type PaymentMethod, payments, refunds } from './payments-schema';
import { METHOD_LABELS } from './rules/receipt-labels';

/**
 * 收银日结: one project-local day of one cashier (or everyone). Totals are summed from the same rows
 * that are listed, so the report balances by construction; reversals are receipts of their own with
 * a negative amount and count where they were made.
 */
export async function cashierReport(db: DbOrTx, auth: AuthContext, q: Omit<CashierReportQuery, 'format'>) {
  assertInScope(auth, q.projectId, 'Project');
  const project = await projectOf(db, q.projectId);
  if (!project || project.companyId !== auth.companyId) throw notFound('Project');
  const start = wallClockInstant(q.date, '00:00', project.timezone);
  const end = new Date(start.getTime() + 86_400_000);
  const where = and(
    eq(payments.projectId, q.projectId),
    gte(payments.paidAt, start),
    lt(payments.paidAt, end),
    q.cashierId ? eq(payments.cashierId, q.cashierId) : undefined,
  );
  const rows = (await paymentRows(db, where, 10_000, 0)).reverse();
  const list = await presentPayments(db, rows);
  const byMethod = PAYMENT_METHODS.map((method: PaymentMethod) => {
    const of = list.filter((p) => p.method === method);
    return { method, count: of.length, amount: of.reduce((s, p) => s + p.amount, 0) };
  }).filter((m) => m.count > 0);
  const reversed = list.filter((p) => p.reversalOf !== null);
  const [refund] = await db
    .select({
      count: sql<number>`count(*)::int`,
      amount: sql<number>`coalesce(sum(${refunds.amount}), 0)::int`,
    })
    .from(refunds)
    .where(
      and(
        eq(refunds.projectId, q.projectId),
        gte(refunds.refundedAt, start),
        lt(refunds.refundedAt, end),
        q.cashierId ? eq(refunds.refundedById, q.cashierId) : undefined,
      ),
    );
  const total = list.reduce((s, p) => s + p.amount, 0);
  const report: CashierReport = {
    projectId: q.projectId,
    date: q.date,
    cashierId: q.cashierId ?? null,
    byMethod,
    receipts: list.length,
    reversals: { count: reversed.length, amount: reversed.reduce((s, p) => s + p.amount, 0) },
    refunds: { count: refund?.count ?? 0, amount: refund?.amount ?? 0 },
    total,
    received: total - list.filter((p) => p.method === 'prepaid').reduce((s, p) => s + p.amount, 0),
    payments: list,
  };
  return { report, timeZone: project.timezone };
}

type Row = CashierReport['payments'][number];

/** The columns of every payments sheet (the 缴费记录 export and the 日结). */
export function paymentColumns(timeZone: string): XlsxColumn<Row>[] {
  const yuan = (fen: number) => fen / 100;
  return [
    { header: '收据号', width: 18, value: (p) => p.receiptNo },
    { header: '房号', width: 12, value: (p) => p.unitLabel },
    { header: '支付方式', width: 10, value: (p) => METHOD_LABELS[p.method] },
    { header: '金额（元）', width: 12, value: (p) => yuan(p.amount) },
    { header: '转入预存（元）', width: 14, value: (p) => yuan(p.prepaidAmount) },
    { header: '收款人', width: 10, value: (p) => p.cashierName ?? '系统' },
    { header: '收款时间', width: 18, value: (p) => zonedTime(p.paidAt, timeZone) },
    { header: '冲正', width: 8, value: (p) => (p.reversalOf ? '冲正' : p.reversedBy ? '已冲正' : '') },
    { header: '备注', width: 24, value: (p) => p.note },
  ];
}

export function cashierReportXlsx(r: CashierReport, timeZone: string) {
  return buildXlsx(`收银日结${r.date}`, paymentColumns(timeZone), r.payments);
}

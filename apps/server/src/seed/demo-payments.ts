import { zonedDay } from '@guanjia/shared';
import { and, asc, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { createOnlineOrder } from '../modules/billing/online-orders';
import {
  onlineOrders,
  type PaymentMethod,
  paymentAllocations,
  payments,
  prepaidAccounts,
  prepaidLedger,
  receiptCounters,
} from '../modules/billing/payments-schema';
import { signSandboxNotice } from '../modules/billing/psp/sandbox';
import { recordOnlineNotice } from '../modules/billing/record-online-notice';
import { refundPayment } from '../modules/billing/refund-payment';
import { receiptNumber } from '../modules/billing/rules/receipt-number';
import { billLines, bills, feeItems } from '../modules/billing/schema';
import { projects } from '../modules/org/schema';
import { userProjects, users } from '../platform/auth/schema';
import type { Tx } from '../platform/db/client';
import { events } from '../platform/events/schema';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { seedAdmin } from './demo-context';

/**
 * 收费 in the demo estate, after the billing seed: most bills paid over the months (cash, transfer, POS
 * and online; monthly or quarterly payers; the desk's cashiers and 财务), ~9 % of units left in
 * arrears of 1–6 months, a few prepaid balances, a few 测试支付 payments through the real
 * notification path and one refunded 装修押金. Without bills it does nothing. Written set-based (a
 * few bulk statements per project): the e2e suite seeds on every server start.
 */
const CASHIER_USERNAMES = ['cashier1', 'cashier2', 'finance1'];
const DAY_MS = 86_400_000;

/** A stable 0–99 per unit and purpose, so the demo looks the same on every seed. */
const roll = (unitId: number, salt: number) => ((unitId * 2_654_435_761 + salt * 40_503) >>> 0) % 100;

function methodOf(r: number): PaymentMethod {
  if (r < 25) return 'cash';
  if (r < 45) return 'bank_transfer';
  if (r < 75) return 'pos';
  return 'online';
}

interface Planned {
  unitId: number;
  bills: { id: number; amount: number }[];
  prepaid: number;
  method: PaymentMethod;
  cashierId: number | null;
  paidAt: Date;
}

export async function seedDemoPayments(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  const now = services.clock.now();
  const projectRows = await db
    .select({ id: projects.id, tz: projects.timezone })
    .from(projects)
    .where(eq(projects.companyId, boot.companyId))
    .orderBy(asc(projects.id));
  const staff = await db
    .select({ id: users.id, username: users.username, projectId: userProjects.projectId })
    .from(users)
    .innerJoin(userProjects, eq(userProjects.userId, users.id))
    .where(and(eq(users.companyId, boot.companyId), inArray(users.username, CASHIER_USERNAMES)));
  let paidCount = 0;
  for (const project of projectRows) {
    const open = await db
      .select({ id: bills.id, unitId: bills.unitId, dueDate: bills.dueDate, balance: bills.balance })
      .from(bills)
      .where(
        and(
          eq(bills.projectId, project.id),
          gt(bills.balance, 0),
          lte(bills.dueDate, zonedDay(now, project.tz)),
        ),
      )
      .orderBy(asc(bills.unitId), asc(bills.period));
    if (!open.length) continue;
    const cashiers = staff.filter((s) => s.projectId === project.id).map((s) => s.id);
    const plans = planPayments(open, cashiers, now);
    await db.transaction((tx) => writePlans(tx, boot.companyId, project.id, project.tz, plans));
    paidCount += plans.length;
  }
  const online = await payOnlineInSandbox(services, boot);
  const refunded = await refundOneDeposit(
    services,
    boot,
    projectRows.map((p) => p.id),
  );
  return `${paidCount} payments, ${online} online (测试支付), ${refunded} deposit refund`;
}

function planPayments(
  open: { id: number; unitId: number; dueDate: string; balance: number }[],
  cashiers: number[],
  now: Date,
): Planned[] {
  const byUnit = new Map<number, typeof open>();
  for (const b of open) byUnit.set(b.unitId, [...(byUnit.get(b.unitId) ?? []), b]);
  const plans: Planned[] = [];
  for (const [unitId, list] of byUnit) {
    // ~9 % owe their latest 1–6 months (different ages for the aging report); the rest are paid up.
    const arrears = roll(unitId, 1) < 9 ? 1 + (roll(unitId, 2) % 6) : 0;
    const payable = list.slice(0, Math.max(0, list.length - arrears));
    // Monthly payers and quarterly payers.
    const size = roll(unitId, 3) < 60 ? 1 : 3;
    for (let i = 0; i < payable.length; i += size) {
      const group = payable.slice(i, i + size);
      const last = group[group.length - 1]!;
      const r = roll(unitId, 10 + i);
      const method = methodOf(r);
      const due = Date.parse(`${last.dueDate}T01:00:00Z`);
      // Paid in the 3 weeks before the due day, during office hours; never in the future.
      const at = Math.min(due - (r % 21) * DAY_MS + (r % 8) * 3_600_000, now.getTime() - 3_600_000);
      const isLast = i + size >= payable.length;
      plans.push({
        unitId,
        bills: group.map((b) => ({ id: b.id, amount: b.balance })),
        prepaid: isLast && roll(unitId, 4) < 5 ? 50_000 + (roll(unitId, 5) % 4) * 50_000 : 0,
        method,
        cashierId: method === 'online' || !cashiers.length ? null : cashiers[r % cashiers.length]!,
        paidAt: new Date(at),
      });
    }
  }
  return plans.sort((a, b) => a.paidAt.getTime() - b.paidAt.getTime());
}

async function writePlans(tx: Tx, companyId: number, projectId: number, tz: string, plans: Planned[]) {
  const seq = new Map<string, number>();
  const rows = plans.map((p) => {
    const day = zonedDay(p.paidAt, tz);
    const n = (seq.get(day) ?? 0) + 1;
    seq.set(day, n);
    const billed = p.bills.reduce((s, b) => s + b.amount, 0);
    return {
      companyId,
      projectId,
      unitId: p.unitId,
      amount: billed + p.prepaid,
      prepaidAmount: p.prepaid,
      method: p.method,
      cashierId: p.cashierId,
      receiptNo: receiptNumber(day, n),
      paidAt: p.paidAt,
      note: p.prepaid ? '含预存' : '',
    };
  });
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const inserted = await tx.insert(payments).values(chunk).returning({ id: payments.id });
    const plan = plans.slice(i, i + 1000);
    const allocs = inserted.flatMap((row, k) =>
      plan[k]!.bills.map((b) => ({
        paymentId: row.id,
        billId: b.id,
        projectId,
        amount: b.amount,
        at: plan[k]!.paidAt,
      })),
    );
    await tx.insert(paymentAllocations).values(allocs.map(({ at: _at, ...a }) => a));
    await tx.execute(sql`
      update bills set paid_amount = paid_amount + v.amount, settled_at = v.at, version = version + 1
      from (values ${sql.join(
        allocs.map((a) => sql`(${a.billId}::bigint, ${a.amount}::int, ${a.at.toISOString()}::timestamptz)`),
        sql`, `,
      )}) as v(id, amount, at)
      where bills.id = v.id`);
    const online = inserted
      .map((row, k) => ({ row, p: plan[k]!, r: chunk[k]! }))
      .filter((x) => x.p.method === 'online');
    if (online.length) {
      await tx.insert(onlineOrders).values(
        online.map(({ row, p, r }) => ({
          companyId,
          projectId,
          unitId: p.unitId,
          provider: 'sandbox',
          outTradeNo: `GJDEMO${row.id}`,
          amount: r.amount,
          billIds: p.bills.map((b) => b.id),
          status: 'paid' as const,
          channel: 'portal' as const,
          providerTxnId: `SANDBOXDEMO${row.id}`,
          paymentId: row.id,
          paidAt: p.paidAt,
        })),
      );
      // One statement links every online payment of the chunk to its order (not one update each).
      await tx.execute(sql`
        update payments set online_order_id = o.id, note = '测试支付'
        from online_orders o
        where o.payment_id = payments.id and payments.online_order_id is null and o.project_id = ${projectId}`);
    }
    await tx.insert(events).values(
      inserted.map((row, k) => ({
        occurredAt: plan[k]!.paidAt,
        companyId,
        projectId,
        actorId: plan[k]!.cashierId,
        source: plan[k]!.cashierId ? ('user' as const) : ('channel' as const),
        action: 'payment.recorded',
        entityType: 'payment',
        entityId: String(row.id),
        before: null,
        after: {
          receiptNo: chunk[k]!.receiptNo,
          unitId: plan[k]!.unitId,
          amount: chunk[k]!.amount,
          method: plan[k]!.method,
        },
      })),
    );
    const prepaid = inserted.map((row, k) => ({ row, p: plan[k]! })).filter((x) => x.p.prepaid > 0);
    if (prepaid.length) {
      await tx.insert(prepaidLedger).values(
        prepaid.map(({ row, p }) => ({
          projectId,
          unitId: p.unitId,
          kind: 'deposit' as const,
          amount: p.prepaid,
          paymentId: row.id,
          at: p.paidAt,
        })),
      );
      await tx
        .insert(prepaidAccounts)
        .values(prepaid.map(({ p }) => ({ unitId: p.unitId, companyId, projectId, balance: p.prepaid })))
        .onConflictDoUpdate({
          target: prepaidAccounts.unitId,
          set: { balance: sql`${prepaidAccounts.balance} + excluded.balance` },
        });
    }
  }
  if (seq.size)
    await tx
      .insert(receiptCounters)
      .values([...seq].map(([day, last]) => ({ projectId, day, last })))
      .onConflictDoUpdate({
        target: [receiptCounters.projectId, receiptCounters.day],
        set: { last: sql`greatest(${receiptCounters.last}, excluded.last)` },
      });
}

/** Three residents paid this month's bill on their phone through 测试支付, notification and all. */
async function payOnlineInSandbox(services: Services, boot: Bootstrap): Promise<number> {
  const { db } = services.database;
  const open = await db
    .select({ id: bills.id, unitId: bills.unitId })
    .from(bills)
    .where(and(eq(bills.companyId, boot.companyId), gt(bills.balance, 0)))
    .orderBy(desc(bills.dueDate), asc(bills.id))
    .limit(200);
  // This month's open bills; the roll spreads the three over the estate, the rest fills in when it
  // leaves fewer than three.
  const rolled = open.filter((b) => roll(b.unitId, 1) >= 9);
  const picks = [...rolled, ...open.filter((b) => !rolled.includes(b))].slice(0, 3);
  let paid = 0;
  for (const bill of picks) {
    const order = await createOnlineOrder(
      services,
      { kind: 'portal', companyId: boot.companyId, phone: '', unitIds: [bill.unitId] },
      { billIds: [bill.id], provider: 'sandbox' },
      '',
    );
    const now = services.clock.now();
    const signed = signSandboxNotice(
      {
        outTradeNo: order.outTradeNo,
        transactionId: `SANDBOX${order.id}`,
        state: 'SUCCESS',
        amount: order.amount,
        paidAt: now,
      },
      now,
    );
    await recordOnlineNotice(services, 'sandbox', signed.headers, signed.body);
    paid += 1;
  }
  return paid;
}

/** One renovation deposit (装修押金) given back after the works passed inspection. */
async function refundOneDeposit(services: Services, boot: Bootstrap, projectIds: number[]): Promise<number> {
  const { db } = services.database;
  const [deposit] = await db
    .select({ billId: bills.id, unitId: bills.unitId, paid: bills.paidAmount, line: billLines.amount })
    .from(billLines)
    .innerJoin(bills, eq(bills.id, billLines.billId))
    .innerJoin(feeItems, eq(feeItems.id, billLines.feeItemId))
    .where(and(eq(bills.companyId, boot.companyId), eq(feeItems.kind, 'deposit'), gt(bills.paidAmount, 0)))
    .orderBy(asc(bills.id))
    .limit(1);
  if (!deposit) return 0;
  const [finance] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.companyId, boot.companyId), eq(users.username, 'finance1')));
  const auth = { ...seedAdmin(boot, projectIds), userId: finance?.id ?? boot.adminId };
  await refundPayment(services, auth, {
    unitId: deposit.unitId,
    kind: 'deposit',
    billId: deposit.billId,
    amount: Math.min(deposit.paid, deposit.line),
    method: 'bank_transfer',
    reason: '装修完工验收合格，退还装修押金',
  });
  return 1;
}

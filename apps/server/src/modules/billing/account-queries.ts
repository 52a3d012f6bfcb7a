import type { OpenBillView, UnitArrearsBrief } from '@guanjia/shared/api';
import { and, asc, desc, eq, gt, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { units } from '../org/schema';
import { residentPhones, residents, residentUnits } from '../residents/schema';
import { loadUnit } from './load-unit';
import { payments, prepaidAccounts, prepaidLedger } from './payments-schema';
import { type BillRow, billLines, bills, feeItems } from './schema';

/** Bills with their lines, for the desk, the portal and the receipt. */
export async function billsWithLines(db: DbOrTx, rows: BillRow[]): Promise<OpenBillView[]> {
  if (!rows.length) return [];
  const lines = await db
    .select({
      id: billLines.id,
      billId: billLines.billId,
      feeItemName: feeItems.name,
      description: billLines.description,
      amount: billLines.amount,
    })
    .from(billLines)
    .innerJoin(feeItems, eq(feeItems.id, billLines.feeItemId))
    .where(
      inArray(
        billLines.billId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(feeItems.priority), asc(billLines.id));
  return rows.map((b) => ({
    id: b.id,
    period: b.period,
    dueDate: b.dueDate,
    billedAmount: b.billedAmount,
    adjustedAmount: b.adjustedAmount,
    paidAmount: b.paidAmount,
    balance: b.balance,
    settledAt: b.settledAt?.toISOString() ?? null,
    lines: lines
      .filter((l) => l.billId === b.id)
      .map(({ id, feeItemName, description, amount }) => ({ id, feeItemName, description, amount })),
  }));
}

export async function prepaidBalance(db: DbOrTx, unitId: number): Promise<number> {
  const [row] = await db
    .select({ balance: prepaidAccounts.balance })
    .from(prepaidAccounts)
    .where(eq(prepaidAccounts.unitId, unitId));
  return row?.balance ?? 0;
}

async function lastPayment(db: DbOrTx, unitId: number) {
  const [p] = await db
    .select({
      id: payments.id,
      amount: payments.amount,
      paidAt: payments.paidAt,
      receiptNo: payments.receiptNo,
    })
    .from(payments)
    .where(
      and(eq(payments.unitId, unitId), isNull(payments.reversalOf), sql`${payments.method} <> 'prepaid'`),
    )
    .orderBy(desc(payments.paidAt), desc(payments.id))
    .limit(1);
  return p ? { ...p, paidAt: p.paidAt.toISOString() } : null;
}

/** 前台收费's view of one unit: who lives there, what it owes, its prepaid balance, its last payment. */
export async function unitAccount(db: DbOrTx, auth: AuthContext, unitId: number) {
  const unit = await loadUnit(db, unitId, auth);
  const [open, people, prepaid, last] = await Promise.all([
    db
      .select()
      .from(bills)
      .where(and(eq(bills.unitId, unitId), gt(bills.balance, 0)))
      .orderBy(asc(bills.dueDate), asc(bills.period)),
    db
      .select({ id: residents.id, name: residents.name })
      .from(residentUnits)
      .innerJoin(residents, eq(residents.id, residentUnits.residentId))
      .where(eq(residentUnits.unitId, unitId))
      .orderBy(asc(residents.id)),
    prepaidBalance(db, unitId),
    lastPayment(db, unitId),
  ]);
  const openBills = await billsWithLines(db, open);
  const deposits = await db
    .select({
      billId: bills.id,
      period: bills.period,
      description: billLines.description,
      line: billLines.amount,
      paid: bills.paidAmount,
    })
    .from(billLines)
    .innerJoin(bills, eq(bills.id, billLines.billId))
    .innerJoin(feeItems, eq(feeItems.id, billLines.feeItemId))
    .where(and(eq(billLines.unitId, unitId), eq(feeItems.kind, 'deposit'), gt(bills.paidAmount, 0)));
  return {
    deposits: deposits.map((d) => ({
      billId: d.billId,
      period: d.period,
      description: d.description,
      refundable: Math.min(d.line, d.paid),
    })),
    unitId,
    projectId: unit.projectId,
    label: unit.label,
    residents: people,
    openBills,
    arrears: openBills.reduce((s, b) => s + b.balance, 0),
    prepaidBalance: prepaid,
    lastPayment: last,
  };
}

export async function prepaidOf(db: DbOrTx, auth: AuthContext, unitId: number) {
  await loadUnit(db, unitId, auth);
  const entries = await db
    .select()
    .from(prepaidLedger)
    .where(eq(prepaidLedger.unitId, unitId))
    .orderBy(desc(prepaidLedger.at), desc(prepaidLedger.id))
    .limit(200);
  return {
    unitId,
    balance: await prepaidBalance(db, unitId),
    entries: entries.map((e) => ({
      id: e.id,
      kind: e.kind,
      amount: e.amount,
      paymentId: e.paymentId,
      refundId: e.refundId,
      at: e.at.toISOString(),
    })),
  };
}

/** Find a unit at the desk by its label, a resident's name or a phone number (digits anywhere). */
export async function searchUnits(db: DbOrTx, auth: AuthContext, q: { projectId?: number; q: string }) {
  if (q.projectId) assertInScope(auth, q.projectId, 'Project');
  const scope = q.projectId ? [q.projectId] : [...auth.projectIds];
  if (!scope.length) return { items: [] };
  const like = `%${q.q.replace(/[%_\\]/g, '\\$&')}%`;
  const digits = q.q.replace(/\D/g, '');
  const byPerson = db
    .select({ unitId: residentUnits.unitId })
    .from(residentUnits)
    .innerJoin(residents, eq(residents.id, residentUnits.residentId))
    .leftJoin(residentPhones, eq(residentPhones.residentId, residents.id))
    .where(
      and(
        inArray(residentUnits.projectId, scope),
        or(
          ilike(residents.name, like),
          digits.length >= 4 ? ilike(residentPhones.national, `%${digits}%`) : undefined,
        ),
      ),
    );
  const rows = await db
    .select({ id: units.id, projectId: units.projectId, label: units.label })
    .from(units)
    .where(and(inArray(units.projectId, scope), or(ilike(units.label, like), inArray(units.id, byPerson))))
    .orderBy(asc(units.label))
    .limit(20);
  const briefs = await arrearsBriefs(
    db,
    rows.map((r) => r.id),
  );
  const names = rows.length
    ? await db
        .select({ unitId: residentUnits.unitId, name: residents.name })
        .from(residentUnits)
        .innerJoin(residents, eq(residents.id, residentUnits.residentId))
        .where(
          inArray(
            residentUnits.unitId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return {
    items: rows.map((r) => ({
      unitId: r.id,
      projectId: r.projectId,
      label: r.label,
      residentNames: names.filter((n) => n.unitId === r.id).map((n) => n.name),
      arrears: briefs.find((b) => b.unitId === r.id)?.arrears ?? 0,
    })),
  };
}

/** The arrears block of the screen pop and the resident 360, for a handful of units. */
export async function arrearsBriefs(db: DbOrTx, unitIds: readonly number[]): Promise<UnitArrearsBrief[]> {
  if (!unitIds.length) return [];
  const ids = [...new Set(unitIds)];
  const [labels, owed, prepaid] = await Promise.all([
    db.select({ id: units.id, label: units.label }).from(units).where(inArray(units.id, ids)),
    db
      .select({
        unitId: bills.unitId,
        arrears: sql<number>`coalesce(sum(${bills.balance}), 0)::int`,
        open: sql<number>`count(*)::int`,
        oldest: sql<string | null>`min(${bills.dueDate})::text`,
      })
      .from(bills)
      .where(and(inArray(bills.unitId, ids), gt(bills.balance, 0)))
      .groupBy(bills.unitId),
    db.select().from(prepaidAccounts).where(inArray(prepaidAccounts.unitId, ids)),
  ]);
  const out: UnitArrearsBrief[] = [];
  for (const u of labels) {
    const o = owed.find((r) => r.unitId === u.id);
    out.push({
      unitId: u.id,
      label: u.label,
      arrears: o?.arrears ?? 0,
      openBills: o?.open ?? 0,
      oldestDueDate: o?.oldest ?? null,
      prepaidBalance: prepaid.find((p) => p.unitId === u.id)?.balance ?? 0,
      lastPayment: await lastPayment(db, u.id).then((p) =>
        p ? { amount: p.amount, paidAt: p.paidAt, receiptNo: p.receiptNo } : null,
      ),
    });
  }
  return out;
}

import { and, asc, desc, eq, gt } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { units } from '../org/schema';
import { attemptRows, presentAttempts, presentTasks, unitTasks } from './attempt-queries';
import { localDay, projectOf } from './collection-context';
import { collectionAttempts } from './collection-schema';
import { ageBalances, daysPastDue } from './rules/aging';
import { bills } from './schema';

/**
 * What a unit owes, for the screen pop and the resident 360 (small and reusable): the open bills with
 * their days overdue, the total past due (and the disputed part), the buckets, and any open promise.
 */
export async function unitArrearsSummary(db: DbOrTx, unitId: number, today: string) {
  const open = await db
    .select()
    .from(bills)
    .where(and(eq(bills.unitId, unitId), gt(bills.balance, 0)))
    .orderBy(asc(bills.dueDate));
  const overdue = open.filter((b) => daysPastDue(b.dueDate, today) >= 1);
  const [promise] = await db
    .select({ date: collectionAttempts.promisedDate, amount: collectionAttempts.promisedAmount })
    .from(collectionAttempts)
    .where(and(eq(collectionAttempts.unitId, unitId), eq(collectionAttempts.promiseState, 'open')))
    .orderBy(desc(collectionAttempts.id))
    .limit(1);
  const oldest = overdue.find((b) => !b.disputed);
  return {
    owed: overdue.reduce((s, b) => s + b.balance, 0),
    disputedOwed: overdue.filter((b) => b.disputed).reduce((s, b) => s + b.balance, 0),
    daysOverdue: oldest ? daysPastDue(oldest.dueDate, today) : 0,
    aging: ageBalances(overdue, today),
    bills: open.map((b) => ({
      id: b.id,
      period: b.period,
      dueDate: b.dueDate,
      billed: b.billedAmount,
      adjusted: b.adjustedAmount,
      paid: b.paidAmount,
      balance: b.balance,
      disputed: b.disputed,
      daysOverdue: Math.max(0, daysPastDue(b.dueDate, today)),
      version: b.version,
    })),
    openPromise: promise?.date ? { date: promise.date, amount: promise.amount } : null,
  };
}

/** GET /api/units/:id/arrears: the summary with the unit's collection history (W-23) and tasks. */
export async function unitArrears(db: DbOrTx, auth: AuthContext, unitId: number, now: Date) {
  const [unit] = await db
    .select({ id: units.id, label: units.label, projectId: units.projectId })
    .from(units)
    .where(eq(units.id, unitId));
  if (!unit) throw notFound('Unit');
  assertInScope(auth, unit.projectId, 'Unit');
  const project = await projectOf(db, unit.projectId);
  const today = localDay(now, project?.timezone ?? 'Asia/Shanghai');
  const summary = await unitArrearsSummary(db, unitId, today);
  const attempts = await attemptRows(db, eq(collectionAttempts.unitId, unitId), 50, 0);
  return {
    unitId: unit.id,
    unitLabel: unit.label,
    projectId: unit.projectId,
    ...summary,
    attempts: await presentAttempts(db, attempts),
    tasks: await presentTasks(db, auth, await unitTasks(db, unitId)),
  };
}

import { eq } from 'drizzle-orm';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { notFound } from '../../platform/http/errors';
import { units } from '../org/schema';
import { residents, residentUnits } from '../residents/schema';
import { localDay, projectOf } from './collection-context';
import { renderLetter } from './collection-letter';
import { collectionAttempts } from './collection-schema';
import { unitArrearsSummary } from './unit-arrears';

/**
 * The 催缴通知书 of a letter attempt, rendered when asked (the attempt is the record; the paper is made
 * from it): dated the day it was issued, with the unit's overdue bills as they stand now.
 */
export async function letterOf(db: DbOrTx, auth: AuthContext, attemptId: number, now: Date) {
  const [a] = await db.select().from(collectionAttempts).where(eq(collectionAttempts.id, attemptId));
  if (a?.channel !== 'letter' || a.status !== 'done') throw notFound('Collection letter');
  assertInScope(auth, a.projectId, 'Collection letter');
  const project = await projectOf(db, a.projectId);
  const tz = project?.timezone ?? 'Asia/Shanghai';
  const [unit] = await db.select({ label: units.label }).from(units).where(eq(units.id, a.unitId));
  const [owner] = await db
    .select({ name: residents.name })
    .from(residentUnits)
    .innerJoin(residents, eq(residents.id, residentUnits.residentId))
    .where(eq(residentUnits.unitId, a.unitId))
    .orderBy(residentUnits.relation)
    .limit(1);
  const summary = await unitArrearsSummary(db, a.unitId, localDay(now, tz));
  const overdue = summary.bills.filter((b) => b.daysOverdue >= 1);
  const pdf = await renderLetter({
    projectName: project?.name ?? '',
    servicePhone: project?.servicePhone ?? null,
    unitLabel: unit?.label ?? '',
    ownerName: owner?.name ?? null,
    issuedOn: localDay(a.attemptedAt ?? a.scheduledAt, tz),
    timeZone: tz,
    owed: overdue.length ? summary.owed : a.owedAmount,
    bills: overdue.map((b) => ({
      period: b.period,
      dueDate: b.dueDate,
      balance: b.balance,
      daysOverdue: b.daysOverdue,
    })),
  });
  return { pdf, name: `催缴通知书-${unit?.label ?? a.unitId}.pdf` };
}

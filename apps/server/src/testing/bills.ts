import { eq } from 'drizzle-orm';
import { billLines, bills, type FeeKind, feeItems } from '../modules/billing/schema';
import { projects, units } from '../modules/org/schema';
import type { DbOrTx } from '../platform/db/client';

/**
 * Bills written straight into the tables, as a billing run would leave them: for the payment tests and
 * the payment seed to stand on, without depending on how bills are computed.
 */
export async function ensureFeeItem(
  db: DbOrTx,
  projectId: number,
  item: { code: string; name: string; kind?: FeeKind; priority?: number },
) {
  const [project] = await db
    .select({ companyId: projects.companyId })
    .from(projects)
    .where(eq(projects.id, projectId));
  const [row] = await db
    .insert(feeItems)
    .values({
      companyId: project!.companyId,
      projectId,
      code: item.code,
      name: item.name,
      kind: item.kind ?? 'monthly',
      formula: 'fixed',
      fixedAmount: 0,
      startDate: '2026-01-01',
      priority: item.priority ?? 100,
    })
    .onConflictDoUpdate({ target: [feeItems.projectId, feeItems.code], set: { name: item.name } })
    .returning();
  return row!;
}

export async function insertBill(
  db: DbOrTx,
  unitId: number,
  period: string,
  lines: { feeItemId: number; amount: number; description?: string }[],
) {
  const [unit] = await db
    .select({ projectId: units.projectId, buildingId: units.buildingId, companyId: projects.companyId })
    .from(units)
    .innerJoin(projects, eq(projects.id, units.projectId))
    .where(eq(units.id, unitId));
  if (!unit) throw new Error(`unit ${unitId}`);
  const billed = lines.reduce((s, l) => s + l.amount, 0);
  const [bill] = await db
    .insert(bills)
    .values({
      companyId: unit.companyId,
      projectId: unit.projectId,
      buildingId: unit.buildingId,
      unitId,
      period,
      dueDate: `${period}-28`,
      billedAmount: billed,
    })
    .returning();
  await db.insert(billLines).values(
    lines.map((l) => ({
      billId: bill!.id,
      projectId: unit.projectId,
      unitId,
      feeItemId: l.feeItemId,
      period,
      description: l.description ?? period,
      amount: l.amount,
    })),
  );
  return bill!;
}

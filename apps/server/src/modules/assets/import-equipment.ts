import { and, eq, inArray } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { type ImportRowError, readEquipmentWorkbook } from './equipment-xlsx';
import { equipment, equipmentStatusChanges } from './schema';

/**
 * Excel import of the ledger: every good row is added in one transaction; rows with a bad cell or a
 * code the project already has come back as row-level errors (row number, column, reason) and are
 * not written, so the file can be fixed and uploaded again without duplicates.
 */
export async function importEquipment(
  ctx: Pick<Services, 'database' | 'clock'>,
  auth: AuthContext,
  projectId: number,
  file: Buffer,
): Promise<{ created: number; errors: ImportRowError[] }> {
  assertInScope(auth, projectId, 'Project');
  const { good, errors } = await readEquipmentWorkbook(file, projectId);
  const now = ctx.clock.now();
  const created = await ctx.database.db.transaction(async (tx) => {
    const codes = good.map((g) => g.value.code);
    const taken = codes.length
      ? await tx
          .select({ code: equipment.code })
          .from(equipment)
          .where(and(eq(equipment.projectId, projectId), inArray(equipment.code, codes)))
      : [];
    const takenSet = new Set(taken.map((t) => t.code));
    const fresh = good.filter((g) => {
      if (!takenSet.has(g.value.code)) return true;
      errors.push({ row: g.row, field: '设备编号', message: '该编号已在台账中' });
      return false;
    });
    if (!fresh.length) return 0;
    const rows = await tx
      .insert(equipment)
      .values(
        fresh.map(({ value }) => ({
          ...value,
          contractorId: value.contractorId ?? null,
          installDate: value.installDate ?? null,
          warrantyEnd: value.warrantyEnd ?? null,
          companyId: auth.companyId,
          statusSince: now,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: equipment.id, status: equipment.status });
    await tx.insert(equipmentStatusChanges).values(
      rows.map((r) => ({
        projectId,
        equipmentId: r.id,
        toStatus: r.status,
        at: now,
        reason: '导入',
        actorId: auth.userId,
      })),
    );
    await recordEvent(tx, userActor(auth), now, {
      action: 'equipment.imported',
      entityType: 'project',
      entityId: projectId,
      projectId,
      after: { created: rows.length, errors: errors.length },
    });
    return rows.length;
  });
  errors.sort((a, b) => a.row - b.row);
  return { created, errors };
}

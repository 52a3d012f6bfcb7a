import { formatQrCode } from '@guanjia/shared';
import type { Equipment, InspectionTask } from '@guanjia/shared/api';
import { addDays } from './rules/dates';
import type { EquipmentRow, TaskRow } from './schema';

/** The ledger row as the API gives it; `today` and the reminder days decide 保修将到期 (Q72). */
export function presentEquipment(row: EquipmentRow, today: string, reminderDays: number): Equipment {
  const warrantyEnding = Boolean(
    row.warrantyEnd && row.warrantyEnd >= today && row.warrantyEnd <= addDays(today, reminderDays),
  );
  return {
    id: row.id,
    projectId: row.projectId,
    code: row.code,
    name: row.name,
    system: row.system,
    type: row.type,
    location: row.location,
    brand: row.brand,
    model: row.model,
    supplier: row.supplier,
    maintainer: row.maintainer,
    contractorId: row.contractorId,
    installDate: row.installDate,
    warrantyEnd: row.warrantyEnd,
    warrantyEnding,
    importance: row.importance,
    status: row.status,
    statusSince: row.statusSince?.toISOString() ?? null,
    documentIds: row.documentIds,
    photoIds: row.photoIds,
    notes: row.notes,
    qr: formatQrCode({ kind: 'equipment', projectId: row.projectId, code: row.code }),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export interface TaskJoin {
  task: TaskRow;
  planName: string;
  equipmentCode: string | null;
  equipmentName: string | null;
  location: string | null;
  checklistVersion: number;
  defects: number;
}

export function presentTask(j: TaskJoin, now: Date): InspectionTask {
  const t = j.task;
  return {
    id: t.id,
    projectId: t.projectId,
    planId: t.planId,
    planName: j.planName,
    equipmentId: t.equipmentId,
    equipmentCode: j.equipmentCode,
    equipmentName: j.equipmentName,
    location: j.location,
    system: t.system,
    title: t.title,
    dueDate: t.dueDate,
    slot: t.slot,
    dueAt: t.dueAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    status: t.status,
    overdue: t.status === 'pending' && t.dueAt.getTime() < now.getTime(),
    onTime: t.onTime,
    completedAt: t.completedAt?.toISOString() ?? null,
    checklistVersion: j.checklistVersion,
    defects: j.defects,
  };
}

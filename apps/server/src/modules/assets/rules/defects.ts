import type { WorkOrderStatus } from '@guanjia/shared';

/** Work orders in these statuses are settled: a new failure of the same item needs a new repair. */
const SETTLED: ReadonlySet<WorkOrderStatus> = new Set(['已完成', '已取消']);

export interface KnownDefect {
  id: number;
  workOrderStatus: WorkOrderStatus | null;
}

/**
 * One open work order per equipment × item: a failure joins the defect whose repair is still open,
 * otherwise it opens a new one. A defect without a work order yet (being created) counts as open.
 */
export function defectFor(known: readonly KnownDefect[]): { join: number } | { create: true } {
  const open = known.find((d) => d.workOrderStatus === null || !SETTLED.has(d.workOrderStatus));
  return open ? { join: open.id } : { create: true };
}

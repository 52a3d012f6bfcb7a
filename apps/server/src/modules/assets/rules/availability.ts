import { DOWN_STATUSES, type EquipmentStatus } from '@guanjia/shared';

export interface StatusChange {
  toStatus: EquipmentStatus;
  at: Date;
}

/**
 * Hours a piece was down (停用/维修中) within [from, to): its status changes in time order, the
 * status before the first change being `initial` (运行 for a piece created before the window).
 */
export function downHours(
  changes: readonly StatusChange[],
  from: Date,
  to: Date,
  initial: EquipmentStatus = '运行',
): number {
  let status = initial;
  let since = from.getTime();
  let down = 0;
  const end = to.getTime();
  const sorted = [...changes].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const c of sorted) {
    const t = c.at.getTime();
    if (t <= from.getTime()) {
      status = c.toStatus;
      continue;
    }
    if (t >= end) break;
    if (DOWN_STATUSES.includes(status)) down += t - since;
    status = c.toStatus;
    since = t;
  }
  if (DOWN_STATUSES.includes(status)) down += end - since;
  return down / 3_600_000;
}

/** 1 − downtime / (pieces × hours): 1 when nothing was down, 0 when all were down all the time. */
export function availabilityRate(pieces: number, hours: number, down: number): number {
  if (pieces <= 0 || hours <= 0) return 1;
  return Math.max(0, Math.min(1, 1 - down / (pieces * hours)));
}

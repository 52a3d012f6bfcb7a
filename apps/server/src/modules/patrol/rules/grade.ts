import type { PatrolGrade, PatrolStatus } from '@guanjia/shared/api';

export interface CheckTiming {
  windowFrom: Date;
  windowTo: Date;
  scannedAt: Date | null;
}

/**
 * A point's grade: scanned before its window 提前, inside it 按时, after it 迟到; not scanned once the
 * patrol has closed 漏检; still open otherwise (null).
 */
export function gradeOf(check: CheckTiming, closesAt: Date, now: Date): PatrolGrade | null {
  const { scannedAt, windowFrom, windowTo } = check;
  if (scannedAt) {
    if (scannedAt < windowFrom) return '提前';
    if (scannedAt <= windowTo) return '按时';
    return '迟到';
  }
  return now >= closesAt ? '漏检' : null;
}

/** A patrol's status from its points: every point scanned → 已完成; closed with a point missing → 漏检. */
export function patrolStatusOf(scanned: number, planned: number, closed: boolean): PatrolStatus {
  if (planned > 0 && scanned === planned) return '已完成';
  if (closed) return '漏检';
  return scanned > 0 ? '进行中' : '待巡';
}

export interface GradeCounts {
  planned: number;
  scanned: number;
  onTime: number;
  early: number;
  late: number;
  missed: number;
}

export function countGrades(grades: readonly (PatrolGrade | null)[]): GradeCounts {
  const c: GradeCounts = { planned: grades.length, scanned: 0, onTime: 0, early: 0, late: 0, missed: 0 };
  for (const g of grades) {
    if (g === '按时') c.onTime++;
    else if (g === '提前') c.early++;
    else if (g === '迟到') c.late++;
    else if (g === '漏检') c.missed++;
    if (g && g !== '漏检') c.scanned++;
  }
  return c;
}

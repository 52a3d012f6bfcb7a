import type { EmergencyStatus } from '@guanjia/shared/api';

/** The one order an emergency moves in: 已上报 → 已确认 → 已到场 → 已控制 → 已结束 → 已复盘. */
const ORDER: readonly EmergencyStatus[] = ['已上报', '已确认', '已到场', '已控制', '已结束', '已复盘'];

/**
 * May an emergency move from `from` to `to`? Forward only; a step may be skipped (a guard who finds a
 * fire already under control), never undone. 已复盘 is reached by closing with a review, not directly.
 */
export function canMove(from: EmergencyStatus, to: EmergencyStatus): boolean {
  if (to === '已复盘') return false;
  return ORDER.indexOf(to) > ORDER.indexOf(from) && from !== '已复盘';
}

/** Still running: its timers fire, its tickets link, its storm checks are scheduled. */
export const isActive = (status: EmergencyStatus): boolean => ORDER.indexOf(status) < ORDER.indexOf('已结束');

/** The status a proven step implies (an acknowledged first step confirms, a check-in is arrival). */
export function statusAfterStep(
  current: EmergencyStatus,
  proof: 'ack' | 'checkin' | 'notice' | 'report',
): EmergencyStatus {
  const implied: EmergencyStatus | null = proof === 'ack' ? '已确认' : proof === 'checkin' ? '已到场' : null;
  return implied && canMove(current, implied) ? implied : current;
}

/** 较大/重大 incidents close only after their 复盘 (W-19). */
export const reviewRequired = (level: '一般' | '较大' | '重大'): boolean => level !== '一般';

import type { TicketStatus } from '@guanjia/shared';

export interface ReplyFacts {
  status: TicketStatus;
  replyDueAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
}

/**
 * Q50: the complaint's reply came (or is still to come) after its deadline. The reply is the approved
 * handling result (resolvedAt); a cancelled complaint is never late.
 */
export function replyLate(t: ReplyFacts, now: Date): boolean {
  if (!t.replyDueAt || t.status === '已取消') return false;
  const end = t.resolvedAt ?? (t.status === '已关闭' ? t.closedAt : null) ?? now;
  return end.getTime() > t.replyDueAt.getTime();
}

/** Still waiting for its reply and past the deadline: the 今日盘点's overdue list. */
export function overdueOpen(t: ReplyFacts, now: Date): boolean {
  return (t.status === '待受理' || t.status === '处理中') && replyLate(t, now);
}

const HOUR = 3_600_000;
/** Whole hours from logging to now, or to the close once closed. */
export function ageHours(createdAt: Date, endedAt: Date | null, now: Date): number {
  return Math.max(0, Math.floor(((endedAt ?? now).getTime() - createdAt.getTime()) / HOUR));
}

import type { NoticeType } from '../schema';

export interface NoticeFacts {
  type: NoticeType;
  location: string | null;
  eventStartsAt: Date | null;
  eventEndsAt: Date | null;
  /** When residents will first see it: the scheduled time, or now. */
  sendAt: Date;
  expiresAt: Date;
}

export interface NoticeLimits {
  drillNoticeDays: number;
  maxValidityDays: number;
}

const DAY = 86_400_000;

/**
 * What is wrong with a notice before it can go out, as field → reason. Q71: an expiry after sending
 * and within the ceiling; Q70: works say where and from–to; Q65: drills announced days ahead.
 */
export function noticeProblems(n: NoticeFacts, limits: NoticeLimits): Record<string, string> {
  const problems: Record<string, string> = {};
  if (n.expiresAt.getTime() <= n.sendAt.getTime())
    problems.expiresAt = 'must be after the notice is sent (Q71)';
  else if (n.expiresAt.getTime() - n.sendAt.getTime() > limits.maxValidityDays * DAY)
    problems.expiresAt = `at most ${limits.maxValidityDays} days after sending (Q71)`;
  if (n.eventStartsAt && n.eventEndsAt && n.eventEndsAt.getTime() <= n.eventStartsAt.getTime())
    problems.eventEndsAt = 'must be after eventStartsAt';
  if (n.type === '施工公告') {
    if (!n.location?.trim()) problems.location = 'works announcements state the location (Q70)';
    if (!n.eventStartsAt) problems.eventStartsAt = 'works announcements state when they start (Q70)';
    if (!n.eventEndsAt) problems.eventEndsAt = 'works announcements state how long they last (Q70)';
  }
  if (n.type === '消防演练') {
    if (!n.eventStartsAt) problems.eventStartsAt = 'drill notices state when the drill starts (Q65)';
    else if (n.eventStartsAt.getTime() - n.sendAt.getTime() < limits.drillNoticeDays * DAY)
      problems.eventStartsAt = `drills are announced at least ${limits.drillNoticeDays} days ahead (Q65)`;
  }
  return problems;
}

import type { PlanRecurrence } from '@guanjia/shared';

/**
 * Is a plan due on this day (the project's calendar date and its weekday, 0 = Sunday)? Working days are
 * Monday to Friday (the 9S check before work, Q21); weekly plans name their day 1 = Monday … 7 = Sunday
 * (the Friday notice-board walk, Q22); a one-off plan is due on its start day only.
 */
export function isPlanDue(
  p: { recurrence: PlanRecurrence; weekday: number | null; startsOn: string; endsOn: string | null },
  day: string,
  weekday: number,
): boolean {
  if (day < p.startsOn || (p.endsOn && day > p.endsOn)) return false;
  if (p.recurrence === 'once') return day === p.startsOn;
  if (p.recurrence === 'workdays') return weekday >= 1 && weekday <= 5;
  return (p.weekday ?? 0) % 7 === weekday;
}

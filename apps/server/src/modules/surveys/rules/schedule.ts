/**
 * Q80: campaigns per year split the year into equal periods (two → January–June and July–December).
 * The 客服主管 is reminded when the current period has no campaign and its end is near.
 */
export function surveyPeriod(today: string, perYear: number): { start: string; end: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const months = Math.max(1, Math.floor(12 / perYear));
  const index = Math.floor((m - 1) / months);
  const startMonth = index * months + 1;
  const endMonth = Math.min(12, startMonth + months - 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = new Date(Date.UTC(y, endMonth, 0)).getUTCDate();
  return { start: `${y}-${pad(startMonth)}-01`, end: `${y}-${pad(endMonth)}-${pad(lastDay)}` };
}

const dayMs = 86_400_000;
const toDay = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** Remind when the period has no campaign and no more than `daysBefore` days of it remain. */
export function surveyDue(
  today: string,
  perYear: number,
  daysBefore: number,
  campaignStarts: readonly string[],
): { due: boolean; period: { start: string; end: string } } {
  const period = surveyPeriod(today, perYear);
  const has = campaignStarts.some((s) => s >= period.start && s <= period.end);
  const left = Math.round((toDay(period.end) - toDay(today)) / dayMs);
  return { due: !has && left <= daysBefore, period };
}

/** A reminder may go: not answered, under the maximum, and the gap since the last one has passed. */
export function reminderDue(
  inv: { answeredAt: Date | null; reminders: number; lastRemindedAt: Date | null },
  now: Date,
  max: number,
  gapDays: number,
): boolean {
  if (inv.answeredAt || inv.reminders >= max) return false;
  return !inv.lastRemindedAt || now.getTime() - inv.lastRemindedAt.getTime() >= gapDays * dayMs;
}

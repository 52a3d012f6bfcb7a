/** Same words, same report: whitespace and case do not make a report new. */
export const normalizeReport = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

export interface RecentReport {
  description: string;
  unitId: number | null;
  createdAt: Date;
}

export type IntakeRefusal = 'daily_limit' | 'duplicate' | null;

/**
 * The portal abuse guard: at most `maxPerDay` reports in 24 hours, and no identical report for the
 * same unit within `duplicateHours`. `recent` holds the resident's portal reports of the last 24 h+.
 */
export function intakeRefusal(
  recent: readonly RecentReport[],
  next: { description: string; unitId: number },
  now: Date,
  limits: { maxPerDay: number; duplicateHours: number },
): IntakeRefusal {
  const text = normalizeReport(next.description);
  const dupSince = now.getTime() - limits.duplicateHours * 3_600_000;
  if (
    recent.some(
      (r) =>
        r.createdAt.getTime() >= dupSince &&
        r.unitId === next.unitId &&
        normalizeReport(r.description) === text,
    )
  )
    return 'duplicate';
  const daySince = now.getTime() - 86_400_000;
  if (recent.filter((r) => r.createdAt.getTime() >= daySince).length >= limits.maxPerDay)
    return 'daily_limit';
  return null;
}

/** Seconds until the resident may urge again (0 = now). */
export function urgeWaitSeconds(lastUrgeAt: Date | null, now: Date, intervalMinutes: number): number {
  if (!lastUrgeAt) return 0;
  const next = lastUrgeAt.getTime() + intervalMinutes * 60_000;
  return Math.max(0, Math.ceil((next - now.getTime()) / 1000));
}

/** Reopen from the portal: only a finished ticket, and only within `days` of it being finished. */
export function reopenRefusal(
  t: { status: string; resolvedAt: Date | null; closedAt: Date | null },
  now: Date,
  days: number,
): string | null {
  if (t.status !== '待回访' && t.status !== '已关闭') return 'only a finished ticket can be reopened';
  const done = t.resolvedAt ?? t.closedAt;
  if (!done) return 'only a finished ticket can be reopened';
  if (now.getTime() - done.getTime() > days * 86_400_000)
    return `tickets can be reopened within ${days} days`;
  return null;
}

import type { TaskStatus } from '@guanjia/shared';

/**
 * The 5-missed rule: a plan whose last `threshold` settled tasks (newest first; pending ones are not
 * settled yet) were all missed gets one warning to the 工程主管 — not one per further miss. A done
 * task in between resets it, and so does a warning already raised since the last done task.
 */
export function shouldWarnMissed(
  newestFirst: readonly { status: TaskStatus; dueAt: Date }[],
  threshold: number,
  warnedAt: Date | null,
): boolean {
  const settled = newestFirst.filter((t) => t.status !== 'pending');
  if (threshold < 1 || settled.length < threshold) return false;
  const last = settled.slice(0, threshold);
  if (!last.every((t) => t.status === 'missed')) return false;
  if (!warnedAt) return true;
  // Warned already: only a done task after the warning would have cleared it (then it is not all missed).
  return false;
}

/** A pending task past its expiry becomes missed. */
export function isMissed(task: { status: TaskStatus; expiresAt: Date }, now: Date): boolean {
  return task.status === 'pending' && task.expiresAt.getTime() <= now.getTime();
}

/**
 * 督办 escalation, pure: on time nothing happens; a missed deadline climbs the existing chain one level
 * at a time (1 客服班长 → 2 客服主管 → 3 项目经理, the SLA escalation's roles), one step every
 * `stepHours` after the deadline.
 */
export const MAX_SUPERVISION_LEVEL = 3;
const HOUR = 3_600_000;

export function escalationLevel(deadline: Date, now: Date, stepHours: number): number {
  const late = now.getTime() - deadline.getTime();
  if (late < 0) return 0;
  return Math.min(MAX_SUPERVISION_LEVEL, 1 + Math.floor(late / (stepHours * HOUR)));
}

/** When the next level is due after `level`; null once the top is reached. */
export function nextEscalationAt(deadline: Date, level: number, stepHours: number): Date | null {
  if (level >= MAX_SUPERVISION_LEVEL) return null;
  return new Date(deadline.getTime() + level * stepHours * HOUR);
}

/** The escalation setting's role list for a level (the same chain an SLA warning and breach climb). */
export function rolesForLevel(
  escalation: { warning: readonly string[]; lastWarning: readonly string[]; breach: readonly string[] },
  level: number,
): readonly string[] {
  if (level <= 0) return [];
  if (level === 1) return escalation.warning;
  if (level === 2) return escalation.lastWarning;
  return escalation.breach;
}

const HOUR = 3_600_000;

export interface PlannedTimes {
  now: Date;
  startsAt: Date | null | undefined;
  expectedEndAt: Date | null | undefined;
}

/** What is wrong with a planned outage's times: field → reason (empty = fine). */
export function plannedProblems(p: PlannedTimes): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!p.startsAt) problems.startsAt = 'a planned outage needs a start time';
  else if (p.startsAt.getTime() <= p.now.getTime())
    problems.startsAt = 'a planned outage starts in the future';
  if (!p.expectedEndAt) problems.expectedEndAt = 'a planned outage needs an end time';
  else if (p.startsAt && p.expectedEndAt.getTime() <= p.startsAt.getTime())
    problems.expectedEndAt = 'the end must be after the start';
  return problems;
}

export interface PlannedSchedule {
  /** When the announcement goes out: the lead time before the start, or now if that has passed. */
  announceAt: Date;
  /** Reminders strictly between the announcement and the start, earliest first. */
  reminders: { leadHours: number; at: Date }[];
}

export function plannedSchedule(
  now: Date,
  startsAt: Date,
  announceLeadHours: number,
  reminderLeadHours: readonly number[],
): PlannedSchedule {
  const announceAt = new Date(Math.max(now.getTime(), startsAt.getTime() - announceLeadHours * HOUR));
  const leads = [...new Set(reminderLeadHours)].sort((a, b) => b - a);
  const reminders = leads
    .map((leadHours) => ({ leadHours, at: new Date(startsAt.getTime() - leadHours * HOUR) }))
    .filter((r) => r.at.getTime() > announceAt.getTime() && r.at.getTime() < startsAt.getTime());
  return { announceAt, reminders };
}

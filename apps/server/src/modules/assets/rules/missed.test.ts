import type { TaskStatus } from '@guanjia/shared';
import { describe, expect, it } from 'vitest';
import { isMissed, shouldWarnMissed } from './missed';

const run = (...statuses: TaskStatus[]) =>
  statuses.map((status, i) => ({ status, dueAt: new Date(Date.UTC(2026, 11, 30 - i)) }));

describe('the 5-missed rule', () => {
  it.each<[string, TaskStatus[], number, Date | null, boolean]>([
    ['five misses in a row warn', ['missed', 'missed', 'missed', 'missed', 'missed'], 5, null, true],
    ['four misses do not', ['missed', 'missed', 'missed', 'missed'], 5, null, false],
    [
      'a done task among the last five resets',
      ['missed', 'missed', 'done', 'missed', 'missed', 'missed'],
      5,
      null,
      false,
    ],
    [
      'older misses beyond a done task do not count',
      ['done', 'missed', 'missed', 'missed', 'missed', 'missed'],
      5,
      null,
      false,
    ],
    [
      'pending tasks are not settled yet and are skipped',
      ['pending', 'missed', 'missed', 'missed', 'missed', 'missed'],
      5,
      null,
      true,
    ],
    [
      'already warned: no second warning for the sixth miss',
      ['missed', 'missed', 'missed', 'missed', 'missed', 'missed'],
      5,
      new Date(),
      false,
    ],
    ['the threshold is a setting (3)', ['missed', 'missed', 'missed'], 3, null, true],
    ['no tasks, no warning', [], 5, null, false],
  ])('%s', (_name, statuses, threshold, warnedAt, expected) => {
    expect(shouldWarnMissed(run(...statuses), threshold, warnedAt)).toBe(expected);
  });
});

describe('a task is missed when its expiry passes undone', () => {
  const expiresAt = new Date('2026-12-06T16:00:00Z');
  it.each<[TaskStatus, string, boolean]>([
    ['pending', '2026-12-06T15:59:59Z', false],
    ['pending', '2026-12-06T16:00:00Z', true],
    ['done', '2026-12-08T00:00:00Z', false],
  ])('%s at %s → %s', (status, now, expected) => {
    expect(isMissed({ status, expiresAt }, new Date(now))).toBe(expected);
  });
});

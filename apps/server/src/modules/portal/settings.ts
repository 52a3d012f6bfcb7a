import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

const int = (min: number, max: number) => z.number().int().min(min).max(max);

export const PORTAL_CODE_MINUTES = defineSetting({
  key: 'portal.codeValidMinutes',
  schema: int(1, 60),
  defaultValue: 5,
  description: 'A portal login code is valid this many minutes',
});

export const PORTAL_CODE_MAX_FAILURES = defineSetting({
  key: 'portal.codeMaxFailures',
  schema: int(1, 20),
  defaultValue: 5,
  description: 'Wrong code entries before the code is burnt and a new one must be requested',
});

export const PORTAL_CODES_PER_HOUR = defineSetting({
  key: 'portal.codesPerHour',
  schema: int(1, 50),
  defaultValue: 5,
  description: 'Login codes one phone may request per hour',
});

export const PORTAL_MAX_TICKETS_PER_DAY = defineSetting({
  key: 'portal.maxTicketsPerDay',
  schema: int(1, 100),
  defaultValue: 5,
  description: 'Abuse guard: new portal tickets per resident in 24 hours',
});

export const PORTAL_DUPLICATE_HOURS = defineSetting({
  key: 'portal.duplicateWindowHours',
  schema: int(0, 168),
  defaultValue: 24,
  description: 'Abuse guard: an identical report from the same resident within this many hours is refused',
});

export const PORTAL_URGE_MINUTES = defineSetting({
  key: 'portal.urgeIntervalMinutes',
  schema: int(1, 24 * 60),
  defaultValue: 30,
  description: 'A resident may urge (催单) the same ticket at most once per this many minutes',
});

export const PORTAL_REOPEN_DAYS = defineSetting({
  key: 'portal.reopenWithinDays',
  schema: int(0, 90),
  defaultValue: 7,
  description: 'Residents may reopen a resolved ticket from the portal within this many days',
});

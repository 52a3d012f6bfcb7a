import {
  DEFAULT_APPOINTMENT_WINDOWS,
  DEFAULT_URGENT_KEYWORDS,
  isClockTime,
  windowsValid,
} from '@guanjia/shared';
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

/** The resident picks a day and one of these windows on the estate's clock (上午/下午/晚上). */
export const PORTAL_APPOINTMENT_WINDOWS = defineSetting({
  key: 'portal.appointmentWindows',
  schema: z
    .array(
      z.object({
        key: z.string().trim().min(1).max(20),
        label: z.string().trim().min(1).max(20),
        from: z.string().refine(isClockTime, 'HH:MM'),
        to: z.string().refine(isClockTime, 'HH:MM'),
      }),
    )
    .min(1)
    .max(8)
    .refine(windowsValid, 'unique keys, each window from before to'),
  defaultValue: [...DEFAULT_APPOINTMENT_WINDOWS],
  description: 'Preferred visit windows a resident may pick in the portal (key, label, from, to as HH:MM)',
});

export const PORTAL_APPOINTMENT_DAYS = defineSetting({
  key: 'portal.appointmentDaysAhead',
  schema: int(1, 60),
  defaultValue: 7,
  description: 'A preferred visit window may be picked for today and this many days in all',
});

/** Words that make the report form suggest 紧急 (and say why). */
export const PORTAL_URGENT_KEYWORDS = defineSetting({
  key: 'portal.urgentKeywords',
  schema: z.array(z.string().trim().min(1).max(20)).max(100),
  defaultValue: [...DEFAULT_URGENT_KEYWORDS],
  description: 'Words in a report (or its category) for which the portal suggests marking it urgent',
});

export const PORTAL_COMMON_CATEGORIES = defineSetting({
  key: 'portal.commonCategories',
  schema: int(0, 20),
  defaultValue: 6,
  description: "How many of the project's most used problems the report form offers first",
});

/**
 * The company's logo at the top of the portal: an image URL (an upload's url, or a data: URL). Empty:
 * the portal draws a text logo from the company's name.
 */
export const PORTAL_LOGO_URL = defineSetting({
  key: 'portal.logoUrl',
  schema: z
    .string()
    .trim()
    .max(200_000)
    .refine((v) => v === '' || /^(https?:\/\/|\/|data:image\/)/.test(v), 'an image URL'),
  defaultValue: '',
  description: "The company's logo shown at the top of the resident portal (image URL; empty = text logo)",
});

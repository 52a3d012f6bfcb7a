import { DEFAULT_TIME_ZONE, isIanaTimeZone } from '@guanjia/shared';
import { z } from 'zod';
import { warnOnce } from '../log/log-fault';

/** Every zone a caller can store (projects, SLA calendars, the platform.timezone setting). */
export const timeZoneSchema = z
  .string()
  .trim()
  .max(60)
  .refine(isIanaTimeZone, 'Not an IANA time zone (for example Asia/Shanghai)');

/**
 * A stored zone as its readers may use it: one that no longer parses (written before validation, or by
 * hand in the database) reads as Asia/Shanghai with a warning, rather than failing every intake, work
 * order and portal request of the project with a RangeError.
 */
export function readTimeZone(stored: unknown, where: string): string {
  if (typeof stored === 'string' && isIanaTimeZone(stored)) return stored;
  warnOnce(`time-zone:${where}:${String(stored)}`, 'stored time zone is not valid; using the default', {
    where,
    stored,
    fallback: DEFAULT_TIME_ZONE,
  });
  return DEFAULT_TIME_ZONE;
}

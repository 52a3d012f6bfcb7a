import { wallClockTime } from '@guanjia/shared';
import { displayTimeZone } from '../../format';

/** "–12:00" after an appointment's start when the resident picked a window (上午 9–12), else "". */
export const windowEnd = (until: string | null | undefined): string =>
  until ? `–${wallClockTime(until, displayTimeZone())}` : '';

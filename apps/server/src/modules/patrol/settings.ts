import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

/** 巡检/巡更 settings, per project. The seeds give no numbers for patrol windows; these are defaults. */

export const PATROL_LATE_GRACE_MINUTES = defineSetting({
  key: 'patrol.lateGraceMinutes',
  schema: z.number().int().min(0).max(720),
  // A point scanned after its window is 迟到 until the last window plus this; after that it is 漏检.
  defaultValue: 30,
  description:
    'A patrol stays open this many minutes after its last point’s window: later scans are 迟到, none is 漏检',
});

export const PATROL_AHEAD_HOURS = defineSetting({
  key: 'patrol.generateAheadHours',
  schema: z
    .number()
    .int()
    .min(1)
    .max(7 * 24),
  defaultValue: 24,
  description: 'Patrols are generated from the routes’ schedules this many hours ahead',
});

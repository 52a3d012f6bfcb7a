import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

export const BOOKING_REMINDER_MINUTES = defineSetting({
  key: 'facilities.reminderMinutes',
  schema: z.number().int().min(0).max(2880),
  // No seed number: a reminder two hours ahead leaves time to cancel within the usual lead times.
  defaultValue: 120,
  description: 'A booking’s reminder goes to the resident this many minutes before it starts (0 = none)',
});

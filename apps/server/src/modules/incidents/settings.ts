import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

export const INCIDENT_NOTIFY_MINUTES = defineSetting({
  key: 'incidents.notifyWithinMinutes',
  schema: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  // Q60: sudden water/power/TV outages — residents notified within 10 minutes.
  defaultValue: 10,
  qid: 'Q60',
  description: 'Emergency incidents: first notice delivered within this many minutes of creation',
});

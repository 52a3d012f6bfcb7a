import { z } from 'zod';
import { SLA_CLOCK_KINDS, SLA_CLOCK_STATES } from '../tickets';
import { isoTime, nullableTime } from './common';

/** One SLA clock as the console shows it (sla/present.ts), recomputed at the time of the answer. */
export const slaClockSchema = z.object({
  id: z.number(),
  kind: z.enum(SLA_CLOCK_KINDS),
  subject: z.string(),
  workOrderId: z.number().nullable(),
  policyId: z.number(),
  calendar: z.enum(['business', '24x7']),
  targetMinutes: z.number(),
  byAppointment: z.boolean(),
  startedAt: isoTime,
  stoppedAt: nullableTime,
  state: z.enum(SLA_CLOCK_STATES),
  deadline: isoTime,
  pausedMinutes: z.number(),
  elapsedBusinessMinutes: z.number(),
  remainingBusinessMinutes: z.number().nullable(),
  warnAt: z.array(z.string()),
});
export type SlaClock = z.infer<typeof slaClockSchema>;

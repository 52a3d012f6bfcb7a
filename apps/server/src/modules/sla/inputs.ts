import { SLA_CLOCK_KINDS, TICKET_PRIORITIES, TICKET_TYPES } from '@guanjia/shared';
import { z } from 'zod';
import { timeZoneSchema } from '../../platform/clock/time-zone';
import { patchOf } from '../../platform/http/patch-schema';
import { CALLBACK_POLICIES } from '../tickets/rules/ticket-kinds';

const target = z
  .object({
    calendar: z.enum(['business', '24x7']),
    minutes: z
      .number()
      .positive()
      .max(365 * 24 * 60)
      .optional(),
    businessDays: z.number().positive().max(365).optional(),
    appointmentOverrides: z.boolean().optional(),
  })
  .refine(
    (t) => (t.minutes === undefined) !== (t.businessDays === undefined),
    'give either minutes or businessDays',
  );

export const targetsInput = z.partialRecord(z.enum(SLA_CLOCK_KINDS), target);

export const policyInput = z.object({
  projectId: z.number().int().positive().nullish(),
  name: z.string().trim().min(1).max(60),
  ticketType: z.enum(TICKET_TYPES).nullish(),
  categoryId: z.number().int().positive().nullish(),
  priority: z.enum(TICKET_PRIORITIES).nullish(),
  calendarId: z.number().int().positive().nullish(),
  targets: targetsInput,
  callbackPolicy: z.enum(CALLBACK_POLICIES).nullish(),
  active: z.boolean().default(true),
});
export const policyPatch = patchOf(policyInput.omit({ projectId: true })).extend({
  version: z.number().int().positive(),
});

const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'HH:MM');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const calendarInput = z.object({
  projectId: z.number().int().positive().nullish(),
  name: z.string().trim().min(1).max(60),
  timezone: timeZoneSchema.default('Asia/Shanghai'),
  always: z.boolean().default(false),
  /** Monday first; several periods per day (a lunch break is two periods). */
  weekdays: z.array(z.array(z.object({ start: hhmm, end: hhmm })).max(6)).length(7),
  holidays: z.array(date).max(400).default([]),
  extraWorkdays: z.array(date).max(100).default([]),
  isDefault: z.boolean().default(false),
});
export const calendarPatch = patchOf(calendarInput.omit({ projectId: true })).extend({
  version: z.number().int().positive(),
});

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

export const PLANNED_ANNOUNCE_HOURS = defineSetting({
  key: 'incidents.plannedAnnounceHours',
  schema: z
    .number()
    .int()
    .min(0)
    .max(30 * 24),
  // Requirements §notices [002 #15]: works and outages are announced in advance (no figure given; two days).
  defaultValue: 48,
  description: 'Planned outages: residents are told this many hours before the start (at once if sooner)',
});

export const PLANNED_REMINDER_HOURS = defineSetting({
  key: 'incidents.plannedReminderHours',
  schema: z
    .array(
      z
        .number()
        .int()
        .min(1)
        .max(30 * 24),
    )
    .max(5),
  // A reminder the day before and one two hours before: residents fill buckets and plan their day.
  defaultValue: [24, 2],
  description: 'Planned outages: reminders this many hours before the start (empty = none)',
});

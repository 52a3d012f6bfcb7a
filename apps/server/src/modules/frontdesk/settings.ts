import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

/*
 * The seeds give no number for the front-desk registers (W-16, W-17, W-32, W-33 and §1.21 name the
 * registers only), so none of these cites a Q-id: the defaults are house rules, per project.
 */

export const VISITOR_PASS_HOURS = defineSetting({
  key: 'frontdesk.visitorPassHours',
  schema: z.number().int().min(1).max(72),
  defaultValue: 4,
  description: 'A visitor pass without an end time is valid for this many hours after registration',
});

export const VISITOR_PARKING_MINUTES = defineSetting({
  key: 'frontdesk.visitorParkingMinutes',
  schema: z.number().int().min(0).max(1440),
  defaultValue: 120,
  description: 'Free parking a visitor pass with a car plate grants by default (minutes)',
});

export const LONG_TERM_PASS_DAYS = defineSetting({
  key: 'frontdesk.longTermPassDays',
  schema: z.number().int().min(7).max(366),
  // W-33 [002 #48]: regular deliverers (milk, papers, post) get 出入证; a year is the usual card.
  defaultValue: 180,
  description: 'A long-term pass for a regular deliverer is valid for at most this many days',
});

export const PARCEL_REMINDER_DAYS = defineSetting({
  key: 'frontdesk.parcelReminderDays',
  schema: z.number().int().min(1).max(30),
  defaultValue: 3,
  description: 'A parcel not picked up after this many days gets a second notice',
});

export const PARCEL_ABANDON_DAYS = defineSetting({
  key: 'frontdesk.parcelAbandonDays',
  schema: z.number().int().min(2).max(180),
  defaultValue: 30,
  description: 'A parcel not picked up after this many days is marked abandoned (弃件)',
});

export const RELEASE_FLAG_ARREARS = defineSetting({
  key: 'frontdesk.releaseFlagArrears',
  schema: z.boolean(),
  defaultValue: true,
  description: 'Item release: flag units with overdue fees for the desk before approval',
});

export const RELEASE_FLAG_DECORATION = defineSetting({
  key: 'frontdesk.releaseFlagDecoration',
  schema: z.boolean(),
  defaultValue: true,
  description: 'Item release: flag units under decoration for the desk before approval',
});

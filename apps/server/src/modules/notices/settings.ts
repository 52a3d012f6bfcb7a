import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

export const DRILL_NOTICE_DAYS = defineSetting({
  key: 'notices.drillNoticeDays',
  schema: z.number().int().min(0).max(30),
  // Q65: residents are told of a fire drill at least three days before it.
  defaultValue: 3,
  qid: 'Q65',
  description: 'A 消防演练 notice must go out at least this many days before the drill',
});

export const MAX_NOTICE_DAYS = defineSetting({
  key: 'notices.maxValidityDays',
  schema: z.number().int().min(1).max(3650),
  // Q71 asks for an expiry on every notice; a ceiling keeps "never expires" from sneaking back in.
  defaultValue: 365,
  qid: 'Q71',
  description: 'Longest validity of a notice, in days from publication',
});

export const WARRANTY_REMIND_DAYS = defineSetting({
  key: 'notices.warrantyReminderDays',
  schema: z.number().int().min(0).max(365),
  // Q72: one month before the warranty ends, owners get an SMS reminder (0 = off).
  defaultValue: 30,
  qid: 'Q72',
  description: 'Days before a unit’s warranty ends that its owners are reminded (0 = no reminder)',
});

export const BIRTHDAY_GREETINGS = defineSetting({
  key: 'notices.birthdayGreetings',
  schema: z.boolean(),
  defaultValue: true,
  description: 'Send residents a greeting on their birthday',
});

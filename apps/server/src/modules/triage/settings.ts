import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

// The seeds give no numbers for triage (§1.6, §1.15, R04, R21 ask for the behaviour, not thresholds):
// these are product defaults, per project, measured in bench/triage.

export const TRIAGE_AUTO_URGENT = defineSetting({
  key: 'triage.autoUrgent',
  schema: z.boolean(),
  defaultValue: true,
  description:
    'Portal and e-mail tickets whose text names a danger (urgent phrase) start as 急 at once and alert the 班长',
});

export const TRIAGE_URGENT_CATEGORY_PERCENT = defineSetting({
  key: 'triage.urgentCategoryPercent',
  schema: z.number().int().min(50).max(100),
  // 80 %: urgent recall 1.0 at precision 0.88 on the fresh set (bench/triage); lower catches more, falsely.
  defaultValue: 80,
  description:
    'A text is suggested urgent when its top category defaults to 急 with at least this confidence (%)',
});

export const TRIAGE_AUTO_CATEGORY_PERCENT = defineSetting({
  key: 'triage.autoCategoryPercent',
  schema: z.number().int().min(30).max(100),
  defaultValue: 60,
  description:
    'Portal and e-mail tickets without a category get the suggested one at or above this confidence (%)',
});

export const TRIAGE_SIMILAR_HOURS = defineSetting({
  key: 'triage.similarHours',
  schema: z
    .number()
    .int()
    .min(1)
    .max(24 * 14),
  defaultValue: 24,
  description: 'Repeat issues: open tickets reported within this many hours of each other are compared',
});

export const TRIAGE_INCIDENT_CLUSTER = defineSetting({
  key: 'triage.incidentClusterSize',
  schema: z.number().int().min(2).max(100),
  defaultValue: 5,
  description:
    'Repeat issues: this many tickets about one problem in one building suggest an outage/incident',
});

export const TRIAGE_ALERT_ROLES = defineSetting({
  key: 'triage.alertRoles',
  schema: z.array(z.string().min(1)).max(20),
  // The 班长 runs the shift: an automatically urgent ticket is theirs to check first.
  defaultValue: ['cs_lead'],
  description: 'Who is alerted when a portal or e-mail ticket was made urgent by its text',
});

export const TRIAGE_QUESTION_CLUSTER = defineSetting({
  key: 'triage.questionClusterSize',
  schema: z.number().int().min(2).max(100),
  // Three residents asking the same thing in a week is a pattern, not one caller's odd question.
  defaultValue: 3,
  description:
    'Question aggregation: this many consultations in a week asking one question (and finding no article) raise a candidate for the 专家席',
});

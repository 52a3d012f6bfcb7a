import { z } from 'zod';
import { defineSetting } from '../../platform/settings/registry';

const minutes = z
  .number()
  .int()
  .min(1)
  .max(24 * 60);

export const TEAM_LEADER_MINUTES = defineSetting({
  key: 'emergencies.teamLeaderMinutes',
  schema: minutes,
  // Q62: whoever finds an incident reports to the team leader within 1 minute.
  defaultValue: 1,
  qid: 'Q62',
  description: 'Emergency plans: the on-duty team leader acknowledges within this many minutes of the report',
});

export const PROJECT_HEAD_REPORT_MINUTES = defineSetting({
  key: 'emergencies.projectHeadReportMinutes',
  schema: minutes,
  // Q63: the team leader reports to the project head within 5 minutes.
  defaultValue: 5,
  qid: 'Q63',
  description: 'Emergency plans: the project head is reported to within this many minutes',
});

export const PROJECT_HEAD_ON_SITE_MINUTES = defineSetting({
  key: 'emergencies.projectHeadOnSiteMinutes',
  schema: minutes,
  // Q63: the project head is on site within 5 minutes of the report.
  defaultValue: 5,
  qid: 'Q63',
  description: 'Emergency plans: the project head checks in on site within this many minutes of the report',
});

export const BUTLER_RELAY_MINUTES = defineSetting({
  key: 'emergencies.butlerRelayMinutes',
  schema: minutes,
  // Q64: quality, dispute and disaster information reaches the butler and the project head within 5 minutes.
  defaultValue: 5,
  qid: 'Q64',
  description: 'Disputes and disasters: relayed to the butler and the project head within this many minutes',
});

export const HOUSEHOLDS_NOTIFIED_MINUTES = defineSetting({
  key: 'emergencies.householdsNotifiedMinutes',
  schema: minutes,
  // Q61: information relayed, an initial plan made and fed back within 10 minutes.
  defaultValue: 10,
  qid: 'Q61',
  description: 'Emergency plans: affected households are notified within this many minutes',
});

export const REPORT_HOURS = defineSetting({
  key: 'emergencies.reportHours',
  schema: z
    .number()
    .int()
    .min(1)
    .max(7 * 24),
  // W-18 §4: every special event gets its 《特别事件报告》; the seed gives no time, a day is the house rule.
  defaultValue: 24,
  description: 'Emergency plans: the special event report is written within this many hours',
});

export const ESCALATION_REPEAT_MINUTES = defineSetting({
  key: 'emergencies.escalationRepeatMinutes',
  schema: minutes,
  // Q66 keeps the emergency team's phones on around the clock; a missed step climbs a rung this often.
  defaultValue: 5,
  description: 'A missed step escalates to the next level this many minutes after the previous escalation',
});

export const ESCALATION_MAX = defineSetting({
  key: 'emergencies.escalationMax',
  schema: z.number().int().min(1).max(20),
  defaultValue: 6,
  description: 'A missed step escalates at most this many times (in-app, SMS and phone each time)',
});

export const STORM_CHECK_MINUTES = defineSetting({
  key: 'emergencies.stormCheckMinutes',
  schema: z
    .number()
    .int()
    .min(15)
    .max(24 * 60),
  // Q68: in rainstorms and typhoons, basement exits and roof drains are checked every hour.
  defaultValue: 60,
  qid: 'Q68',
  description:
    'Storm mode: checks of basement exits, roof drains and switch rooms this often while a 暴雨/台风 incident runs',
});

/**
 * How each system setting is shown and edited: its unit and the form control its value needs. A
 * setting the console does not know yet (another module added it) still gets a control from the shape
 * of its value (a number, a switch, a text, a list of texts, fields of an object), never raw JSON.
 */
export type Unit =
  | 'minutes'
  | 'businessMinutes'
  | 'hours'
  | 'days'
  | 'businessDays'
  | 'times'
  | 'rings'
  | 'seconds'
  | 'items'
  | 'percent'
  | 'residents';

export type SettingKind =
  | { type: 'number'; unit?: Unit; min?: number; max?: number; step?: number }
  | { type: 'megabytes'; min: number; max: number }
  | { type: 'boolean' }
  | { type: 'text' }
  | { type: 'timezone' }
  | { type: 'dispatchMode' }
  | { type: 'quietHours' }
  | { type: 'warnings' }
  | { type: 'escalation' }
  | { type: 'providers' }
  | { type: 'phrases' }
  | { type: 'standard' }
  | { type: 'checklist' }
  | { type: 'textList' }
  /** Role codes, picked from the roles (complaints.warningRoles …). */
  | { type: 'roles' }
  /** Several numbers of one unit (reminders 24 h and 2 h before). */
  | { type: 'numberList'; unit: Unit; min?: number; max?: number }
  /** Short words edited as tags (urgent keywords). */
  | { type: 'tags' }
  /** Visit windows: rows of code, label, from, to. */
  | { type: 'windows' }
  /** An image address; empty is allowed. */
  | { type: 'url' }
  | { type: 'fields' };

const KNOWN: Record<string, SettingKind> = {
  'platform.timezone': { type: 'timezone' },
  'auth.loginMaxFailures': { type: 'number', unit: 'times', min: 3, max: 50 },
  'auth.loginLockMinutes': { type: 'number', unit: 'minutes', min: 1, max: 1440 },
  'callcenter.answerWithinRings': { type: 'number', unit: 'rings', min: 1, max: 10 },
  'callcenter.ringSeconds': { type: 'number', unit: 'seconds', min: 1, max: 30 },
  'callcenter.webItemsQueue': { type: 'text' },
  'sla.urgentArriveMinutes': { type: 'number', unit: 'minutes', min: 1 },
  'sla.urgentResolveMinutes': { type: 'number', unit: 'minutes', min: 1 },
  'sla.repairArriveMinutes': { type: 'number', unit: 'businessMinutes', min: 1 },
  'sla.repairResolveBusinessDays': { type: 'number', unit: 'businessDays', min: 0.1, max: 60, step: 0.5 },
  'sla.callbackHours': { type: 'number', unit: 'hours', min: 1 },
  'sla.callbackRequiredToClose': { type: 'boolean' },
  'sla.complaintReplyBusinessDays': { type: 'number', unit: 'businessDays', min: 0.1, max: 60, step: 0.5 },
  'sla.dispatchMinutes': { type: 'number', unit: 'minutes', min: 1 },
  'sla.respondMinutes': { type: 'number', unit: 'businessMinutes', min: 1 },
  'sla.warnings': { type: 'warnings' },
  'sla.escalation': { type: 'escalation' },
  'dispatch.defaultMode': { type: 'dispatchMode' },
  'dispatch.openCap': { type: 'number', unit: 'items', min: 1 },
  'delivery.quietHours': { type: 'quietHours' },
  'delivery.maxAttempts': { type: 'number', unit: 'times', min: 1, max: 20 },
  'delivery.providers': { type: 'providers' },
  'incidents.notifyWithinMinutes': { type: 'number', unit: 'minutes', min: 1 },
  'scripts.forbiddenPhrases': { type: 'phrases' },
  'scripts.standard': { type: 'standard' },
  'notices.drillNoticeDays': { type: 'number', unit: 'days', min: 0 },
  'notices.maxValidityDays': { type: 'number', unit: 'days', min: 1 },
  'notices.warrantyReminderDays': { type: 'number', unit: 'days', min: 0 },
  'notices.birthdayGreetings': { type: 'boolean' },
  'portal.codeValidMinutes': { type: 'number', unit: 'minutes', min: 1 },
  'portal.codeMaxFailures': { type: 'number', unit: 'times', min: 1 },
  'portal.codesPerHour': { type: 'number', unit: 'times', min: 1 },
  'portal.maxTicketsPerDay': { type: 'number', unit: 'items', min: 1 },
  'portal.duplicateWindowHours': { type: 'number', unit: 'hours', min: 0 },
  'portal.urgeIntervalMinutes': { type: 'number', unit: 'minutes', min: 0 },
  'portal.reopenWithinDays': { type: 'number', unit: 'days', min: 0 },
  'qa.checklist': { type: 'checklist' },
  'qa.samplePercent': { type: 'number', unit: 'percent', min: 1, max: 100 },
  'mail.maxMessageBytes': { type: 'megabytes', min: 0.0625, max: 50 },
  'broadcasts.approvalThreshold': { type: 'number', unit: 'residents', min: 1, max: 1_000_000 },
  'complaints.promisedReplyHours': { type: 'number', unit: 'hours', min: 1, max: 720 },
  'complaints.warningThresholds': { type: 'fields' },
  'complaints.warningRoles': { type: 'roles' },
  'complaints.majorNotifyRoles': { type: 'roles' },
  'complaints.superviseEscalateHours': { type: 'number', unit: 'hours', min: 1, max: 720 },
  'complaints.reviewRoles': { type: 'roles' },
  'billing.meterJumpFactor': { type: 'number', unit: 'times', min: 1.5, max: 100, step: 0.5 },
  'billing.lateFeeGraceDays': { type: 'number', unit: 'days', min: 0, max: 366 },
  'incidents.plannedAnnounceHours': { type: 'number', unit: 'hours', min: 0, max: 720 },
  'incidents.plannedReminderHours': { type: 'numberList', unit: 'hours', min: 1, max: 720 },
  'portal.appointmentWindows': { type: 'windows' },
  'portal.appointmentDaysAhead': { type: 'number', unit: 'days', min: 1, max: 60 },
  'portal.urgentKeywords': { type: 'tags' },
  'portal.commonCategories': { type: 'number', unit: 'items', min: 0, max: 20 },
  'portal.logoUrl': { type: 'url' },
};

const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The control for a setting: by its key when the console knows it, else by its value's shape. */
export function kindOf(key: string, value: unknown): SettingKind {
  const known = KNOWN[key];
  if (known) return known;
  if (typeof value === 'number') return { type: 'number' };
  if (typeof value === 'boolean') return { type: 'boolean' };
  if (typeof value === 'string') return { type: 'text' };
  if (isTextList(value)) return { type: 'textList' };
  return { type: 'fields' };
}

/** The i18n key of a setting's name and explanation (dots are nesting in i18next). */
export const defKey = (key: string) => `settingDefs.defs.${key.replace(/\./g, '_')}`;

/** The module a setting belongs to: `sla.callbackHours` → `sla`. */
export const groupOf = (key: string) => key.split('.')[0] ?? key;

export const MB = 1024 * 1024;

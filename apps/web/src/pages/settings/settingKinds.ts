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
  | 'residents'
  | 'fen';

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
  'surveys.satisfactionTargetPercent': { type: 'number', unit: 'percent', min: 1, max: 100 },
  'surveys.coverageTargetPercent': { type: 'number', unit: 'percent', min: 1, max: 100 },
  'surveys.perYear': { type: 'number', unit: 'times', min: 1, max: 12 },
  'surveys.dueReminderDays': { type: 'number', unit: 'days', min: 1, max: 180 },
  'surveys.reminderMax': { type: 'number', unit: 'times', min: 0, max: 10 },
  'surveys.reminderGapDays': { type: 'number', unit: 'days', min: 1, max: 60 },
  'surveys.quietDays': { type: 'number', unit: 'days', min: 0, max: 365 },
  'surveys.rectifyDays': { type: 'number', unit: 'days', min: 1, max: 180 },
  'visits.coverageTargetPercent': { type: 'number', unit: 'percent', min: 1, max: 100 },
  'visits.headQuotaSmall': { type: 'number', unit: 'residents', min: 0, max: 200 },
  'visits.headQuotaLarge': { type: 'number', unit: 'residents', min: 0, max: 200 },
  'visits.headQuotaThreshold': { type: 'number', unit: 'residents', min: 1, max: 1000000 },
  'visits.headQuotaWarnDays': { type: 'number', unit: 'days', min: 1, max: 28 },
  'visits.moveInCareDays': { type: 'number', unit: 'days', min: 1, max: 60 },
  'visits.moveInDays': { type: 'numberList', unit: 'days', min: 1, max: 366 },
  'visits.homeEntryVisitors': { type: 'number', min: 1, max: 5 },
  'visits.appointmentDaysAhead': { type: 'number', unit: 'days', min: 0, max: 7 },
  'care.facadeGlassPerYear': { type: 'number', unit: 'times', min: 0, max: 12 },
  'emergencies.teamLeaderMinutes': { type: 'number', unit: 'minutes', min: 1, max: 1440 },
  'triage.autoUrgent': { type: 'boolean' },
  'triage.urgentCategoryPercent': { type: 'number', unit: 'percent', min: 50, max: 100 },
  'triage.autoCategoryPercent': { type: 'number', unit: 'percent', min: 30, max: 100 },
  'triage.similarHours': { type: 'number', unit: 'hours', min: 1, max: 336 },
  'triage.incidentClusterSize': { type: 'number', unit: 'items', min: 2, max: 100 },
  'triage.questionClusterSize': { type: 'number', unit: 'items', min: 2, max: 100 },
  'triage.alertRoles': { type: 'roles' },
  'emergencies.projectHeadReportMinutes': { type: 'number', unit: 'minutes', min: 1, max: 1440 },
  'emergencies.projectHeadOnSiteMinutes': { type: 'number', unit: 'minutes', min: 1, max: 1440 },
  'emergencies.butlerRelayMinutes': { type: 'number', unit: 'minutes', min: 1, max: 1440 },
  'emergencies.householdsNotifiedMinutes': { type: 'number', unit: 'minutes', min: 1, max: 1440 },
  'emergencies.reportHours': { type: 'number', unit: 'hours', min: 1, max: 168 },
  'emergencies.escalationRepeatMinutes': { type: 'number', unit: 'minutes', min: 1, max: 1440 },
  'emergencies.escalationMax': { type: 'number', unit: 'times', min: 1, max: 20 },
  'emergencies.stormCheckMinutes': { type: 'number', unit: 'minutes', min: 15, max: 1440 },
  'qualityInspections.recordDeduction': { type: 'number', min: 0, max: 100, step: 0.5 },
  'qualityInspections.recordMonthZeroAbove': { type: 'number', unit: 'items', min: 0, max: 1000 },
  'qualityInspections.sampledMonths': { type: 'number', min: 1, max: 12 },
  'qualityInspections.onSiteDeduction': { type: 'number', min: 0, max: 100, step: 0.5 },
  'qualityInspections.onSiteZeroAbove': { type: 'number', unit: 'items', min: 0, max: 1000 },
  'qualityInspections.bandGoodMin': { type: 'number', min: 0, max: 100 },
  'qualityInspections.bandExcellentMin': { type: 'number', min: 0, max: 100 },
  'qualityInspections.failPenalties': { type: 'fields' },
  'qualityInspections.excellentRewards': { type: 'fields' },
  'qualityInspections.teamAwardMin': { type: 'number', min: 0, max: 100 },
  'qualityInspections.teamAward': { type: 'number', unit: 'fen', min: 0, step: 100 },
  'qualityInspections.ninesMonthlyThreshold': { type: 'number', unit: 'times', min: 1, max: 100 },
  'qualityInspections.ninesPerformancePoints': { type: 'number', min: 0, max: 100 },
  'qualityInspections.ninesFixMinutes': { type: 'number', unit: 'minutes', min: 1, max: 1440 },
  'qualityInspections.rectificationDays': { type: 'number', unit: 'days', min: 1, max: 90 },
  'rectifications.recheckDays': { type: 'number', unit: 'days', min: 1, max: 90 },
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
  'patrol.lateGraceMinutes': { type: 'number', unit: 'minutes', min: 0, max: 720 },
  'patrol.generateAheadHours': { type: 'number', unit: 'hours', min: 1, max: 168 },
  'stock.monthlyDueDay': { type: 'number', min: 1, max: 28 },
  'contractors.expiryReminderDays': { type: 'number', unit: 'days', min: 1, max: 365 },
  'contractors.expiryReminderRoles': { type: 'roles' },
  'contractors.evaluationItems': { type: 'checklist' },
  'qa.samplePercent': { type: 'number', unit: 'percent', min: 1, max: 100 },
  'mail.maxMessageBytes': { type: 'megabytes', min: 0.0625, max: 50 },
  'broadcasts.approvalThreshold': { type: 'number', unit: 'residents', min: 1, max: 1_000_000 },
  'complaints.promisedReplyHours': { type: 'number', unit: 'hours', min: 1, max: 720 },
  'complaints.warningThresholds': { type: 'fields' },
  'complaints.warningRoles': { type: 'roles' },
  'complaints.majorNotifyRoles': { type: 'roles' },
  'complaints.superviseEscalateHours': { type: 'number', unit: 'hours', min: 1, max: 720 },
  'complaints.reviewRoles': { type: 'roles' },
  'assets.warrantyReminderDays': { type: 'number', unit: 'days', min: 1, max: 365 },
  'assets.planHorizonDays': { type: 'number', unit: 'days', min: 1, max: 120 },
  'facilities.reminderMinutes': { type: 'number', unit: 'minutes', min: 0, max: 2880 },
  'decoration.waterTestHours': { type: 'number', unit: 'hours', min: 1, max: 168 },
  'decoration.depositFen': { type: 'number', unit: 'fen', min: 0, step: 100 },
  'decoration.rectifyDays': { type: 'number', unit: 'days', min: 1, max: 60 },
  'moveIns.replyWorkingDays': { type: 'number', unit: 'businessDays', min: 0, max: 10 },
  'moveIns.longFixDays': { type: 'number', unit: 'days', min: 1, max: 180 },
  'moveIns.progressIntervalDays': { type: 'number', unit: 'days', min: 1, max: 60 },
  'moveIns.documents': { type: 'textList' },
  'moveIns.agreements': { type: 'textList' },
  'assets.missedWarningCount': { type: 'number', unit: 'times', min: 1, max: 50 },
  'assets.warningRoles': { type: 'roles' },
  'billing.collectionQuietHours': { type: 'fields' },
  'billing.doorCollectionLeadHours': { type: 'number', unit: 'hours', min: 0, max: 336 },
  'billing.collectionLevelDays': { type: 'numberList', unit: 'days', min: 1, max: 3650 },
  'billing.collectionMinAmount': { type: 'number', unit: 'fen', min: 0, step: 100 },
  'billing.collectionFollowUpRoles': { type: 'roles' },
  'billing.collectionManagerRoles': { type: 'roles' },
  'billing.meterJumpFactor': { type: 'number', unit: 'times', min: 1.5, max: 100, step: 0.5 },
  'billing.lateFeeGraceDays': { type: 'number', unit: 'days', min: 0, max: 366 },
  'frontdesk.visitorPassHours': { type: 'number', unit: 'hours', min: 1, max: 72 },
  'frontdesk.visitorParkingMinutes': { type: 'number', unit: 'minutes', min: 0, max: 1440 },
  'frontdesk.longTermPassDays': { type: 'number', unit: 'days', min: 7, max: 366 },
  'frontdesk.parcelReminderDays': { type: 'number', unit: 'days', min: 1, max: 30 },
  'frontdesk.parcelAbandonDays': { type: 'number', unit: 'days', min: 2, max: 180 },
  'frontdesk.releaseFlagArrears': { type: 'boolean' },
  'frontdesk.releaseFlagDecoration': { type: 'boolean' },
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

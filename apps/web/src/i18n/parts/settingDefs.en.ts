import type { zh } from './settingDefs';

export const en: typeof zh = {
  settingDefs: {
    unnamed: 'Other settings',
    columns: { name: 'Setting', group: 'Area' },
    yes: 'Yes',
    no: 'No',
    none: 'None',
    units: {
      fen: 'fen',
      minutes: 'min',
      businessMinutes: 'business min',
      hours: 'h',
      days: 'days',
      businessDays: 'working days',
      times: 'times',
      rings: 'rings',
      seconds: 's',
      items: 'items',
      percent: '%',
      residents: 'residents',
      megabytes: 'MB',
    },
    groups: {
      surveys: 'Satisfaction surveys',
      visits: 'Home visits',
      care: 'Owner care',
      platform: 'Platform',
      auth: 'Sign-in security',
      callcenter: 'Call center',
      sla: 'Service levels',
      dispatch: 'Dispatch',
      delivery: 'Messaging',
      incidents: 'Outages',
      emergencies: 'Emergencies',
      notices: 'Notices',
      scripts: 'Service phrases',
      portal: 'Resident portal',
      qa: 'Quality',
      mail: 'E-mail',
      complaints: 'Complaints',
      broadcasts: 'Mass messages',
      patrol: 'Patrols',
      stock: 'Stock',
      contractors: 'Contractors',
      billing: 'Billing',
      frontdesk: 'Front desk',
    },
    fields: {
      dayStart: 'Earliest (after early morning)',
      dayEnd: 'Latest (evening)',
      lunchStart: 'Lunch from',
      lunchEnd: 'Lunch to',
      dinnerStart: 'Dinner from',
      dinnerEnd: 'Dinner to',
      weekends: 'Weekends allowed',
      start: 'From',
      end: 'To',
      fractions: 'Warn when this share (%) is used',
      minutesBefore: 'Warn again (business minutes before)',
      warning: 'First warning',
      lastWarning: 'Last warning',
      breach: 'Breach',
      dispatch: 'Nobody took the job',
      sms: 'SMS',
      wechat: 'WeChat',
      email: 'E-mail',
      httpUrl: 'SMS/WeChat gateway URL',
      smsTemplateId: 'SMS template id',
      wechatTemplateId: 'WeChat template id',
      smtpUrl: 'SMTP URL',
      mailFrom: 'Sender',
      phrase: 'Forbidden phrase',
      instead: 'Say instead',
      key: 'Code',
      label: 'Item',
      weight: 'Points',
      greeting: 'Greeting',
      lateAnswer: 'Late-answer apology',
      hold: 'Asking to hold',
      transfer: 'Transfer',
      soothing: 'Soothing',
      unsure: 'When unsure',
      closing: 'Closing',
      complaintClosing: 'Complaint closing',
      clusterCount: 'Complaints of one cause in one building',
      clusterDays: 'Within days',
      risePercent: 'Week-on-week rise (%)',
      riseMinCount: 'At least this many this week',
      window_key: 'Code',
      window_label: 'Label',
      window_from: 'From',
      window_to: 'To',
      excellent: 'Excellent from (points)',
      pass: 'Pass from (points)',
      improve: 'Needs improvement from (points)',
      improvePercent: 'Fee paid when needing improvement (%)',
      failPercent: 'Fee paid on a fail (%)',
    },
    providers: {
      log: 'Log only (nothing sent)',
      http: 'HTTP gateway',
      smtp: 'SMTP mail',
      webhook: 'Hand to webhook',
    },
    addRow: 'Add a row',
    removeRow: 'Remove row',
    addLine: 'One phrase per line',
    rolesPlaceholder: 'Roles to notify',
    numberListHint: 'Several allowed, in {{unit}}; empty means none',
    tagsHint: 'Press Enter or type a comma to add',
    urlHint: 'Image address (https://… or an uploaded image’s address); empty shows a text logo',
    urlSet: 'Set',
    defs: {
      surveys_satisfactionTargetPercent: {
        name: 'Satisfaction target',
        hint: 'Share of households answering satisfied or very satisfied on the overall question; dimensions below it open rectification items (Q82: 70 %)',
      },
      surveys_coverageTargetPercent: {
        name: 'Contact coverage target',
        hint: 'Share of the surveyed households that answered (Q81: 45 %)',
      },
      surveys_perYear: {
        name: 'Surveys a year',
        hint: 'Satisfaction census campaigns a year; the CS supervisor is reminded when a period has none (Q80: twice)',
      },
      surveys_dueReminderDays: {
        name: 'Survey reminder lead',
        hint: 'Remind the CS supervisor this many days before a period ends without a campaign (Q80)',
      },
      surveys_reminderMax: {
        name: 'Survey reminders at most',
        hint: 'Reminders at most to a household that has not answered',
      },
      surveys_reminderGapDays: {
        name: 'Days between reminders',
        hint: 'Days at least between two reminders to the same household',
      },
      surveys_quietDays: {
        name: 'Quiet window',
        hint: 'A household that answered a survey within this many days is not asked again',
      },
      surveys_rectifyDays: {
        name: 'Survey rectification days',
        hint: 'Deadline of the rectification items a closed survey opens',
      },
      surveys_linkBase: {
        name: 'Portal address',
        hint: 'Start of the survey link in the SMS: this address followed by /portal/s/<token>',
      },
      visits_coverageTargetPercent: {
        name: 'Visit coverage target',
        hint: 'Households contacted over the year (visits, survey answers, callbacks; each once) (Q84: 100 %)',
      },
      visits_headQuotaSmall: {
        name: 'Project head visits (small project)',
        hint: 'Households the project head visits a month up to the threshold (Q85: 10)',
      },
      visits_headQuotaLarge: {
        name: 'Project head visits (large project)',
        hint: 'Households the project head visits a month above the threshold (Q85: 15)',
      },
      visits_headQuotaThreshold: {
        name: 'Small/large project threshold',
        hint: 'Households up to which the small quota applies (Q85: 1,000)',
      },
      visits_headQuotaWarnDays: {
        name: 'Quota warning days',
        hint: 'Warn the project head this many days before month end (Q85)',
      },
      visits_moveInDays: {
        name: 'Move-in visit days',
        hint: 'Days after move-in of the experience visits (Q86: 3 days, a week, a month)',
      },
      visits_moveInCareDays: {
        name: 'Move-in care within',
        hint: 'The butler’s care contact within this many days of move-in (Q87: a week)',
      },
      visits_homeEntryVisitors: {
        name: 'Visitors entering a home',
        hint: 'Visitors needed when a visit enters the home (Q11: two)',
      },
      visits_appointmentDaysAhead: {
        name: 'Visit booking lead',
        hint: 'Home visits are booked with the household this many days ahead (Q08: one)',
      },
      care_facadeGlassPerYear: {
        name: 'Façade glass cleanings',
        hint: 'Façade-glass cleaning campaigns a year (Q93: two)',
      },
      care_acFilterDue: {
        name: 'AC-filter cleaning by',
        hint: 'Every household’s AC filter cleaned by this day of the year, MM-DD (Q94: end of September)',
      },
      analytics_healthWeights: {
        name: 'Project health weights',
        hint: 'The health score combines these KPIs by weight: SLA not breached, callback satisfaction, first-contact resolution, calls answered within Q01, collection rate, maintenance on time, rectifications closed on time, survey satisfaction (Q82), visits done of planned (KPIs without data are left out)',
      },
      analytics_region: {
        name: 'Region',
        hint: 'The project’s region in the health league table (group → region → project)',
      },
      analytics_digestHour: {
        name: 'Daily digest hour',
        hint: 'Local hour at which managers receive yesterday’s digest',
      },
      billing_collectionQuietHours: {
        name: 'Collection quiet hours (Q07)',
        hint: 'Non-urgent collection calls and messages only between earliest and latest, never at mealtimes or on statutory holidays',
      },
      billing_doorCollectionLeadHours: {
        name: 'Door-to-door collection notice (Q08)',
        hint: 'A door-to-door collection is agreed with the resident at least this many hours ahead',
      },
      billing_collectionLevelDays: {
        name: 'Collection level days',
        hint: 'Days overdue of a new campaign’s four levels: SMS, spoken call, notice letter (with a supervisor task), project manager',
      },
      frontdesk_visitorPassHours: {
        name: 'Visitor pass validity',
        hint: 'Hours a visitor pass without an end time stays valid',
      },
      frontdesk_visitorParkingMinutes: {
        name: 'Visitor free parking',
        hint: 'Free parking minutes a pass with a car plate grants by default',
      },
      frontdesk_longTermPassDays: {
        name: 'Long-term pass at most',
        hint: 'Days a regular deliverer’s pass may be valid at most',
      },
      frontdesk_parcelReminderDays: {
        name: 'Parcel second notice',
        hint: 'Days after which a waiting parcel gets a second notice',
      },
      frontdesk_parcelAbandonDays: {
        name: 'Parcel abandoned after',
        hint: 'Days after which a waiting parcel is marked abandoned',
      },
      frontdesk_releaseFlagArrears: {
        name: 'Flag arrears on item release',
        hint: 'Show overdue fees of the unit when approving an item release',
      },
      frontdesk_releaseFlagDecoration: {
        name: 'Flag decoration on item release',
        hint: 'Show an active decoration of the unit when approving an item release',
      },
      billing_collectionMinAmount: {
        name: 'Collection minimum',
        hint: 'Units owing less than this (fen) are not chased',
      },
      billing_collectionFollowUpRoles: {
        name: 'Collection follow-up roles',
        hint: 'Roles given the level-3 follow-up task (CS supervisor)',
      },
      billing_collectionManagerRoles: {
        name: 'Long-term arrears roles',
        hint: 'Roles told at level 4 (project manager)',
      },
      platform_timezone: {
        name: 'Time zone',
        hint: 'Time zone for business calendars, numbering and reports',
      },
      auth_loginMaxFailures: {
        name: 'Failed logins before lock',
        hint: 'Failed logins in a row before the account is locked',
      },
      auth_loginLockMinutes: {
        name: 'Lock duration',
        hint: 'How long an account stays locked after too many failed logins',
      },
      callcenter_answerWithinRings: {
        name: 'Answer within rings',
        hint: 'Calls must be answered within this many rings (about 5 s each)',
      },
      callcenter_ringSeconds: {
        name: 'Ring length',
        hint: '"Answer within N rings" counts N × this many seconds',
      },
      callcenter_webItemsQueue: {
        name: 'Queue for web items',
        hint: 'Portal and e-mail tickets waiting for an owner are offered to this queue’s agents (by name)',
      },
      sla_urgentArriveMinutes: {
        name: 'Urgent repair: on site',
        hint: 'Urgent repairs on site within this many minutes, round the clock',
      },
      sla_urgentResolveMinutes: {
        name: 'Urgent repair: fixed',
        hint: 'Urgent repairs fixed within this many minutes, round the clock',
      },
      sla_repairArriveMinutes: {
        name: 'Repair: on site',
        hint: 'Other repairs on site within this many business minutes, unless an appointment was agreed',
      },
      sla_repairResolveBusinessDays: {
        name: 'Repair: completed',
        hint: 'Ordinary repairs completed within this many working days, except by appointment',
      },
      sla_callbackHours: {
        name: 'Callback within',
        hint: 'Call the resident back within this many hours of completion',
      },
      sla_callbackRequiredToClose: {
        name: 'Close only after a satisfied callback',
        hint: 'On: only a satisfied callback closes a ticket; off: a supervisor may close without one',
      },
      sla_complaintReplyBusinessDays: {
        name: 'Complaint reply',
        hint: 'Complaints replied within this many working days',
      },
      sla_dispatchMinutes: {
        name: 'Job taken within',
        hint: 'A repair must be taken by a technician within this many minutes, else the lead is alerted',
      },
      sla_respondMinutes: {
        name: 'Web requests accepted within',
        hint: 'Portal, app, e-mail and voicemail requests accepted within this many business minutes',
      },
      sla_warnings: {
        name: 'SLA warnings',
        hint: 'Warn when this share of a target is used, and again this many business minutes before the deadline',
      },
      sla_escalation: {
        name: 'SLA escalation',
        hint: 'Roles notified at the first warning, the last warning, a breach and a stuck dispatch',
      },
      dispatch_defaultMode: {
        name: 'Default dispatch mode',
        hint: 'Dispatch mode where no dispatch rule matches',
      },
      dispatch_openCap: {
        name: 'Open jobs per technician',
        hint: 'Automatic dispatch and grabbing skip a technician holding this many open jobs',
      },
      delivery_quietHours: {
        name: 'Quiet hours',
        hint: 'Non-urgent messages wait until this window ends; emergencies bypass it',
      },
      delivery_maxAttempts: {
        name: 'Send attempts',
        hint: 'Attempts per message (exponential backoff) before it is marked failed',
      },
      delivery_providers: { name: 'Message transports', hint: 'Transport per channel and its gateway' },
      triage_autoUrgent: {
        name: 'Triage makes tickets urgent',
        hint: 'Portal and e-mail tickets whose text names a danger (gas smell, trapped in a lift, water through the floor) start as urgent and alert the team leader',
      },
      triage_urgentCategoryPercent: {
        name: 'Urgent by category at confidence',
        hint: 'A text is suggested urgent when its top category defaults to urgent with at least this confidence',
      },
      triage_autoCategoryPercent: {
        name: 'Auto-category confidence',
        hint: 'Portal and e-mail tickets without a category get the suggested one at or above this confidence',
      },
      triage_similarHours: {
        name: 'Repeat-issue window',
        hint: 'Open tickets of one building reported within this many hours are compared',
      },
      triage_incidentClusterSize: {
        name: 'Tickets that suggest an outage',
        hint: 'This many tickets about one problem in one building suggest registering an outage/incident',
      },
      triage_questionClusterSize: {
        name: 'Consultations that make an expert-seat question',
        hint: 'This many consultations in a week asking one question without a knowledge-base answer become one candidate question for the expert seat',
      },
      triage_alertRoles: {
        name: 'Alerted on automatic urgency',
        hint: 'Who is alerted when triage made a ticket urgent',
      },
      emergencies_teamLeaderMinutes: {
        name: 'Team leader acknowledges within',
        hint: 'The on-duty team leader acknowledges an emergency within this many minutes (Q62)',
      },
      emergencies_projectHeadReportMinutes: {
        name: 'Project head told within',
        hint: 'The project head is reported to within this many minutes (Q63)',
      },
      emergencies_projectHeadOnSiteMinutes: {
        name: 'Project head on site within',
        hint: 'The project head checks in on site within this many minutes of the report (Q63)',
      },
      emergencies_butlerRelayMinutes: {
        name: 'Butler told within',
        hint: 'Disputes and disasters reach the butler and the project head within this many minutes (Q64)',
      },
      emergencies_householdsNotifiedMinutes: {
        name: 'Households notified within',
        hint: 'Information relayed, an initial plan made and households notified within this many minutes (Q61)',
      },
      emergencies_reportHours: {
        name: 'Special event report within',
        hint: 'The special event report is written within this many hours',
      },
      emergencies_escalationRepeatMinutes: {
        name: 'Escalate again every',
        hint: 'A missed step climbs one level this often (in-app, SMS and phone)',
      },
      emergencies_escalationMax: {
        name: 'Escalations at most',
        hint: 'How many times one missed step escalates',
      },
      qualityInspections_recordDeduction: {
        name: 'Record audit: points per defect',
        hint: 'Record audit (R1): points deducted per defective record (Q110: 0.5)',
      },
      qualityInspections_recordMonthZeroAbove: {
        name: 'Record audit: month scores 0 above',
        hint: 'A sampled month with more defects than this scores 0 (Q110: 10)',
      },
      qualityInspections_sampledMonths: {
        name: 'Record audit: months sampled',
        hint: 'How many months a record audit samples at random (Q112: 2)',
      },
      qualityInspections_onSiteDeduction: {
        name: 'On-site check: points per defect',
        hint: 'On-site check (R2): points deducted per defect (Q111: 2)',
      },
      qualityInspections_onSiteZeroAbove: {
        name: 'On-site check: item scores 0 above',
        hint: 'More defects than this score the item 0 (Q111: 5)',
      },
      qualityInspections_bandGoodMin: {
        name: 'Acceptance: lowest “good” score',
        hint: 'Campaign acceptance: from this score it is good, below it fails (Q114: 80)',
      },
      qualityInspections_bandExcellentMin: {
        name: 'Acceptance: lowest “excellent” score',
        hint: 'Campaign acceptance: from this score it is excellent (Q114: 91)',
      },
      qualityInspections_failPenalties: {
        name: 'Penalties when failing',
        hint: 'Penalty for the manager, supervisor and team lead when the acceptance fails (Q115: ¥500/300/100)',
      },
      qualityInspections_excellentRewards: {
        name: 'Rewards when excellent',
        hint: 'Reward for the manager, supervisor and team lead when excellent (Q117: ¥500/300/200; Q116: good neither)',
      },
      qualityInspections_teamAwardMin: {
        name: 'Team award from',
        hint: 'The team award is added from this score (Q118: 96)',
      },
      qualityInspections_teamAward: { name: 'Team award', hint: 'The extra team award (Q118: ¥1000)' },
      qualityInspections_ninesMonthlyThreshold: {
        name: '9S monthly threshold',
        hint: '9S findings per person per month from which the monthly report flags a deduction (Q21/Q120: 5)',
      },
      qualityInspections_ninesPerformancePoints: {
        name: '9S performance points',
        hint: 'Monthly performance points deducted at the threshold (Q120: 4)',
      },
      qualityInspections_ninesFixMinutes: {
        name: '9S fix within',
        hint: 'A 9S finding is to be fixed within this many minutes (Q21: 5)',
      },
      qualityInspections_rectificationDays: {
        name: 'Rectification period',
        hint: 'Days an inspection deduction has to be fixed, unless the inspector sets a date',
      },
      rectifications_recheckDays: {
        name: 'Days after a failed re-check',
        hint: 'Days the owner gets after a failed re-check, unless the checker sets a date',
      },
      emergencies_stormCheckMinutes: {
        name: 'Storm checks every',
        hint: 'Basement exits, roof drains and switch rooms are checked this often while a rainstorm or typhoon lasts (Q68)',
      },
      incidents_notifyWithinMinutes: {
        name: 'Emergency notice within',
        hint: 'Emergency incidents: first notice delivered within this many minutes of creation',
      },
      scripts_forbiddenPhrases: {
        name: 'Forbidden phrases',
        hint: 'Flagged in notes and answers, with what to say instead',
      },
      scripts_standard: {
        name: 'Standard phrases',
        hint: 'Phrases shown to agents per situation (greeting, apology, closing …)',
      },
      notices_drillNoticeDays: {
        name: 'Fire drill notice',
        hint: 'A fire drill notice goes out at least this many days before',
      },
      notices_maxValidityDays: {
        name: 'Notice validity',
        hint: 'Longest validity of a notice, in days from publication',
      },
      notices_warrantyReminderDays: {
        name: 'Warranty reminder',
        hint: 'Days before a unit’s warranty ends that its owners are reminded (0 = none)',
      },
      notices_birthdayGreetings: {
        name: 'Birthday greetings',
        hint: 'Send residents a greeting on their birthday',
      },
      portal_codeValidMinutes: {
        name: 'Login code validity',
        hint: 'A portal login code is valid this many minutes',
      },
      portal_codeMaxFailures: { name: 'Wrong code limit', hint: 'Wrong entries before the code is burnt' },
      portal_codesPerHour: { name: 'Codes per hour', hint: 'Login codes one phone may request per hour' },
      portal_maxTicketsPerDay: {
        name: 'Reports per day',
        hint: 'New portal reports per resident in 24 hours',
      },
      portal_duplicateWindowHours: {
        name: 'Duplicate window',
        hint: 'An identical report within this many hours is refused',
      },
      portal_urgeIntervalMinutes: {
        name: 'Urge interval',
        hint: 'A resident may urge the same ticket at most once per this many minutes',
      },
      portal_reopenWithinDays: {
        name: 'Reopen within',
        hint: 'Residents may reopen a resolved ticket within this many days',
      },
      qa_checklist: {
        name: 'QA score sheet',
        hint: 'Score sheet items and points; a finding deducts up to the points',
      },
      qa_samplePercent: {
        name: 'QA sample share',
        hint: 'Share of each agent’s calls and tickets sampled per run (at least one each)',
      },
      mail_maxMessageBytes: {
        name: 'Largest incoming e-mail',
        hint: 'Larger e-mails (attachments included) are refused instead of becoming tickets',
      },
      broadcasts_approvalThreshold: {
        name: 'Mass message approval',
        hint: 'A send to more residents than this needs a second person’s approval; emergency outages are exempt (Q60)',
      },
      patrol_lateGraceMinutes: {
        name: 'Late grace for patrols',
        hint: 'Minutes after the last point’s window before unscanned points count as missed',
      },
      patrol_generateAheadHours: {
        name: 'Patrols generated ahead',
        hint: 'Patrols are generated from the route schedules this many hours ahead',
      },
      stock_monthlyDueDay: {
        name: 'Purchase plan and stocktake day',
        hint: 'The monthly purchase plan and stocktake are due by this day (W-25: the 25th)',
      },
      contractors_expiryReminderDays: {
        name: 'Contract expiry reminder',
        hint: 'A maintenance contract shows as expiring this many days before its end (like Q72)',
      },
      contractors_expiryReminderRoles: {
        name: 'Who hears of ending contracts',
        hint: 'Roles told when a maintenance contract enters its reminder period',
      },
      contractors_evaluationItems: {
        name: 'Contractor evaluation items',
        hint: 'The monthly evaluation’s items and points (W-27), scaled to 100',
      },
      contractors_evaluationBands: {
        name: 'Evaluation bands and settlement',
        hint: 'Score bands, and the share of the fee paid when needing improvement or failing',
      },
      complaints_promisedReplyHours: {
        name: 'Promised complaint reply',
        hint: 'The reply time a complaining resident is promised, in hours from the complaint',
      },
      complaints_warningThresholds: {
        name: 'Complaint warning thresholds',
        hint: 'Warn at this many complaints of one cause in one building within the days set, or at a week-on-week rise of this share (with a minimum count this week)',
      },
      complaints_warningRoles: {
        name: 'Complaint warnings go to',
        hint: 'Roles told of a complaint warning',
      },
      complaints_majorNotifyRoles: {
        name: 'Major complaints go to',
        hint: 'Roles told at once when a major complaint is registered',
      },
      complaints_superviseEscalateHours: {
        name: 'Supervision escalation step',
        hint: 'A missed supervision (督办) climbs one level every this many hours (lead → supervisor → manager)',
      },
      billing_meterJumpFactor: {
        name: 'Meter jump factor',
        hint: 'A reading whose consumption exceeds this many times the previous period’s is refused unless confirmed as a meter change',
      },
      billing_lateFeeGraceDays: {
        name: 'Late-fee grace days (default)',
        hint: 'For fee items created without their own: days after the due date before late fees start',
      },
      complaints_reviewRoles: {
        name: 'Complaint result reviewers',
        hint: 'Roles that approve a complaint’s handling result before the callback',
      },
      assets_warrantyReminderDays: {
        name: 'Warranty reminder (days)',
        hint: 'Remind the engineering supervisor this many days before a warranty ends (Q72: one month)',
      },
      facilities_reminderMinutes: {
        name: 'Booking reminder',
        hint: 'Residents are reminded this many minutes before a booking starts (0 = none)',
      },
      decoration_waterTestHours: {
        name: 'Closed-water test length',
        hint: 'Hours the final-acceptance closed-water test must run (W-14: 48 h)',
      },
      decoration_depositFen: {
        name: 'Decoration deposit',
        hint: 'The deposit suggested when the desk takes a decoration application',
      },
      decoration_rectifyDays: {
        name: 'Decoration fix deadline',
        hint: 'Days a rectification notice from a daily site inspection gives to fix',
      },
      moveIns_replyWorkingDays: {
        name: 'Defect reply time',
        hint: 'A fixed handover defect is answered to the owner within these working days (Q41: 1)',
      },
      moveIns_longFixDays: {
        name: 'Long fix threshold',
        hint: 'Defects whose fix takes longer than this get regular progress reports (Q41)',
      },
      moveIns_progressIntervalDays: {
        name: 'Progress report interval',
        hint: 'Long fixes report progress to the owner this often until done (Q41: weekly)',
      },
      moveIns_documents: { name: 'Move-in documents', hint: 'Documents checked at the move-in desk (W-13)' },
      moveIns_agreements: { name: 'Move-in agreements', hint: 'Papers the owner signs at move-in (W-13)' },
      assets_planHorizonDays: {
        name: 'Inspection tasks ahead (days)',
        hint: 'Tasks of maintenance and inspection plans are generated this many days ahead',
      },
      assets_missedWarningCount: {
        name: 'Missed inspections before a warning',
        hint: 'Warn the engineering supervisor when a plan’s last this many tasks were all missed',
      },
      assets_warningRoles: {
        name: 'Engineering warnings go to',
        hint: 'Roles told of missed-plan warnings and ending warranties',
      },
      incidents_plannedAnnounceHours: {
        name: 'Planned outage notice',
        hint: 'Residents are told this many hours before a planned outage starts (at once if sooner)',
      },
      incidents_plannedReminderHours: {
        name: 'Planned outage reminders',
        hint: 'Reminders this many hours before the start (several allowed, empty = none)',
      },
      portal_appointmentWindows: {
        name: 'Visit windows',
        hint: 'Windows a resident may pick for a visit, e.g. morning 09:00–12:00',
      },
      portal_appointmentDaysAhead: {
        name: 'Booking days',
        hint: 'Days (today included) a resident may pick a visit window for',
      },
      portal_urgentKeywords: {
        name: 'Urgent keywords',
        hint: 'Words in a report (or its problem) for which the portal suggests marking it urgent',
      },
      portal_commonCategories: {
        name: 'Common problems shown',
        hint: 'How many of the project’s most reported problems the report form lists first (0 = none)',
      },
      portal_logoUrl: {
        name: 'Portal logo',
        hint: 'Company logo at the top of the resident portal; empty shows a text logo from the name',
      },
    },
  },
};

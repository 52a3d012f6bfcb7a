/** Every permission a role can hold. Routes check these; the console hides menus by them. */
export const PERMISSIONS = [
  'estate.read',
  'estate.write',
  'residents.read',
  'residents.write',
  'pii.view',
  'staff.read',
  'staff.write',
  'roles.write',
  'settings.read',
  'settings.write',
  'import.run',
  'export.run',
  'audit.read',
  // Service requests (issue 3): read and log tickets, dispatch work orders, execute them on site,
  // record callbacks, edit SLA policies/calendars/dispatch rules, read the SLA report.
  'tickets.read',
  'tickets.write',
  'tickets.dispatch',
  'workorders.execute',
  'callbacks.write',
  'sla.manage',
  'reports.read',
  // Outages and notices (issue 5): incidents, notices, and W-30's two-step approval of notices
  // (客服班长 reviews, 项目负责人 approves).
  'incidents.read',
  'incidents.write',
  'notices.read',
  'notices.write',
  'notices.review',
  'notices.approve',
  // Call center (issue 4): read the call log and caller 360, place and link calls, configure the
  // PBX link (token, outgoing webhook, block list, extensions).
  'calls.read',
  'calls.handle',
  'telephony.manage',
  // Knowledge base: search and use articles; write and publish them (experts, supervisors).
  'kb.read',
  'kb.write',
  // 专家席: answer the questions agents could not find in the knowledge base.
  'kb.expert',
  // 质检: sample calls and tickets, score them against the checklist, settle appeals.
  'qa.review',
  // Resident portal: decide binding requests, household additions and removals (the front desk).
  'portal.bindings',
  // 投诉闭环 (issue 13): 督办 any ticket and approve a complaint's handling result (班长/主管/经理);
  // keep the departments (工程部, 秩序部 …) complaints are assigned to.
  'complaints.supervise',
  'departments.write',
  // 收费中心 (issue 15): read bills and arrears; take payments at the desk and run the 日结 (收费员);
  // set up fee items, run billing, approve discounts, write-offs and refunds (财务); chase arrears (催缴).
  'billing.read',
  'billing.cashier',
  'billing.finance',
  'billing.collect',
  // 工程管理 (issue 16): read the equipment ledger, plans and reports; keep them (工程主管); carry out
  // inspection tasks and patrols on the phone (维修工, 安管).
  'assets.read',
  'assets.write',
  'inspections.execute',
  // 应急 (issue 17): report an emergency and act on its steps (anyone on duty, 安管 and 维修工 too);
  // keep the 应急预案, the 值班表 and write the 复盘 (项目经理, 客服主管).
  'emergencies.report',
  'emergencies.manage',
  // 品质检查 (issue 18): read inspections and scores; carry out inspections on the phone (品质部, managers);
  // keep scoring sheets, plans and 品质提升专项; fix and submit 整改单 assigned to one's department.
  'quality.read',
  'quality.inspect',
  'quality.manage',
  'rectifications.handle',
  // 片区管家 and 满意度 (issue 19): keep zones and their butlers; run surveys (templates, campaigns,
  // phone interviews, paper entry); plan and record visits (走访) and owner care.
  'zones.write',
  'surveys.read',
  'surveys.write',
  'visits.write',
  // 前台 (issue 20): the registers at the desk (visitors, parcels, item release, keys, loans); verify passes
  // and slips at the gate (门岗); decoration and move-in cases; facility resources and bookings.
  'desk.read',
  'desk.write',
  'gate.verify',
  'decoration.manage',
  'facilities.manage',
  // 数据分析 (issue 21): dashboards, the monthly report, the digest and the big screen.
  'analytics.read',
  // 智能分类 (issue 22): keep the urgency phrases and the company's model (retrain, roll back).
  'triage.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const isPermission = (value: string): value is Permission =>
  (PERMISSIONS as readonly string[]).includes(value);

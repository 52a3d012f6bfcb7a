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
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const isPermission = (value: string): value is Permission =>
  (PERMISSIONS as readonly string[]).includes(value);

export interface DefaultRole {
  code: string;
  name: string;
  nameEn: string;
  permissions: readonly Permission[];
}

const READ_ESTATE: readonly Permission[] = ['estate.read', 'residents.read'];
/** Everyone who runs the service desk: log, follow and dispatch tickets, call residents back. */
const DESK: readonly Permission[] = [
  'tickets.read',
  'tickets.write',
  'tickets.dispatch',
  'callbacks.write',
  'reports.read',
  'incidents.read',
  'incidents.write',
  'notices.read',
  'notices.write',
  'calls.read',
  'calls.handle',
  'kb.read',
  'portal.bindings',
];

/** Default roles from requirements.md §4 (seeded per company, editable afterwards). */
export const DEFAULT_ROLES: readonly DefaultRole[] = [
  { code: 'admin', name: '系统管理员', nameEn: 'System administrator', permissions: PERMISSIONS },
  {
    code: 'project_manager',
    name: '项目经理',
    nameEn: 'Project manager',
    permissions: [
      ...READ_ESTATE,
      'estate.write',
      'residents.write',
      'pii.view',
      'staff.read',
      'settings.read',
      'settings.write',
      'export.run',
      'audit.read',
      ...DESK,
      'sla.manage',
      'notices.approve',
      'telephony.manage',
      'complaints.supervise',
      'departments.write',
      'billing.read',
      'billing.finance',
      'billing.collect',
      'assets.read',
    ],
  },
  {
    code: 'cs_supervisor',
    name: '客服主管',
    nameEn: 'Service supervisor',
    permissions: [
      ...READ_ESTATE,
      'estate.write',
      'residents.write',
      'pii.view',
      'staff.read',
      'settings.read',
      'import.run',
      'export.run',
      'audit.read',
      ...DESK,
      'sla.manage',
      'notices.review',
      'telephony.manage',
      'kb.write',
      'kb.expert',
      'qa.review',
      'complaints.supervise',
      'departments.write',
      'billing.read',
      'billing.collect',
      'assets.read',
    ],
  },
  {
    code: 'cs_lead',
    name: '客服班长',
    nameEn: 'Service team lead',
    permissions: [
      ...READ_ESTATE,
      'residents.write',
      'pii.view',
      'staff.read',
      'import.run',
      'export.run',
      ...DESK,
      'notices.review',
      'complaints.supervise',
      'billing.read',
      'billing.collect',
    ],
  },
  {
    code: 'agent',
    name: '客服/座席',
    nameEn: 'Service agent',
    permissions: [
      ...READ_ESTATE,
      // No pii.view: ID numbers and full phones stay masked for the 座席 (保密制度, issue 13); the
      // callback dialog dials through the ticket instead (POST /api/tickets/:id/dial-target).
      'residents.write',
      'tickets.read',
      'tickets.write',
      'callbacks.write',
      // The 客服 on the phone opens the incident (issue 5) and drafts notices for review.
      'incidents.read',
      'incidents.write',
      'notices.read',
      'notices.write',
      'calls.read',
      'calls.handle',
      'kb.read',
      // The front desk checks who lives where before a portal phone sees a unit.
      'portal.bindings',
      // The screen pop shows a caller's arrears; agents make the 催缴 calls (W-23).
      'billing.read',
      'billing.collect',
    ],
  },
  {
    code: 'qa',
    name: '质检员',
    nameEn: 'QA inspector',
    permissions: [
      ...READ_ESTATE,
      'staff.read',
      'tickets.read',
      'reports.read',
      'incidents.read',
      'notices.read',
      'calls.read',
      'kb.read',
      'qa.review',
    ],
  },
  {
    code: 'expert',
    name: '专家',
    nameEn: 'Expert',
    permissions: [...READ_ESTATE, 'tickets.read', 'kb.read', 'kb.write', 'kb.expert'],
  },
  {
    code: 'eng_supervisor',
    name: '工程主管',
    nameEn: 'Engineering supervisor',
    permissions: [
      ...READ_ESTATE,
      'staff.read',
      'tickets.read',
      'tickets.dispatch',
      'workorders.execute',
      'reports.read',
      'assets.read',
      'assets.write',
      'inspections.execute',
    ],
  },
  // Technicians see only their own work orders and the grab pool (workorders.execute), not every ticket.
  {
    code: 'technician',
    name: '维修工',
    nameEn: 'Technician',
    permissions: ['estate.read', 'workorders.execute', 'assets.read', 'inspections.execute'],
  },
  {
    code: 'security',
    name: '安管',
    nameEn: 'Security officer',
    permissions: ['estate.read', 'workorders.execute', 'inspections.execute'],
  },
  {
    code: 'cashier',
    name: '收费员',
    nameEn: 'Cashier',
    permissions: [...READ_ESTATE, 'billing.read', 'billing.cashier', 'billing.collect'],
  },
  { code: 'cleaner', name: '保洁', nameEn: 'Cleaner', permissions: ['estate.read', 'workorders.execute'] },
  {
    code: 'quality',
    name: '品质部',
    nameEn: 'Quality department',
    permissions: [...READ_ESTATE, 'staff.read', 'export.run', 'audit.read', 'tickets.read', 'reports.read'],
  },
  {
    code: 'finance',
    name: '财务',
    nameEn: 'Finance',
    // 收费中心 (issue 15): fee items, billing runs, discounts, write-offs and refunds, and the desk.
    permissions: [
      ...READ_ESTATE,
      'pii.view',
      'export.run',
      'reports.read',
      'billing.read',
      'billing.cashier',
      'billing.finance',
    ],
  },
];

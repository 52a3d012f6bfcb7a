import { PERMISSIONS, type Permission } from '@guanjia/shared';

const KNOWN: { key: string; permissions: string[] }[] = [
  { key: 'estate', permissions: ['estate.read', 'estate.write'] },
  { key: 'residents', permissions: ['residents.read', 'residents.write', 'pii.view', 'portal.bindings'] },
  {
    key: 'service',
    permissions: [
      'tickets.read',
      'tickets.write',
      'tickets.dispatch',
      'workorders.execute',
      'callbacks.write',
      'sla.manage',
      'reports.read',
    ],
  },
  {
    key: 'notices',
    permissions: [
      'incidents.read',
      'incidents.write',
      'notices.read',
      'notices.write',
      'notices.review',
      'notices.approve',
    ],
  },
  {
    key: 'callcenter',
    permissions: ['calls.read', 'calls.handle', 'telephony.manage', 'kb.read', 'kb.write', 'qa.review'],
  },
  { key: 'billing', permissions: ['billing.read', 'billing.cashier', 'billing.finance', 'billing.collect'] },
  { key: 'assets', permissions: ['assets.read', 'assets.write', 'inspections.execute'] },
  { key: 'emergencies', permissions: ['emergencies.report', 'emergencies.manage'] },
  {
    key: 'quality',
    permissions: ['quality.read', 'quality.inspect', 'quality.manage', 'rectifications.handle'],
  },
  { key: 'surveys', permissions: ['zones.write', 'surveys.read', 'surveys.write', 'visits.write'] },
  {
    key: 'desk',
    permissions: ['desk.read', 'desk.write', 'gate.verify', 'decoration.manage', 'facilities.manage'],
  },
  { key: 'analytics', permissions: ['analytics.read', 'triage.manage'] },
  { key: 'staff', permissions: ['staff.read', 'staff.write', 'roles.write'] },
  { key: 'settings', permissions: ['settings.read', 'settings.write'] },
  { key: 'data', permissions: ['import.run', 'export.run', 'audit.read'] },
];

const all = PERMISSIONS as readonly string[];
const grouped = new Set(KNOWN.flatMap((g) => g.permissions));

/**
 * How the permission checkboxes are grouped on the roles page. Only permissions the server knows are
 * shown; one added later lands in "other" until it is given a group here.
 */
export const PERMISSION_GROUPS: { key: string; permissions: Permission[] }[] = [
  ...KNOWN.map((g) => ({
    key: g.key,
    permissions: g.permissions.filter((p) => all.includes(p)) as Permission[],
  })),
  { key: 'other', permissions: PERMISSIONS.filter((p) => !grouped.has(p)) },
].filter((g) => g.permissions.length > 0);

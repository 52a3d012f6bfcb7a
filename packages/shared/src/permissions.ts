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

/** Default roles from requirements.md §4 (seeded per company, editable afterwards). */
export const DEFAULT_ROLES: readonly DefaultRole[] = [
  { code: 'admin', name: '系统管理员', nameEn: 'System administrator', permissions: PERMISSIONS },
  {
    code: 'project_manager',
    name: '项目经理',
    nameEn: 'Project manager',
    permissions: [...READ_ESTATE, 'estate.write', 'residents.write', 'pii.view', 'staff.read', 'settings.read', 'settings.write', 'export.run', 'audit.read'],
  },
  {
    code: 'cs_supervisor',
    name: '客服主管',
    nameEn: 'Service supervisor',
    permissions: [...READ_ESTATE, 'estate.write', 'residents.write', 'pii.view', 'staff.read', 'settings.read', 'import.run', 'export.run', 'audit.read'],
  },
  {
    code: 'cs_lead',
    name: '客服班长',
    nameEn: 'Service team lead',
    permissions: [...READ_ESTATE, 'residents.write', 'pii.view', 'staff.read', 'import.run', 'export.run'],
  },
  { code: 'agent', name: '客服/座席', nameEn: 'Service agent', permissions: [...READ_ESTATE, 'residents.write', 'pii.view'] },
  { code: 'qa', name: '质检员', nameEn: 'QA inspector', permissions: [...READ_ESTATE, 'staff.read'] },
  { code: 'expert', name: '专家', nameEn: 'Expert', permissions: READ_ESTATE },
  { code: 'eng_supervisor', name: '工程主管', nameEn: 'Engineering supervisor', permissions: [...READ_ESTATE, 'staff.read'] },
  { code: 'technician', name: '维修工', nameEn: 'Technician', permissions: ['estate.read'] },
  { code: 'security', name: '安管', nameEn: 'Security officer', permissions: ['estate.read'] },
  { code: 'cleaner', name: '保洁', nameEn: 'Cleaner', permissions: ['estate.read'] },
  { code: 'quality', name: '品质部', nameEn: 'Quality department', permissions: [...READ_ESTATE, 'staff.read', 'export.run', 'audit.read'] },
  { code: 'finance', name: '财务', nameEn: 'Finance', permissions: [...READ_ESTATE, 'pii.view', 'export.run'] },
];

import type {
  ContactChannel,
  Permission,
  ProjectKind,
  ResidentRelation,
  UnitStatus,
  UnitType,
} from '@guanjia/shared';

export interface Page<T> {
  items: T[];
  total: number;
  /** Large lists stop counting at 10,000 matches: show "10,000+" and invite a narrower search. */
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}

export interface Me {
  id: number;
  username: string;
  displayName: string;
  locale: string;
  companyId: number;
  permissions: string[];
  projectIds: number[];
  allProjects: boolean;
}

export interface LoginResponse {
  token: string;
  user: Me | null;
}

export interface Period {
  start: string;
  end: string;
}

export interface BusinessHours {
  weekdays: Period[][];
  holidays: string[];
  extraWorkdays: string[];
}

export interface Project {
  id: number;
  code: string;
  name: string;
  kind: ProjectKind;
  address: string | null;
  households: number | null;
  areaM2: number | null;
  servicePhone: string | null;
  areaCode: string | null;
  timezone: string;
  businessHours: BusinessHours | null;
  version: number;
  updatedAt: string;
}

export interface TreeBuilding {
  id: number;
  code: string;
  name: string;
  units: number;
}

export interface TreeProject {
  id: number;
  code: string;
  name: string;
  kind: ProjectKind;
  buildings: TreeBuilding[];
}

export interface Building {
  id: number;
  projectId: number;
  code: string;
  name: string;
  floors: number | null;
  entrances: number | null;
  sortOrder: number;
  version: number;
}

export interface Unit {
  id: number;
  projectId: number;
  buildingId: number;
  entrance: string | null;
  floor: number | null;
  room: string;
  label: string;
  type: UnitType;
  status: UnitStatus;
  areaM2: number | null;
  handoverDate: string | null;
  warrantyUntil: string | null;
  version: number;
}

export interface ResidentPhone {
  number: string;
  e164: string | null;
  kind: 'mobile' | 'landline' | 'service';
  extension: string | null;
}

export interface ResidentUnit {
  unitId: number;
  label: string;
  relation: ResidentRelation;
  buildingId: number;
}

export interface Resident {
  id: number;
  projectId: number;
  name: string;
  gender: '男' | '女' | null;
  idNumber: string | null;
  phones: ResidentPhone[];
  email: string | null;
  units: ResidentUnit[];
  vip: boolean;
  tags: string[];
  birthday: string | null;
  preferredChannel: ContactChannel | null;
  notes: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  piiMasked: boolean;
}

export interface StaffRoleRef {
  id: number;
  name: string;
  code: string;
}

export interface Staff {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
  email: string | null;
  department: string | null;
  skills: string[];
  roles: StaffRoleRef[];
  projectIds: number[];
  allProjects: boolean;
  active: boolean;
  locale: string;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  version: number;
}

export interface Role {
  id: number;
  code: string;
  name: string;
  permissions: Permission[];
  builtin: boolean;
  version: number;
}

export type ImportState = 'pending' | 'running' | 'done' | 'failed';

export interface ImportJob {
  id: number;
  projectId?: number;
  filename?: string;
  state: ImportState;
  totalRows?: number;
  processedRows?: number;
  createdCount?: number;
  updatedCount?: number;
  errorCount?: number;
  message?: string | null;
  createdAt?: string;
  finishedAt?: string | null;
  createdBy?: number | null;
}

export interface ImportProgress {
  state: ImportState;
  processedRows: number;
  totalRows: number;
  createdCount: number;
  updatedCount: number;
  errorCount: number;
}

export interface SettingItem {
  key: string;
  qid: string | null;
  description: string;
  defaultValue: unknown;
  value: unknown;
  source: 'default' | 'company' | 'project';
  version: number | null;
}

export interface AuditEvent {
  id: number;
  occurredAt: string;
  actorId: number | null;
  source: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  projectId: number | null;
}

export interface LiveMessage {
  type: string;
  projectId?: number;
  entityType?: string;
  entityId?: number | string;
  data?: unknown;
}

import type {
  CallbackRule,
  ContactChannel,
  DispatchMode,
  NotificationKind,
  Permission,
  ProjectKind,
  ResidentRelation,
  SlaBadge,
  SlaClockKind,
  SlaClockState,
  TicketChannel,
  TicketPriority,
  TicketStatus,
  TicketType,
  UnitStatus,
  UnitType,
  WorkOrderStatus,
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

// ——— Service requests, work orders, SLA (issue 3) ———

export type CallbackPolicy = 'required' | 'optional' | 'never';
export type TicketAction = 'accept' | 'answer' | 'resolve' | 'callback' | 'close' | 'reopen' | 'cancel';
export type WorkOrderAction =
  | 'dispatch'
  | 'grab'
  | 'accept'
  | 'arrive'
  | 'start'
  | 'pause'
  | 'resume'
  | 'complete'
  | 'return'
  | 'transfer'
  | 'cancel';

export interface Attachment {
  url: string;
  name?: string | null;
}

/** The list's SLA facts: the badge state and the nearest running deadline. */
export interface TicketSlaSummary {
  state: SlaBadge;
  dueAt: string | null;
  respondDueAt: string | null;
  replyDueAt: string | null;
  callbackDueAt: string | null;
}

export interface TicketSummary {
  id: number;
  number: string;
  projectId: number;
  type: TicketType;
  channel: TicketChannel;
  status: TicketStatus;
  priority: TicketPriority;
  appointmentAt: string | null;
  title: string;
  unitId: number | null;
  unitLabel: string | null;
  residentId: number | null;
  contactName: string | null;
  contactPhone: string | null;
  categoryId: number | null;
  categoryPath: string | null;
  ownerId: number | null;
  ownerName: string | null;
  reopenCount: number;
  sourceTicketId: number | null;
  sla: TicketSlaSummary;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface SlaClock {
  id: number;
  kind: SlaClockKind;
  subject: string;
  workOrderId: number | null;
  policyId: number;
  calendar: 'business' | '24x7';
  targetMinutes: number;
  byAppointment: boolean;
  startedAt: string;
  stoppedAt: string | null;
  state: SlaClockState;
  deadline: string;
  pausedMinutes: number;
  elapsedBusinessMinutes: number;
  remainingBusinessMinutes: number | null;
  warnAt: string[];
}

export interface PauseSpan {
  from: string;
  to: string | null;
  reason: string;
}

export interface MaterialLine {
  item: string;
  qty: number;
  unit?: string | null;
  unitPrice?: number | null;
}

export interface WorkOrder {
  id: number;
  number: string;
  ticketId: number;
  projectId: number;
  status: WorkOrderStatus;
  priority: TicketPriority;
  skill: string | null;
  dispatchMode: DispatchMode;
  team: string | null;
  description: string;
  appointmentAt: string | null;
  technicianId: number | null;
  technicianName: string | null;
  vendorName: string | null;
  dispatchedAt: string | null;
  acceptedAt: string | null;
  arrivedAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  pauses: PauseSpan[];
  returnCount: number;
  transferCount: number;
  materials: MaterialLine[];
  photosBefore: string[];
  photosAfter: string[];
  signature: string | null;
  result: string | null;
  lastReason: string | null;
  allowedActions: WorkOrderAction[];
  sla: {
    dispatchDueAt: string | null;
    arriveDueAt: string | null;
    resolveDueAt: string | null;
    clocks: SlaClock[];
  };
  version: number;
  createdAt: string;
}

/** GET /api/work-orders rows: the order plus its ticket's number, title and unit. */
export interface WorkOrderListItem extends WorkOrder {
  ticketNumber: string;
  title: string;
  unitLabel: string | null;
}

export type HandoffReason =
  | 'dispatched'
  | 'grabbed'
  | 'transferred'
  | 'returned'
  | 'completed'
  | 'cancelled'
  | 'timed_out';

export interface Handoff {
  technicianId: number | null;
  from: string;
  to: string | null;
  leftReason: HandoffReason | null;
  note: string | null;
}

/** GET /api/work-orders/:id: with its ticket's headline and the hand-off history. */
export interface WorkOrderView extends WorkOrder {
  ticket: {
    number: string;
    title: string;
    type: TicketType;
    status: TicketStatus;
    contactName: string | null;
    /** In full while the order is the viewer's (or with pii.view), masked otherwise. */
    contactPhone: string | null;
    unitLabel: string | null;
    version: number;
  } | null;
  handoffs: Handoff[];
}

export interface CallbackRound {
  id: number;
  round: number;
  status: '待回访' | '已完成' | '已取消';
  dueAt: string;
  attempts: number;
  lastAttemptAt: string | null;
  reached: boolean | null;
  satisfied: boolean | null;
  scores: { overall: number | null; speed: number | null; attitude: number | null };
  comment: string | null;
  agentId: number | null;
  completedAt: string | null;
  complaintTicketId: number | null;
  version: number;
}

export interface TicketDetail extends TicketSummary {
  description: string;
  attachments: Attachment[];
  answer: string | null;
  cancelReason: string | null;
  residentRating: { overall: number; comment?: string | null; at: string } | null;
  acceptedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  callbackRule: CallbackRule;
  callbackPolicy: CallbackPolicy;
  allowedActions: TicketAction[];
  sla: TicketSlaSummary & { clocks: SlaClock[] };
  workOrders: WorkOrder[];
  callbacks: CallbackRound[];
  callback: CallbackRound | null;
}

export interface TicketEvent {
  id: number;
  at: string;
  actorId: number | null;
  source: string;
  action: string;
  entityType: string;
  entityId: number;
  before: unknown;
  after: unknown;
}

export interface TicketCategory {
  id: number;
  projectId: number | null;
  parentId: number | null;
  level: number;
  name: string;
  path: string;
  pathIds: number[];
  skill: string | null;
  callbackRule: CallbackRule | null;
  defaultPriority: TicketPriority | null;
  sortOrder: number;
  active: boolean;
  version: number;
}

export interface Technician {
  id: number;
  displayName: string;
  department: string | null;
  skills: string[];
  onDuty: boolean;
  openCount: number;
  cap: number | null;
  lastAssignedAt: string | null;
}

export type Ineligibility = 'missing-skill' | 'off-duty' | 'at-cap';

export interface Candidate {
  id: number;
  displayName: string;
  skills: string[];
  onDuty: boolean;
  openCount: number;
  cap: number | null;
  eligible: boolean;
  reasons: Ineligibility[];
}

export interface DispatchRule {
  id: number;
  projectId: number | null;
  categoryId: number | null;
  mode: DispatchMode;
  version: number;
}

export interface NotificationItem {
  id: number;
  kind: NotificationKind;
  level: number;
  title: string;
  body: string;
  projectId: number | null;
  ticketId: number | null;
  workOrderId: number | null;
  createdAt: string;
  readAt: string | null;
}

export interface CallbackQueueItem {
  id: number;
  ticketId: number;
  projectId: number;
  round: number;
  status: '待回访' | '已完成' | '已取消';
  dueAt: string;
  attempts: number;
  ticketNumber: string;
  title: string;
  type: TicketType;
  contactName: string | null;
  unitLabel: string | null;
  ticketVersion: number;
}

export interface SlaTarget {
  calendar: 'business' | '24x7';
  minutes?: number;
  businessDays?: number;
  appointmentOverrides?: boolean;
}

export type SlaTargets = Partial<Record<SlaClockKind, SlaTarget>>;

export interface SlaPolicy {
  id: number;
  companyId?: number;
  projectId: number | null;
  name: string;
  ticketType: TicketType | null;
  categoryId: number | null;
  priority: TicketPriority | null;
  calendarId?: number | null;
  targets: SlaTargets;
  callbackPolicy?: CallbackPolicy | null;
  active?: boolean;
  version?: number;
  /** Product defaults (negative ids): the settings and Q-ids they come from. */
  builtin?: boolean;
  settings?: string[];
  qids?: string[];
}

export interface SlaCalendar {
  id: number;
  companyId: number;
  projectId: number | null;
  name: string;
  timezone: string;
  always: boolean;
  weekdays: Period[][];
  holidays: string[];
  extraWorkdays: string[];
  isDefault: boolean;
  standardDayMinutes: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SlaReportGroup {
  type: string;
  category: string;
  total: number;
  met: number;
  breached: number;
  open: number;
  arriveMinutes: { median: number | null; p90: number | null };
  fixMinutes: { median: number | null; p90: number | null };
  callbacks: { due: number; onTime: number; onTimeRate: number | null };
  satisfaction: { average: number | null; satisfiedRate: number | null };
}

export interface SlaReport {
  projectId: number;
  from: string;
  to: string;
  totals: {
    total: number;
    met: number;
    breached: number;
    open: number;
    callbacksDue: number;
    callbacksOnTime: number;
  };
  groups: SlaReportGroup[];
}

/**
 * The API's answers as the console reads them: inferred from the server's response schemas
 * (packages/shared/src/api), so a field the server stops sending fails the console's build.
 * What is not an HTTP answer (the live socket's messages, import progress pushed over it) stays here.
 */
export type { CallbackPolicy, HandoffReason } from '@guanjia/shared';
export type {
  Attachment,
  AuditEvent,
  Building,
  BusinessHours,
  CallbackQueueItem,
  CallbackRound,
  Candidate,
  DispatchRule,
  Handoff,
  HomeToday,
  ImportJob,
  ImportState,
  Ineligibility,
  LoginResponse,
  MaterialLine,
  Me,
  NotificationItem,
  Page,
  PauseSpan,
  Period,
  Project,
  Resident,
  ResidentOverview,
  ResidentPhone,
  ResidentUnit,
  Role,
  SettingItem,
  SlaCalendar,
  SlaClock,
  SlaPolicy,
  SlaReport,
  SlaReportGroup,
  SlaTarget,
  SlaTargets,
  Staff,
  StaffRoleRef,
  Technician,
  TicketAction,
  TicketCategory,
  TicketDetail,
  TicketDial,
  TicketEvent,
  TicketSlaSummary,
  TicketSummary,
  TreeBuilding,
  TreeProject,
  Unit,
  WorkOrder,
  WorkOrderAction,
  WorkOrderListItem,
  WorkOrderView,
} from '@guanjia/shared/api';

import type { ImportState } from '@guanjia/shared/api';

/** An import's progress, pushed over the live socket while it runs. */
export interface ImportProgress {
  state: ImportState;
  processedRows: number;
  totalRows: number;
  createdCount: number;
  updatedCount: number;
  errorCount: number;
}

/** A message on the live socket (/api/live). */
export interface LiveMessage {
  type: string;
  projectId?: number;
  entityType?: string;
  entityId?: number | string;
  data?: unknown;
}

export const INCIDENT_KINDS = ['停水', '停电', '停气', '电梯停运', '网络电视', '施工', '其他'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export type NotifyState = 'met' | 'breached' | 'pending' | 'overdue';

export interface Incident {
  id: number;
  projectId: number;
  kind: IncidentKind;
  emergency: boolean;
  title: string;
  buildingIds: number[];
  unitIds: number[];
  startsAt: string;
  expectedEndAt: string | null;
  residentText: string;
  agentScript: string;
  status: '进行中' | '已恢复';
  resolvedAt: string | null;
  notifyState: NotifyState | null;
  notifyBreached: boolean;
  firstDeliveryMinutes: number | null;
  recipientCount: number;
  linkedTickets: number | null;
  version: number;
}

export type DeliveryStatus = 'pending' | 'deferred' | 'sent' | 'failed' | 'cancelled';
export type DeliveryChannel = 'inapp' | 'sms' | 'wechat' | 'email' | 'webhook';

export interface Delivery {
  id: number;
  residentName: string | null;
  channel: DeliveryChannel;
  recipient: string;
  subject: string;
  body: string;
  urgent: boolean;
  status: DeliveryStatus;
  attempts: number;
  providerMessageId: string | null;
  error: string | null;
  notBefore: string | null;
  sentAt: string | null;
}

export interface DeliveryPage {
  items: Delivery[];
  total: number;
  page: number;
  pageSize: number;
  counts?: { byStatus: Partial<Record<DeliveryStatus, number>> };
}

import { request } from '../api/client';

/** Portal calls: the portal cookie, and a 401 never logs a staff member out of the console. */
export const portalApi = {
  get: <T>(path: string, query?: Record<string, string | number | undefined>) =>
    request<T>('GET', path, { query, quiet401: true }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {}, quiet401: true }),
};

export interface PortalMe {
  phone: string;
  residents: { id: number; projectId: number; name: string }[];
  units: { id: number; projectId: number; label: string; relation: string }[];
}

export interface PortalTicket {
  id: number;
  number: string;
  type: string;
  status: string;
  title: string;
  description: string;
  unitLabel: string | null;
  attachments?: { url: string; name?: string | null }[];
  rating: { overall: number; speed?: number; attitude?: number; comment?: string | null } | null;
  createdAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  urgeCount?: number;
  timeline?: { at: string; action: string; status: string | null; byResident: boolean }[];
}

export interface PortalNotice {
  id: number;
  type: string;
  title: string;
  body: string;
  urgent: boolean;
  publishedAt: string | null;
  expiresAt: string;
  read: boolean;
}

export interface PortalIncident {
  id: number;
  kind: string;
  title: string;
  emergency: boolean;
  unitLabel: string;
  text: string;
  expectedEndAt: string | null;
}

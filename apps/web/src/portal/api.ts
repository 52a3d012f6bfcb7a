import { request } from '../api/client';

/** Portal calls: the portal cookie, and a 401 never logs a staff member out of the console. */
export const portalApi = {
  get: <T>(path: string, query?: Record<string, string | number | undefined>) =>
    request<T>('GET', path, { query, quiet401: true }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {}, quiet401: true }),
};

export interface PortalMe {
  phone: string;
  company: { code: string | null; name: string };
  /** The estate's zone: portal times read as on the estate's clocks. */
  timezone: string;
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

export interface PortalBinding {
  id: number;
  kind: 'bind' | 'member' | 'removal';
  status: '待审核' | '已通过' | '已驳回';
  unitId: number;
  unitLabel: string | null;
  name: string;
  relation: '业主' | '家属' | '租户';
  leaseEndsOn: string | null;
  rejectReason: string | null;
  createdAt: string;
}

export interface HouseholdMember {
  unitId: number;
  unitLabel: string;
  residentId: number;
  name: string;
  relation: '业主' | '家属' | '租户';
  leaseEndsOn: string | null;
  phone: string | null;
  me: boolean;
}

/** The portal link's company (`/portal?c=anju`), remembered for the next visit from the home screen. */
export function portalCompanyCode(): string | undefined {
  const fromLink = new URLSearchParams(window.location.search).get('c');
  if (fromLink) localStorage.setItem('guanjia.portal.company', fromLink);
  return fromLink ?? localStorage.getItem('guanjia.portal.company') ?? undefined;
}

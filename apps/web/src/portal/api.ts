import { request } from '../api/client';

/** Portal calls: the portal cookie, and a 401 never logs a staff member out of the console. */
export const portalApi = {
  get: <T>(path: string, query?: Record<string, string | number | undefined>) =>
    request<T>('GET', path, { query, quiet401: true }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {}, quiet401: true }),
};

export type {
  HouseholdMember,
  PortalBinding,
  PortalIncident,
  PortalMe,
  PortalNotice,
  PortalTicket,
} from '@guanjia/shared/api';

/** The portal link's company (`/portal?c=anju`), remembered for the next visit from the home screen. */
export function portalCompanyCode(): string | undefined {
  const fromLink = new URLSearchParams(window.location.search).get('c');
  if (fromLink) localStorage.setItem('guanjia.portal.company', fromLink);
  return fromLink ?? localStorage.getItem('guanjia.portal.company') ?? undefined;
}

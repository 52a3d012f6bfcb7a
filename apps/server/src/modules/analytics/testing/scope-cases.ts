import type { Fixture } from '../../../testing/fixture';
import type { ScopeCase } from '../../../testing/scope';

/** Analytics of project B: a caller scoped to A gets 404 for every dashboard, drill, screen and PDF. */
export function analyticsScopeCases(f: Fixture): Record<string, ScopeCase[]> {
  const q = `projectId=${f.projectB}&from=2026-11-01&to=2026-11-30`;
  return {
    'GET /api/analytics/:dashboard': [
      'service',
      'callcenter',
      'people',
      'money',
      'operations',
      'emergencies',
    ].map((d) => ({ method: 'GET' as const, url: `/api/analytics/${d}?${q}` })),
    'GET /api/analytics/:dashboard/drill/:card': [
      { method: 'GET', url: `/api/analytics/service/drill/breached?${q}` },
      { method: 'GET', url: `/api/analytics/service/drill/intake?${q}&format=xlsx` },
    ],
    'GET /api/analytics/screen': [{ method: 'GET', url: `/api/analytics/screen?projectId=${f.projectB}` }],
    'GET /api/reports/monthly.pdf': [
      { method: 'GET', url: `/api/reports/monthly.pdf?projectId=${f.projectB}&month=2026-11` },
    ],
  };
}

/** Routes over the caller's own scope only (the list of dashboards; the league lists only scoped projects). */
export const ANALYTICS_COMPANY_LEVEL = ['GET /api/analytics', 'GET /api/analytics/health'];

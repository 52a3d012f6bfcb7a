import type { Fixture } from '../../../testing/fixture';
import type { ScopeCase } from '../../../testing/scope';

/** Routes of 智能分类 that touch project data: a caller scoped to A never reaches B's tickets. */
export function triageScopeCases(f: Fixture, ticketOfB: number): Record<string, ScopeCase[]> {
  const t = `/api/tickets/${ticketOfB}`;
  return {
    'POST /api/triage': [
      { method: 'POST', url: '/api/triage', body: { projectId: f.projectB, text: '水管爆了' } },
    ],
    'GET /api/tickets/:id/triage': [{ method: 'GET', url: `${t}/triage` }],
    'POST /api/tickets/:id/triage': [{ method: 'POST', url: `${t}/triage` }],
    'GET /api/tickets/:id/similar': [{ method: 'GET', url: `${t}/similar` }],
    'POST /api/tickets/:id/similar/link': [
      { method: 'POST', url: `${t}/similar/link`, body: { ticketIds: [ticketOfB] } },
    ],
  };
}

/** Company-level: one model, one phrase table per company, no project data. */
export const TRIAGE_COMPANY_LEVEL = [
  'GET /api/triage/overview',
  'POST /api/triage/models/retrain',
  'POST /api/triage/models/:id/activate',
  'GET /api/triage/phrases',
  'POST /api/triage/phrases',
  'PATCH /api/triage/phrases/:id',
];

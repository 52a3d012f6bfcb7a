import type { Fixture } from './fixture';
import type { ScopeCase } from './scope';

/** 催缴 routes reaching project B from a caller scoped to A: 404 like a missing record (routes.int.test.ts). */
export function collectionScopeCases(f: Fixture): Record<string, ScopeCase[]> {
  const pB = f.projectB;
  const v = { version: 1 };
  return {
    'GET /api/arrears': [{ method: 'GET', url: `/api/arrears?projectId=${pB}` }],
    'GET /api/units/:id/arrears': [{ method: 'GET', url: `/api/units/${f.unitsB[0]}/arrears` }],
    'POST /api/bills/:id/dispute': [
      { method: 'POST', url: '/api/bills/999999/dispute', body: { disputed: true, reason: 'x' } },
    ],
    'GET /api/collection-campaigns/:id': [{ method: 'GET', url: '/api/collection-campaigns/999999' }],
    'POST /api/collection-campaigns': [
      { method: 'POST', url: '/api/collection-campaigns', body: { projectId: pB, name: '越权' } },
    ],
    'PATCH /api/collection-campaigns/:id': [
      { method: 'PATCH', url: '/api/collection-campaigns/999999', body: { ...v, active: false } },
    ],
    'DELETE /api/collection-campaigns/:id': [
      { method: 'DELETE', url: '/api/collection-campaigns/999999?version=1' },
    ],
    'POST /api/collection-attempts': [
      { method: 'POST', url: '/api/collection-attempts', body: { unitId: f.unitsB[0], outcome: 'answered' } },
    ],
    'GET /api/collection-attempts/:id/letter.pdf': [
      { method: 'GET', url: '/api/collection-attempts/999999/letter.pdf' },
    ],
    'POST /api/door-collections': [
      {
        method: 'POST',
        url: '/api/door-collections',
        body: { unitId: f.unitsB[0], agreedAt: '2030-01-01T10:00:00+08:00', contactName: '越权' },
      },
    ],
    'POST /api/door-collections/:id/assign': [
      {
        method: 'POST',
        url: '/api/door-collections/999999/assign',
        body: { ...v, assigneeId: f.users.manager_b },
      },
    ],
    'POST /api/door-collections/:id/done': [
      { method: 'POST', url: '/api/door-collections/999999/done', body: { ...v, result: 'x' } },
    ],
    'GET /api/residents/:id/contact-windows': [
      { method: 'GET', url: `/api/residents/${f.residentsB[0]}/contact-windows` },
    ],
    'PUT /api/residents/:id/contact-windows': [
      { method: 'PUT', url: `/api/residents/${f.residentsB[0]}/contact-windows`, body: { windows: [] } },
    ],
    'GET /api/opening-arrears/template.xlsx': [
      { method: 'GET', url: `/api/opening-arrears/template.xlsx?projectId=${pB}` },
    ],
    'POST /api/opening-arrears': [{ method: 'POST', url: `/api/opening-arrears?projectId=${pB}`, body: {} }],
    'GET /api/reports/billing': [{ method: 'GET', url: `/api/reports/billing?projectId=${pB}&kind=aging` }],
  };
}

/** Lists a caller scoped to A reads: nothing of B's in them. */
export const collectionListCases = (): Record<string, [string, number[]]> => ({
  'GET /api/collection-campaigns': ['/api/collection-campaigns', []],
  'GET /api/collection-attempts': ['/api/collection-attempts?pageSize=200', []],
  'GET /api/door-collections': ['/api/door-collections?pageSize=200', []],
});

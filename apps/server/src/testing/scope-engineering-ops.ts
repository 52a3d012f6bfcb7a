import { expect } from 'vitest';
import type { Fixture } from './fixture';
import type { ScopeCase } from './scope';
import type { TestServer } from './test-server';

/** Project B's patrol route and patrol, material and stocktake, contractor, visit and evaluation. */
export async function seedEngineeringOpsOfB(server: TestServer, admin: string) {
  const pB = server.fixture.projectB;
  const post = async (url: string, body: unknown) => {
    const res = await server.request('POST', url, { token: admin, body });
    expect(res.statusCode, `${url} ${res.body}`).toBe(201);
    return res.json() as { id: number };
  };
  const route = await post('/api/patrol-routes', {
    projectId: pB,
    name: '乙方巡更',
    kind: 'security',
    schedule: { from: '00:00', to: '00:00', everyMinutes: 60 },
    points: [{ code: 'B01', name: '乙方门岗', offsetMinutes: 0 }],
  });
  const patrols = (
    await server.request('GET', `/api/patrols?projectId=${pB}&pageSize=1`, { token: admin })
  ).json() as { items: { id: number }[] };
  const material = await post('/api/materials', {
    projectId: pB,
    code: 'B-1',
    name: '乙方角阀',
    unit: '个',
    priceFen: 100,
  });
  await post('/api/stock-movements', { projectId: pB, kind: 'in', materialId: material.id, qty: 3 });
  const stocktake = await post('/api/stocktakes', { projectId: pB, month: '2026-01' });
  const contractor = await post('/api/contractors', { projectId: pB, name: '乙方电梯', trade: '电梯维保' });
  const contract = await post(`/api/contractors/${contractor.id}/contracts`, {
    title: '乙方合同',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    amountFen: 100,
  });
  const visit = await post('/api/contractor-visits', {
    projectId: pB,
    contractorId: contractor.id,
    visitorName: '乙',
    purpose: '保养',
    inspectionTaskId: 1,
  });
  const evaluation = await post('/api/contractor-evaluations', {
    contractorId: contractor.id,
    month: '2026-01',
    scores: {},
  });
  return {
    route: route.id,
    patrol: patrols.items[0]?.id ?? -1,
    material: material.id,
    stocktake: stocktake.id,
    contractor: contractor.id,
    contract: contract.id,
    visit: visit.id,
    evaluation: evaluation.id,
  };
}
export type EngineeringOpsOfB = Awaited<ReturnType<typeof seedEngineeringOpsOfB>>;

export function engineeringOpsScopeCases(f: Fixture, o: EngineeringOpsOfB): Record<string, ScopeCase[]> {
  const pB = f.projectB;
  const v = { version: 1 };
  const month = 'month=2026-01';
  return {
    'GET /api/patrol-routes/:id': [{ method: 'GET', url: `/api/patrol-routes/${o.route}` }],
    'POST /api/patrol-routes': [
      {
        method: 'POST',
        url: '/api/patrol-routes',
        body: {
          projectId: pB,
          name: '越权',
          kind: 'security',
          schedule: { from: '20:00', to: '06:00', everyMinutes: 120 },
          points: [{ code: 'X1', name: 'x', offsetMinutes: 0 }],
        },
      },
    ],
    'PATCH /api/patrol-routes/:id': [
      { method: 'PATCH', url: `/api/patrol-routes/${o.route}`, body: { ...v, name: 'x' } },
    ],
    'DELETE /api/patrol-routes/:id': [{ method: 'DELETE', url: `/api/patrol-routes/${o.route}?version=1` }],
    'GET /api/patrol-routes/:id/labels.pdf': [
      { method: 'GET', url: `/api/patrol-routes/${o.route}/labels.pdf` },
    ],
    'GET /api/patrols/:id': [{ method: 'GET', url: `/api/patrols/${o.patrol}` }],
    'POST /api/patrols/:id/checkins': [
      { method: 'POST', url: `/api/patrols/${o.patrol}/checkins`, body: { code: 'GJ1:PT:1:B01' } },
    ],
    'GET /api/patrols/missed': [{ method: 'GET', url: `/api/patrols/missed?projectId=${pB}&${month}` }],
    'GET /api/patrols/stats': [{ method: 'GET', url: `/api/patrols/stats?projectId=${pB}&${month}` }],
    'GET /api/materials/:id': [{ method: 'GET', url: `/api/materials/${o.material}` }],
    'POST /api/materials': [
      {
        method: 'POST',
        url: '/api/materials',
        body: { projectId: pB, code: 'X', name: 'x', unit: '个', priceFen: 1 },
      },
    ],
    'PATCH /api/materials/:id': [
      { method: 'PATCH', url: `/api/materials/${o.material}`, body: { ...v, name: 'x' } },
    ],
    'POST /api/stock-movements': [
      {
        method: 'POST',
        url: '/api/stock-movements',
        body: { projectId: pB, kind: 'in', materialId: o.material, qty: 1 },
      },
    ],
    'GET /api/stock-movements/work-order-draft': [
      { method: 'GET', url: `/api/stock-movements/work-order-draft?projectId=${pB}&workOrderNumber=X` },
    ],
    'GET /api/stocktakes/:id': [{ method: 'GET', url: `/api/stocktakes/${o.stocktake}` }],
    'POST /api/stocktakes': [
      { method: 'POST', url: '/api/stocktakes', body: { projectId: pB, month: '2026-02' } },
    ],
    'PUT /api/stocktakes/:id/counts': [
      { method: 'PUT', url: `/api/stocktakes/${o.stocktake}/counts`, body: { ...v, lines: [] } },
    ],
    'POST /api/stocktakes/:id/close': [
      { method: 'POST', url: `/api/stocktakes/${o.stocktake}/close`, body: v },
    ],
    'GET /api/reports/materials': [{ method: 'GET', url: `/api/reports/materials?projectId=${pB}&${month}` }],
    'GET /api/reports/materials.xlsx': [
      { method: 'GET', url: `/api/reports/materials.xlsx?projectId=${pB}&${month}` },
    ],
    'GET /api/contractors/:id': [{ method: 'GET', url: `/api/contractors/${o.contractor}` }],
    'POST /api/contractors': [
      { method: 'POST', url: '/api/contractors', body: { projectId: pB, name: 'x', trade: 'x' } },
    ],
    'PATCH /api/contractors/:id': [
      { method: 'PATCH', url: `/api/contractors/${o.contractor}`, body: { ...v, name: 'x' } },
    ],
    'POST /api/contractors/:id/contracts': [
      {
        method: 'POST',
        url: `/api/contractors/${o.contractor}/contracts`,
        body: { title: 'x', startsOn: '2026-01-01', endsOn: '2026-02-01', amountFen: 1 },
      },
    ],
    'PUT /api/contractors/:id/contracts/:contractId': [
      {
        method: 'PUT',
        url: `/api/contractors/${o.contractor}/contracts/${o.contract}`,
        body: { title: 'x', startsOn: '2026-01-01', endsOn: '2026-02-01', amountFen: 1 },
      },
    ],
    'POST /api/contractor-visits': [
      {
        method: 'POST',
        url: '/api/contractor-visits',
        body: {
          projectId: pB,
          contractorId: o.contractor,
          visitorName: 'x',
          purpose: 'x',
          inspectionTaskId: 1,
        },
      },
    ],
    'POST /api/contractor-visits/:id/sign-out': [
      { method: 'POST', url: `/api/contractor-visits/${o.visit}/sign-out`, body: { siteChecked: true } },
    ],
    'GET /api/contractor-evaluations/suggest': [
      { method: 'GET', url: `/api/contractor-evaluations/suggest?contractorId=${o.contractor}&${month}` },
    ],
    'POST /api/contractor-evaluations': [
      {
        method: 'POST',
        url: '/api/contractor-evaluations',
        body: { contractorId: o.contractor, month: '2026-03', scores: {} },
      },
    ],
    'PATCH /api/contractor-evaluations/:id': [
      { method: 'PATCH', url: `/api/contractor-evaluations/${o.evaluation}`, body: { ...v, note: 'x' } },
    ],
  };
}

export function engineeringOpsListCases(o: EngineeringOpsOfB): Record<string, [string, number[]]> {
  return {
    'GET /api/patrol-routes': ['/api/patrol-routes?pageSize=200', [o.route]],
    'GET /api/patrols': ['/api/patrols?pageSize=200', [o.patrol]],
    'GET /api/materials': ['/api/materials?pageSize=200', [o.material]],
    'GET /api/stock-movements': ['/api/stock-movements?pageSize=200', []],
    'GET /api/stocktakes': ['/api/stocktakes?pageSize=200', [o.stocktake]],
    'GET /api/contractors': ['/api/contractors?pageSize=200', [o.contractor]],
    'GET /api/contractor-visits': ['/api/contractor-visits?pageSize=200', [o.visit]],
    'GET /api/contractor-evaluations': ['/api/contractor-evaluations?pageSize=200', [o.evaluation]],
  };
}

export function engineeringOpsExportCases(f: Fixture): Record<string, string> {
  return {
    'GET /api/patrols/export.xlsx': `/api/patrols/export.xlsx?projectId=${f.projectB}`,
    'GET /api/contractors/export.xlsx': `/api/contractors/export.xlsx?projectId=${f.projectB}`,
  };
}

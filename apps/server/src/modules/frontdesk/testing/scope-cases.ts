import { expect } from 'vitest';
import type { Fixture } from '../../../testing/fixture';
import type { ScopeCase } from '../../../testing/scope';
import type { TestServer } from '../../../testing/test-server';

export interface DeskRecordsOfB {
  pass: number;
  passCode: string;
  parcel: number;
  release: number;
  releaseCode: string;
  key: number;
  loan: number;
}

/** Project B's desk records: a caller scoped to A must never reach them. */
export async function deskRecordsOfB(server: TestServer, admin: string): Promise<DeskRecordsOfB> {
  const f = server.fixture;
  const post = async (url: string, body: unknown) => {
    const res = await server.request('POST', url, { token: admin, body });
    expect(res.statusCode, `${url} ${res.body}`).toBe(201);
    return res.json() as { id: number; code: string };
  };
  const due = new Date(server.clock.now().getTime() + 86_400_000).toISOString();
  const pass = await post('/api/visitor-passes', { projectId: f.projectB, visitorName: '乙方访客' });
  const parcel = await post('/api/parcels', {
    projectId: f.projectB,
    unitId: f.unitsB[0],
    carrier: '顺丰',
    shelf: 'B1',
  });
  const release = await post('/api/item-releases', {
    projectId: f.projectB,
    unitId: f.unitsB[0],
    applicantName: '刘洋',
    items: [{ name: '桌子', qty: 1 }],
    releaseDate: new Date(server.clock.now().getTime() + 86_400_000).toISOString().slice(0, 10),
  });
  const key = await post('/api/keys', { projectId: f.projectB, name: '乙方配电房', category: '设备房' });
  const loan = await post('/api/loans', {
    projectId: f.projectB,
    category: '雨伞',
    itemName: '雨伞',
    borrowerName: '刘洋',
    idKind: '身份证',
    idLast4: '1233',
    expectedReturnAt: due,
  });
  return {
    pass: pass.id,
    passCode: pass.code,
    parcel: parcel.id,
    release: release.id,
    releaseCode: release.code,
    key: key.id,
    loan: loan.id,
  };
}

export function deskScopeCases(f: Fixture, b: DeskRecordsOfB): Record<string, ScopeCase[]> {
  const due = '2099-01-01T00:00:00.000Z';
  const v = `/api/visitor-passes/${b.pass}`;
  const p = `/api/parcels/${b.parcel}`;
  const r = `/api/item-releases/${b.release}`;
  const k = `/api/keys/${b.key}`;
  const l = `/api/loans/${b.loan}`;
  return {
    'POST /api/visitor-passes': [
      { method: 'POST', url: '/api/visitor-passes', body: { projectId: f.projectB, visitorName: 'x' } },
    ],
    'GET /api/visitor-passes/:id': [{ method: 'GET', url: v }],
    'GET /api/visitor-passes/:id/slip.pdf': [{ method: 'GET', url: `${v}/slip.pdf` }],
    'POST /api/visitor-passes/:id/revoke': [{ method: 'POST', url: `${v}/revoke`, body: {} }],
    'POST /api/visitor-passes/:id/confirm': [{ method: 'POST', url: `${v}/confirm` }],
    'POST /api/parcels': [
      {
        method: 'POST',
        url: '/api/parcels',
        body: { projectId: f.projectB, phone: '13712345678', carrier: 'x', shelf: 'x' },
      },
    ],
    'GET /api/parcels/:id': [{ method: 'GET', url: p }],
    'POST /api/parcels/:id/pickup': [{ method: 'POST', url: `${p}/pickup`, body: { signedName: 'x' } }],
    'POST /api/parcels/:id/deliver': [{ method: 'POST', url: `${p}/deliver` }],
    'POST /api/item-releases': [
      {
        method: 'POST',
        url: '/api/item-releases',
        body: {
          projectId: f.projectB,
          unitId: f.unitsB[0],
          applicantName: 'x',
          items: [{ name: 'x', qty: 1 }],
          releaseDate: '2099-01-01',
        },
      },
    ],
    'GET /api/item-releases/:id': [{ method: 'GET', url: r }],
    'GET /api/item-releases/:id/slip.pdf': [{ method: 'GET', url: `${r}/slip.pdf` }],
    'POST /api/item-releases/:id/approve': [{ method: 'POST', url: `${r}/approve`, body: { version: 1 } }],
    'POST /api/item-releases/:id/reject': [
      { method: 'POST', url: `${r}/reject`, body: { version: 1, reason: 'x' } },
    ],
    'POST /api/keys': [
      { method: 'POST', url: '/api/keys', body: { projectId: f.projectB, name: 'x', category: '其他' } },
    ],
    'PUT /api/keys/:id/agreement': [
      { method: 'PUT', url: `${k}/agreement`, body: { agreementUploadId: 1, version: 1 } },
    ],
    'POST /api/keys/:id/checkout': [
      {
        method: 'POST',
        url: `${k}/checkout`,
        body: { borrowerName: 'x', signedName: 'x', expectedReturnAt: due },
      },
    ],
    'POST /api/keys/:id/return': [{ method: 'POST', url: `${k}/return`, body: {} }],
    'GET /api/keys/:id/checkouts': [{ method: 'GET', url: `${k}/checkouts` }],
    'POST /api/loans': [
      {
        method: 'POST',
        url: '/api/loans',
        body: {
          projectId: f.projectB,
          category: '雨伞',
          itemName: 'x',
          borrowerName: 'x',
          idKind: '身份证',
          idLast4: '1234',
          expectedReturnAt: due,
        },
      },
    ],
    'GET /api/loans/:id': [{ method: 'GET', url: l }],
    'GET /api/loans/:id/slip.pdf': [{ method: 'GET', url: `${l}/slip.pdf` }],
    'POST /api/loans/:id/return': [{ method: 'POST', url: `${l}/return`, body: {} }],
  };
}

export function deskListCases(b: DeskRecordsOfB): Record<string, [string, number[]]> {
  return {
    'GET /api/visitor-passes': ['/api/visitor-passes?pageSize=200', [b.pass]],
    'GET /api/parcels': ['/api/parcels?pageSize=200', [b.parcel]],
    'GET /api/item-releases': ['/api/item-releases?pageSize=200', [b.release]],
    'GET /api/keys': ['/api/keys?pageSize=200', [b.key]],
    'GET /api/loans': ['/api/loans?pageSize=200', [b.loan]],
  };
}

export const deskExportCases = (f: Fixture): Record<string, string> => ({
  'GET /api/parcels/shelf.xlsx': `/api/parcels/shelf.xlsx?projectId=${f.projectB}`,
});

/**
 * The gate answers every code, with `unknown` for one it cannot reach: another project's pass reads
 * exactly like a code that does not exist (and is not spent by the scan).
 */
export const DESK_GATE_ROUTES = [
  'POST /api/gate/verify',
  'POST /api/visitor-passes/verify',
  'POST /api/item-releases/verify',
];
export async function expectGateUnknown(server: TestServer, token: string, b: DeskRecordsOfB): Promise<void> {
  for (const [url, code] of [
    ['/api/gate/verify', b.passCode],
    ['/api/visitor-passes/verify', b.passCode],
    ['/api/item-releases/verify', b.releaseCode],
  ] as const) {
    const res = await server.request('POST', url, { token, body: { code } });
    expect(res.statusCode, `${url} ${res.body}`).toBe(200);
    expect(res.json(), url).toMatchObject({ valid: false, reason: 'unknown' });
  }
}

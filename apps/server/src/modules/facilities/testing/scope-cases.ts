import { expect } from 'vitest';
import type { Fixture } from '../../../testing/fixture';
import type { ScopeCase } from '../../../testing/scope';
import type { TestServer } from '../../../testing/test-server';

export interface FrontDeskOfB {
  facility: number;
  booking: number;
  decoration: number;
  moveIn: number;
}

/** Project B's facility, booking, decoration case and move-in case: what a caller scoped to A must never reach. */
export async function frontDeskRecordsOfB(server: TestServer, admin: string): Promise<FrontDeskOfB> {
  const f = server.fixture;
  const post = async (url: string, body: unknown) => {
    const res = await server.request('POST', url, { token: admin, body });
    expect(res.statusCode, `${url} ${res.body}`).toBe(201);
    return res.json() as { id: number };
  };
  const facility = await post('/api/facilities', {
    projectId: f.projectB,
    name: '乙方会所',
    kind: 'clubhouse',
    openFrom: '00:00',
    openTo: '24:00',
    slotMinutes: 60,
    advanceDays: 365,
  });
  const start = new Date(Math.ceil(server.clock.now().getTime() / 3_600_000) * 3_600_000 + 86_400_000);
  const booking = await post('/api/bookings', {
    facilityId: facility.id,
    unitId: f.unitsB[0],
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
  });
  const decoration = await post('/api/decorations', {
    unitId: f.unitsB[0],
    applicantName: '乙方业主',
    applicantPhone: '13700000000',
    scope: '墙面翻新',
    startsOn: '2026-12-10',
    endsOn: '2026-12-20',
  });
  const moveIn = await post('/api/move-ins', {
    unitId: f.unitsB[0],
    ownerName: '乙方业主',
    ownerPhone: '13700000000',
  });
  return { facility: facility.id, booking: booking.id, decoration: decoration.id, moveIn: moveIn.id };
}

export function frontDeskScopeCases(f: Fixture, b: FrontDeskOfB): Record<string, ScopeCase[]> {
  const d = `/api/decorations/${b.decoration}`;
  const m = `/api/move-ins/${b.moveIn}`;
  const bk = `/api/bookings/${b.booking}`;
  const when = { startsAt: '2027-01-04T02:00:00.000Z', endsAt: '2027-01-04T03:00:00.000Z' };
  return {
    'POST /api/facilities': [
      {
        method: 'POST',
        url: '/api/facilities',
        body: {
          projectId: f.projectB,
          name: 'x',
          kind: 'gym',
          openFrom: '06:00',
          openTo: '22:00',
          slotMinutes: 60,
        },
      },
    ],
    'PATCH /api/facilities/:id': [
      { method: 'PATCH', url: `/api/facilities/${b.facility}`, body: { name: 'x', version: 1 } },
    ],
    'GET /api/facilities/:id/availability': [
      { method: 'GET', url: `/api/facilities/${b.facility}/availability?date=2026-12-10` },
    ],
    'POST /api/bookings': [
      {
        method: 'POST',
        url: '/api/bookings',
        body: { facilityId: b.facility, unitId: f.unitsB[0], ...when },
      },
    ],
    'GET /api/bookings/:id': [{ method: 'GET', url: bk }],
    'PATCH /api/bookings/:id': [{ method: 'PATCH', url: bk, body: { ...when, version: 1 } }],
    'POST /api/bookings/:id/cancel': [{ method: 'POST', url: `${bk}/cancel`, body: {} }],
    'POST /api/bookings/:id/checkin': [{ method: 'POST', url: `${bk}/checkin` }],
    'POST /api/bookings/:id/decide': [{ method: 'POST', url: `${bk}/decide`, body: { approve: true } }],
    'POST /api/decorations': [
      {
        method: 'POST',
        url: '/api/decorations',
        body: {
          unitId: f.unitsB[0],
          applicantName: 'x',
          applicantPhone: '13700000000',
          scope: 'x',
          startsOn: '2026-12-10',
          endsOn: '2026-12-20',
        },
      },
    ],
    'GET /api/decorations/:id': [{ method: 'GET', url: d }],
    'GET /api/decorations/:id/permit.pdf': [{ method: 'GET', url: `${d}/permit.pdf` }],
    'POST /api/decorations/:id/agreement': [
      { method: 'POST', url: `${d}/agreement`, body: { signedBy: 'x', version: 1 } },
    ],
    'POST /api/decorations/:id/deposit': [
      { method: 'POST', url: `${d}/deposit`, body: { amountFen: 1, version: 1 } },
    ],
    'POST /api/decorations/:id/seepage-test': [
      { method: 'POST', url: `${d}/seepage-test`, body: { passed: true, ownerSigned: true, version: 1 } },
    ],
    'POST /api/decorations/:id/water-test/start': [
      { method: 'POST', url: `${d}/water-test/start`, body: { version: 1 } },
    ],
    'POST /api/decorations/:id/water-test/end': [
      { method: 'POST', url: `${d}/water-test/end`, body: { result: 'pass', version: 1 } },
    ],
    'POST /api/decorations/:id/actions': [
      { method: 'POST', url: `${d}/actions`, body: { action: 'approve', version: 1 } },
    ],
    'POST /api/decorations/:id/inspections/:inspectionId': [
      { method: 'POST', url: `${d}/inspections/1`, body: { ok: true } },
    ],
    'GET /api/move-ins/:id': [{ method: 'GET', url: m }],
    'GET /api/move-ins/:id/key-receipt.pdf': [{ method: 'GET', url: `${m}/key-receipt.pdf` }],
    'POST /api/move-ins': [
      {
        method: 'POST',
        url: '/api/move-ins',
        body: { unitId: f.unitsB[1], ownerName: 'x', ownerPhone: '13700000000' },
      },
    ],
    'POST /api/move-ins/:id/steps': [
      { method: 'POST', url: `${m}/steps`, body: { step: 'documents', version: 1 } },
    ],
    'POST /api/move-ins/:id/defects': [
      { method: 'POST', url: `${m}/defects`, body: { location: 'x', description: 'x' } },
    ],
    'POST /api/move-ins/:id/:move': [{ method: 'POST', url: `${m}/cancel`, body: { version: 1 } }],
  };
}

export function frontDeskListCases(f: Fixture, b: FrontDeskOfB): Record<string, [string, number[]]> {
  return {
    'GET /api/facilities': ['/api/facilities', [b.facility]],
    'GET /api/bookings': ['/api/bookings?pageSize=200', [b.booking]],
    'GET /api/decorations': [`/api/decorations?pageSize=200&unitId=${f.unitsB[0]}`, [b.decoration]],
    'GET /api/move-ins': ['/api/move-ins?pageSize=200', [b.moveIn]],
  };
}

export function frontDeskExportCases(f: Fixture): Record<string, string> {
  return {
    'GET /api/bookings/export.xlsx': `/api/bookings/export.xlsx?projectId=${f.projectB}`,
    'GET /api/decorations/export.xlsx': `/api/decorations/export.xlsx?projectId=${f.projectB}`,
    'GET /api/move-ins/export.xlsx': `/api/move-ins/export.xlsx?projectId=${f.projectB}`,
  };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';

/**
 * Every staff GET route, read by the administrator with one of each record in project A: none may
 * answer 500. The test server checks each answer against its response schema and fails the request
 * when the schema rejects it or drops a field (platform/http/serializer.ts), so this catches a schema
 * that no longer matches its route even where no other test reads that route.
 */
let t: TestServer;
let admin: string;
const ids: Record<string, number> = {};
beforeAll(async () => {
  t = await createTestServer();
  admin = await t.login('admin');
  const f = t.fixture;
  const post = async (url: string, body: unknown) => {
    const res = await t.request('POST', url, { token: admin, body });
    expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(300);
    return res.json() as { id: number; workOrders?: { id: number }[] };
  };
  const ticket = await post('/api/tickets', {
    projectId: f.projectA,
    type: '报修',
    unitId: f.unitsA[0],
    residentId: f.residentsA[0],
    description: '厨房水管漏水',
  });
  ids.ticket = ticket.id;
  ids.workOrder = ticket.workOrders?.[0]?.id ?? 0;
  ids.incident = (
    await post('/api/incidents', {
      projectId: f.projectA,
      kind: '停水',
      emergency: false,
      title: '计划停水',
      residentText: '明天停水',
    })
  ).id;
  ids.article = (
    await post('/api/kb/articles', {
      projectId: f.projectA,
      category: '报修',
      title: '漏水怎么办',
      body: '关阀门',
    })
  ).id;
});
afterAll(() => t.close());

/** A record of the kind the path names, so detail routes answer 200 rather than 404. */
function idFor(url: string): number {
  const f = t.fixture;
  if (url.startsWith('/api/tickets/')) return ids.ticket ?? 0;
  if (url.startsWith('/api/work-orders/')) return ids.workOrder ?? 0;
  if (url.startsWith('/api/incidents/')) return ids.incident ?? 0;
  if (url.startsWith('/api/kb/articles/')) return ids.article ?? 0;
  if (url.startsWith('/api/projects/') || url.startsWith('/api/ivr/flows/')) return f.projectA;
  if (url.startsWith('/api/buildings/')) return f.buildingsA[0] ?? 0;
  if (url.startsWith('/api/units/')) return f.unitsA[0] ?? 0;
  if (url.startsWith('/api/residents/')) return f.residentsA[0] ?? 0;
  if (url.startsWith('/api/staff/')) return f.users.agent_a;
  return 1;
}

describe('every GET answer matches its response schema', () => {
  it('answers no 500 to the administrator', async () => {
    const f = t.fixture;
    // The queries the list routes need (others ignore what they do not declare).
    const query = new URLSearchParams({
      projectId: String(f.projectA),
      unitId: String(f.unitsA[0]),
      number: '13800000000',
      text: '漏水',
      from: '2026-01-01',
      to: '2027-01-01',
      month: '2026-11',
    });
    const listQuery = new URLSearchParams({ projectId: String(f.projectA) });
    const skip = (url: string) =>
      url.startsWith('/api/portal/') ||
      url.startsWith('/api/docs') ||
      url.includes('*') ||
      ['/api/live', '/api/openapi.json', '/api/ivr/audio/:file', '/api/mail/attachments/:id'].includes(url);
    const failed: string[] = [];
    for (const { method, url } of t.app.routeTable) {
      if (method !== 'GET' || skip(url)) continue;
      const path = url.replace(/:id\b/, String(idFor(url)));
      // These two take instants, not dates, for from/to: the default range is what they are read with.
      const own = ['/api/tickets', '/api/qa/reviews'].includes(url) ? listQuery : query;
      const res = await t.request('GET', `${path}?${own}`, { token: admin });
      if (res.statusCode >= 500) failed.push(`GET ${path}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(failed).toEqual([]);
  });
});

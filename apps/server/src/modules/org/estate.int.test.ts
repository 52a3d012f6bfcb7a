import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await createTestServer();
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

describe('estate archive', () => {
  it('builds project → building → unit and shows it in the tree', async () => {
    const p = await t.request('POST', '/api/projects', {
      token: admin,
      body: {
        code: 'C',
        name: '滨江壹号',
        address: '上海市浦东新区滨江大道1号',
        households: 320,
        areaM2: 45000.5,
        areaCode: '021',
      },
    });
    expect(p.statusCode, p.body).toBe(201);
    const project = p.json() as { id: number; businessHours: { weekdays: unknown[][] } };
    expect(project.businessHours.weekdays).toHaveLength(7);
    const b = await t.request('POST', '/api/buildings', {
      token: admin,
      body: { projectId: project.id, code: '3', name: '3号楼', floors: 26, entrances: 2 },
    });
    expect(b.statusCode, b.body).toBe(201);
    const building = b.json() as { id: number; version: number };
    const u = await t.request('POST', '/api/units', {
      token: admin,
      body: {
        buildingId: building.id,
        entrance: '2',
        floor: 12,
        room: '1201',
        areaM2: 128.4,
        status: '已入住',
      },
    });
    expect(u.statusCode, u.body).toBe(201);
    expect(u.json()).toMatchObject({ label: '3-2-1201', projectId: project.id, type: '住宅' });
    const tree = (await t.request('GET', '/api/estate/tree', { token: admin })).json() as {
      items: { id: number; buildings: { id: number; units: number }[] }[];
    };
    expect(tree.items.find((x) => x.id === project.id)?.buildings).toEqual([
      expect.objectContaining({ id: building.id, units: 1 }),
    ]);

    // Renaming the building code keeps unit labels searchable under the new code.
    const renamed = await t.request('PATCH', `/api/buildings/${building.id}`, {
      token: admin,
      body: { code: '3A', version: building.version },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const units = (
      await t.request('GET', `/api/units?projectId=${project.id}&q=3A-2`, { token: admin })
    ).json() as { items: { label: string }[] };
    expect(units.items.map((x) => x.label)).toEqual(['3A-2-1201']);
  });

  it('lists units with filters in natural order and paginates', async () => {
    const res = await t.request(
      'GET',
      `/api/units?buildingId=${t.fixture.buildingsA[0]}&status=${encodeURIComponent('已入住')}&pageSize=3`,
      { token: admin },
    );
    const body = res.json() as { items: { label: string }[]; total: number; pageSize: number };
    expect(body.total).toBe(4);
    expect(body.items.map((x) => x.label)).toEqual(['1-1-101', '1-1-201', '1-2-102']);
  });

  it('a partial unit update keeps its type and status', async () => {
    const id = t.fixture.unitsB[0]!;
    const before = (await t.request('GET', `/api/units/${id}`, { token: admin })).json() as {
      type: string;
      status: string;
      version: number;
    };
    const res = await t.request('PATCH', `/api/units/${id}`, {
      token: admin,
      body: { areaM2: 210.5, version: before.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ type: before.type, status: before.status, areaM2: 210.5 });
  });

  it('rejects invalid estate input with field details', async () => {
    const res = await t.request('POST', '/api/units', {
      token: admin,
      body: { buildingId: t.fixture.buildingsA[0], room: '12-01', type: '别墅' },
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json() as { error: { details: { path: string }[] } }).error.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.room', 'body.type']));
    const hours = await t.request('PATCH', `/api/projects/${t.fixture.projectA}`, {
      token: admin,
      body: {
        version: 1,
        businessHours: { weekdays: [[{ start: '18:00', end: '08:00' }], [], [], [], [], [], []] },
      },
    });
    expect(hours.statusCode).toBe(400);
  });

  it('only company-wide staff create projects; scoped writers edit their own', async () => {
    const manager = await t.login('manager_b');
    expect(
      (await t.request('POST', '/api/projects', { token: manager, body: { code: 'Z', name: '越权' } }))
        .statusCode,
    ).toBe(403);
    const edit = await t.request('PATCH', `/api/projects/${t.fixture.projectB}`, {
      token: manager,
      body: { servicePhone: '010-88886666', version: 1 },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ servicePhone: '010-88886666', version: 2 });
  });
});

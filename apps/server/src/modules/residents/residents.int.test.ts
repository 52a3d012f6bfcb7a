import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';

interface ResidentView {
  id: number;
  name: string;
  version: number;
  phones: { number: string; e164: string | null }[];
  idNumber: string | null;
  units: { unitId: number; label: string; relation: string }[];
  piiMasked: boolean;
  vip: boolean;
  tags: string[];
}
type Page = { items: ResidentView[]; total: number };

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await createTestServer();
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

describe('residents', () => {
  it('creates a resident with normalised phones, units and an audit event', async () => {
    const res = await t.request('POST', '/api/residents', {
      token: admin,
      body: {
        projectId: t.fixture.projectA,
        name: '单雪梅',
        phones: ['+86 139-1122-3344', '(021) 6888 0000', '13911223344'],
        idNumber: '11010119900307109x',
        units: [{ unitId: t.fixture.unitsA[2], relation: '租户' }],
        vip: true,
        tags: ['独居老人'],
        birthday: '1990-03-07',
        preferredChannel: 'wechat',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json() as ResidentView;
    expect(r.phones.map((p) => p.e164)).toEqual(['+8613911223344', '+862168880000']);
    expect(r.idNumber).toBe('11010119900307109X');
    expect(r.units).toEqual([
      expect.objectContaining({ unitId: t.fixture.unitsA[2], label: '1-1-201', relation: '租户' }),
    ]);
    const events = (
      await t.request('GET', `/api/events?entityType=resident&entityId=${r.id}`, { token: admin })
    ).json() as {
      items: { action: string; actorId: number; after: { idNumber: string } }[];
    };
    expect(events.items[0]).toMatchObject({ action: 'resident.created', actorId: t.fixture.users.admin });
    // The audit log never stores the ID number itself.
    expect(JSON.stringify(events.items)).not.toContain('11010119900307109X');
  });

  it('rejects invalid phones, ID numbers and units of another project', async () => {
    const bad = await t.request('POST', '/api/residents', {
      token: admin,
      body: { projectId: t.fixture.projectA, name: '错', phones: ['12345'], idNumber: '110101199003071234' },
    });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json() as { error: { details: { path: string }[] } }).error.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.phones.0', 'body.idNumber']));
    const crossUnit = await t.request('POST', '/api/residents', {
      token: admin,
      body: {
        projectId: t.fixture.projectA,
        name: '跨',
        units: [{ unitId: t.fixture.unitsB[0], relation: '业主' }],
      },
    });
    expect(crossUnit.statusCode).toBe(400);
    expect(crossUnit.json()).toMatchObject({ error: { details: { unitIds: [t.fixture.unitsB[0]] } } });
  });

  it.each([
    ['name prefix', '王', ['王芳']],
    ['pinyin initials', 'zw', ['张伟']],
    ['full pinyin', 'wangfang', ['王芳']],
    ['full mobile', '138 1234 5678', ['张伟']],
    ['+86 mobile', '+8613812345678', ['张伟']],
    ['phone tail', '0001', ['王芳']],
    ['landline with area code', '02168881234', ['李娜']],
    ['房号', '1-1-101', ['张伟']],
    ['房号 in words', '1栋2单元102', ['王芳']],
    ['building prefix', '2-', ['李娜']],
  ])('finds by %s (%s)', async (_label, q, names) => {
    const res = await t.request(
      'GET',
      `/api/residents?projectId=${t.fixture.projectA}&q=${encodeURIComponent(q)}`,
      { token: admin },
    );
    expect(res.statusCode).toBe(200);
    expect((res.json() as Page).items.map((r) => r.name).sort()).toEqual(names);
  });

  it('filters by building, unit, relation, VIP and tag, and paginates', async () => {
    const f = t.fixture;
    const byBuilding = (
      await t.request('GET', `/api/residents?buildingId=${f.buildingsA[1]}`, { token: admin })
    ).json() as Page;
    expect(byBuilding.items.map((r) => r.name)).toEqual(['李娜']);
    const vip = (
      await t.request('GET', `/api/residents?projectId=${f.projectA}&vip=true`, { token: admin })
    ).json() as Page;
    expect(vip.items.every((r) => r.vip)).toBe(true);
    expect(vip.items.map((r) => r.name)).toContain('王芳');
    const tagged = (
      await t.request('GET', `/api/residents?tag=${encodeURIComponent('独居老人')}`, { token: admin })
    ).json() as Page;
    expect(tagged.items.map((r) => r.name)).toEqual(['单雪梅']);
    const page = (
      await t.request('GET', `/api/residents?projectId=${f.projectA}&page=2&pageSize=2`, { token: admin })
    ).json() as Page & { page: number };
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(2);
  });

  it('masks phones and ID numbers for roles without pii.view', async () => {
    const qa = await t.login('qa_a');
    const list = (await t.request('GET', `/api/residents?q=zw`, { token: qa })).json() as Page;
    const r = list.items[0]!;
    expect(r.piiMasked).toBe(true);
    expect(r.phones[0]?.number).toBe('138****5678');
    expect(r.phones[0]?.e164).toBeNull();
    expect(r.idNumber).toBe('110101********1233');
    // The 班长 holds pii.view; the 座席 no longer does (issue 13: ID numbers masked for agents).
    const lead = await t.login('lead_a');
    const full = (await t.request('GET', `/api/residents/${r.id}`, { token: lead })).json() as ResidentView;
    expect(full.phones[0]?.number).toBe('13812345678');
    const agent = await t.login('agent_a');
    const seat = (await t.request('GET', `/api/residents/${r.id}`, { token: agent })).json() as ResidentView;
    expect(seat).toMatchObject({ piiMasked: true, idNumber: '110101********1233' });
  });

  it('updates with a version check: a stale edit answers 409 and loses nothing', async () => {
    const id = t.fixture.residentsA[0]!;
    const current = (await t.request('GET', `/api/residents/${id}`, { token: admin })).json() as ResidentView;
    const first = await t.request('PATCH', `/api/residents/${id}`, {
      token: admin,
      body: { name: '张伟明', version: current.version },
    });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await t.request('PATCH', `/api/residents/${id}`, {
      token: admin,
      body: { notes: '覆盖', version: current.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      error: {
        code: 'version_conflict',
        details: { expected: current.version, actual: current.version + 1 },
      },
    });
    const after = (
      await t.request('GET', `/api/residents/${id}`, { token: admin })
    ).json() as ResidentView & { notes: string | null };
    expect(after.name).toBe('张伟明');
    expect(after.notes).toBeNull();
    // The renamed resident is found under the new pinyin.
    const found = (await t.request('GET', '/api/residents?q=zwm', { token: admin })).json() as Page;
    expect(found.items.map((r) => r.id)).toEqual([id]);
  });

  it('a partial update leaves every field it did not send alone', async () => {
    const id = t.fixture.residentsA[1]!;
    const before = (await t.request('GET', `/api/residents/${id}`, { token: admin })).json() as ResidentView;
    const res = await t.request('PATCH', `/api/residents/${id}`, {
      token: admin,
      body: { notes: '只改备注', version: before.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as ResidentView;
    expect(after.phones).toEqual(before.phones);
    expect(after.units).toEqual(before.units);
    expect(after.vip).toBe(before.vip);
    expect(after.tags).toEqual(before.tags);
  });

  it('staff without pii.view can edit everything but the masked fields', async () => {
    const created = await t.request('POST', '/api/roles', {
      token: admin,
      body: {
        code: 'clerk_a',
        name: '档案员',
        permissions: ['estate.read', 'residents.read', 'residents.write'],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const roleId = (created.json() as { id: number }).id;
    await t.request('POST', '/api/staff', {
      token: admin,
      body: {
        username: 'clerk_a',
        displayName: '档案员甲',
        password: 'clerk-pass-1',
        roleIds: [roleId],
        projectIds: [t.fixture.projectA],
      },
    });
    const clerk = await t.login('clerk_a', 'clerk-pass-1');
    const id = t.fixture.residentsA[2]!;
    const r = (await t.request('GET', `/api/residents/${id}`, { token: clerk })).json() as ResidentView;
    expect(r.piiMasked).toBe(true);
    const ok = await t.request('PATCH', `/api/residents/${id}`, {
      token: clerk,
      body: { tags: ['热心业主'], version: r.version },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as ResidentView).phones).toHaveLength(1);
    const refused = await t.request('PATCH', `/api/residents/${id}`, {
      token: clerk,
      body: { phones: ['13800001111'], version: r.version + 1 },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('concurrent edits of one version: exactly one wins', async () => {
    const id = t.fixture.residentsA[1]!;
    const { version } = (
      await t.request('GET', `/api/residents/${id}`, { token: admin })
    ).json() as ResidentView;
    const results = await Promise.all(
      ['甲', '乙', '丙'].map((notes) =>
        t.request('PATCH', `/api/residents/${id}`, { token: admin, body: { notes, version } }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
  });

  it('refuses phone edits from staff who only see masked numbers', async () => {
    const qa = await t.login('qa_a');
    const id = t.fixture.residentsA[2]!;
    const { version } = (
      await t.request('GET', `/api/residents/${id}`, { token: admin })
    ).json() as ResidentView;
    // qa has no residents.write at all
    expect(
      (await t.request('PATCH', `/api/residents/${id}`, { token: qa, body: { notes: 'x', version } }))
        .statusCode,
    ).toBe(403);
  });
});

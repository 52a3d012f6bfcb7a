import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await createTestServer();
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

interface StaffView {
  id: number;
  version: number;
  roles: { code: string }[];
  projectIds: number[];
  phone: string | null;
}

describe('staff and roles', () => {
  it('seeds the default roles of requirements §4, the 收费员 of the 收费中心 and the 片区管家', async () => {
    const roles = (await t.request('GET', '/api/roles', { token: admin })).json() as {
      items: { name: string }[];
    };
    expect(roles.items.map((r) => r.name)).toEqual([
      '系统管理员',
      '项目经理',
      '客服主管',
      '客服班长',
      '客服/座席',
      '质检员',
      '专家',
      '工程主管',
      '维修工',
      '安管',
      '收费员',
      '管家',
      '保洁',
      '品质部',
      '财务',
    ]);
  });

  it('creates staff who can log in with the given role and scope', async () => {
    const res = await t.request('POST', '/api/staff', {
      token: admin,
      body: {
        username: 'plumber1',
        displayName: '赵师傅',
        password: 'pipe-pass-1',
        phone: '13700001111',
        department: '工程部',
        skills: ['水', '管道'],
        roleIds: [t.fixture.roleIds.technician],
        projectIds: [t.fixture.projectA],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const staff = res.json() as StaffView;
    expect(staff.roles.map((r) => r.code)).toEqual(['technician']);
    const token = await t.login('plumber1', 'pipe-pass-1');
    const me = (await t.request('GET', '/api/auth/me', { token })).json() as {
      permissions: string[];
      projectIds: number[];
    };
    expect(me.permissions).toEqual([
      'assets.read',
      'emergencies.report',
      'estate.read',
      'inspections.execute',
      'rectifications.handle',
      'workorders.execute',
    ]);
    expect(me.projectIds).toEqual([t.fixture.projectA]);
  });

  it('prevents privilege escalation through staff and role management', async () => {
    const lead = await t.login('lead_a');
    // cs_lead may read staff but not write them.
    const create = await t.request('POST', '/api/staff', {
      token: lead,
      body: { username: 'x1', displayName: 'x', password: 'xxxx-xxxx', roleIds: [t.fixture.roleIds.admin] },
    });
    expect(create.statusCode).toBe(403);
    // A project manager (staff.read only) cannot create roles either.
    const pm = await t.login('manager_b');
    expect(
      (
        await t.request('POST', '/api/roles', {
          token: pm,
          body: { code: 'boss', name: '老板', permissions: ['pii.view'] },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('a scoped staff writer cannot grant roles beyond its own permissions', async () => {
    const created = await t.request('POST', '/api/roles', {
      token: admin,
      // The technician role it grants below carries these (issues 3, 16 and 17).
      body: {
        code: 'hr_a',
        name: '人事',
        permissions: [
          'staff.read',
          'staff.write',
          'estate.read',
          'workorders.execute',
          'assets.read',
          'inspections.execute',
          'emergencies.report',
          'rectifications.handle',
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const hrRole = (created.json() as { id: number }).id;
    await t.request('POST', '/api/staff', {
      token: admin,
      body: {
        username: 'hr1',
        displayName: '人事甲',
        password: 'hr-pass-123',
        roleIds: [hrRole],
        projectIds: [t.fixture.projectA],
      },
    });
    const hr = await t.login('hr1', 'hr-pass-123');
    const escalate = await t.request('POST', '/api/staff', {
      token: hr,
      body: {
        username: 'evil',
        displayName: '越权',
        password: 'evil-pass-1',
        roleIds: [t.fixture.roleIds.admin],
        projectIds: [t.fixture.projectA],
      },
    });
    expect(escalate.statusCode).toBe(403);
    expect(escalate.json()).toMatchObject({
      error: { details: { permissions: expect.arrayContaining(['pii.view']) } },
    });
    const allowed = await t.request('POST', '/api/staff', {
      token: hr,
      body: {
        username: 'tech9',
        displayName: '钱师傅',
        password: 'tech-pass-9',
        roleIds: [t.fixture.roleIds.technician],
        projectIds: [t.fixture.projectA],
      },
    });
    expect(allowed.statusCode, allowed.body).toBe(201);
    // hr1 lacks pii.view: staff phones come masked.
    const list = (await t.request('GET', '/api/staff?q=agent', { token: hr })).json() as {
      items: StaffView[];
    };
    expect(list.items[0]?.phone).toBe('138****0000');
  });

  it('a partial update keeps roles, projects, skills and status', async () => {
    const before = (
      await t.request('GET', `/api/staff/${t.fixture.users.lead_a}`, { token: admin })
    ).json() as StaffView & { skills: string[]; active: boolean };
    const res = await t.request('PATCH', `/api/staff/${t.fixture.users.lead_a}`, {
      token: admin,
      body: { displayName: '班长甲（早班）', version: before.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as typeof before;
    expect(after.projectIds).toEqual(before.projectIds);
    expect(after.roles).toEqual(before.roles);
    expect(after.skills).toEqual(before.skills);
    expect(after.active).toBe(true);
  });

  it('deactivation and password reset end existing sessions at once', async () => {
    const token = await t.login('agent_a');
    const detail = (
      await t.request('GET', `/api/staff/${t.fixture.users.agent_a}`, { token: admin })
    ).json() as StaffView;
    const off = await t.request('PATCH', `/api/staff/${t.fixture.users.agent_a}`, {
      token: admin,
      body: { active: false, version: detail.version },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { token })).statusCode).toBe(401);
    expect(
      (
        await t.request('POST', '/api/auth/login', {
          body: { username: 'agent_a', password: 'test-pass-123' },
        })
      ).statusCode,
    ).toBe(401);
    const stale = await t.request('PATCH', `/api/staff/${t.fixture.users.agent_a}`, {
      token: admin,
      body: { active: true, version: detail.version },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('edits role permissions with validation and version checks', async () => {
    const roles = (await t.request('GET', '/api/roles', { token: admin })).json() as {
      items: { id: number; code: string; version: number }[];
    };
    const qa = roles.items.find((r) => r.code === 'qa')!;
    const bad = await t.request('PATCH', `/api/roles/${qa.id}`, {
      token: admin,
      body: { permissions: ['launch.rockets'], version: qa.version },
    });
    expect(bad.statusCode).toBe(400);
    const ok = await t.request('PATCH', `/api/roles/${qa.id}`, {
      token: admin,
      body: { permissions: ['estate.read', 'residents.read', 'audit.read'], version: qa.version },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const qaToken = await t.login('qa_a');
    expect((await t.request('GET', '/api/events', { token: qaToken })).statusCode).toBe(200);
  });
});

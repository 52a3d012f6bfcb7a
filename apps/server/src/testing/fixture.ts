import { unitLabel } from '@guanjia/shared';
import { eq } from 'drizzle-orm';
import { buildings, defaultBusinessHours, projects, units } from '../modules/org/schema';
import { insertResident } from '../modules/residents/create-resident';
import { hashPassword } from '../platform/auth/password';
import { userProjects, userRoles, users } from '../platform/auth/schema';
import type { Services } from '../platform/http/app-types';
import { bootstrapCompany } from '../seed/bootstrap';

export interface Fixture {
  companyId: number;
  roleIds: Record<string, number>;
  projectA: number;
  projectB: number;
  buildingsA: number[];
  buildingB: number;
  unitsA: number[];
  unitsB: number[];
  residentsA: number[];
  residentsB: number[];
  users: Record<
    | 'admin'
    | 'agent_a'
    | 'lead_a'
    | 'tech_a'
    | 'qa_a'
    | 'manager_b'
    | 'supervisor_a'
    | 'manager_a'
    | 'tech_a2'
    | 'tech_b',
    number
  >;
}

/**
 * Two projects so every route can be tested for scope leaks: staff of project A must never see B.
 * Small on purpose; the demo estate is the large data set.
 */
export async function seedFixture(services: Services, password: string): Promise<Fixture> {
  const { db } = services.database;
  const now = services.clock.now();
  const boot = await bootstrapCompany(db, services.clock, {
    companyName: '测试物业',
    code: 'test',
    adminPassword: password,
    passwordCost: services.config.passwordCost,
  });
  const [a, b] = await db
    .insert(projects)
    .values([
      {
        companyId: boot.companyId,
        code: 'A',
        name: '测试花园',
        areaCode: '021',
        businessHours: defaultBusinessHours(),
      },
      {
        companyId: boot.companyId,
        code: 'B',
        name: '测试大厦',
        kind: '写字楼',
        areaCode: '010',
        businessHours: defaultBusinessHours(),
      },
    ])
    .returning();
  if (!a || !b) throw new Error('fixture projects');
  const bRows = await db
    .insert(buildings)
    .values([
      { projectId: a.id, code: '1', name: '1号楼', floors: 18, entrances: 2 },
      { projectId: a.id, code: '2', name: '2号楼', floors: 18, entrances: 2 },
      { projectId: b.id, code: 'T1', name: 'T1栋', floors: 30, entrances: null },
    ])
    .returning();
  const unitRows = await db
    .insert(units)
    .values([
      ...bRows.slice(0, 2).flatMap((bl) =>
        ['101', '102', '201', '202'].map((room, i) => ({
          projectId: a.id,
          buildingId: bl.id,
          entrance: String(1 + (i % 2)),
          floor: Number(room.slice(0, 1)),
          room,
          label: unitLabel(bl.code, String(1 + (i % 2)), room),
          status: '已入住' as const,
          areaM2: 89.5,
        })),
      ),
      ...['1501', '1502'].map((room) => ({
        projectId: b.id,
        buildingId: bRows[2]!.id,
        floor: 15,
        room,
        label: unitLabel('T1', null, room),
        type: '办公' as const,
        status: '已入住' as const,
      })),
    ])
    .returning();
  const unitsA = unitRows.filter((u) => u.projectId === a.id).map((u) => u.id);
  const unitsB = unitRows.filter((u) => u.projectId === b.id).map((u) => u.id);
  const actor = { userId: null, companyId: boot.companyId, source: 'system' as const };
  const residentsA: number[] = [];
  const residentsB: number[] = [];
  const people: [number, string, string, number, number[]][] = [
    [a.id, '张伟', '13812345678', unitsA[0]!, residentsA],
    [a.id, '王芳', '13912340001', unitsA[1]!, residentsA],
    [a.id, '李娜', '021-68881234', unitsA[4]!, residentsA],
    [b.id, '刘洋', '13712345678', unitsB[0]!, residentsB],
    [b.id, '陈静', '13612340002', unitsB[1]!, residentsB],
  ];
  for (const [projectId, name, phone, unitId, list] of people) {
    const r = await insertResident(db, actor, now, {
      projectId,
      name,
      phones: [phone],
      units: [{ unitId, relation: '业主' }],
      idNumber: '110101199003071233',
      vip: name === '王芳',
      tags: [],
    });
    list.push(r.id);
  }
  const hash = await hashPassword(password, services.config.passwordCost);
  const staff: [keyof Fixture['users'], string, string, number[]][] = [
    ['agent_a', '座席甲', 'agent', [a.id]],
    ['lead_a', '班长甲', 'cs_lead', [a.id]],
    ['tech_a', '维修工甲', 'technician', [a.id]],
    ['qa_a', '质检甲', 'qa', [a.id]],
    ['manager_b', '经理乙', 'project_manager', [b.id]],
    // Service desk escalation chain of A (班长 → 主管 → 经理) and a second technician per project.
    ['supervisor_a', '主管甲', 'cs_supervisor', [a.id]],
    ['manager_a', '经理甲', 'project_manager', [a.id]],
    ['tech_a2', '维修工丙', 'technician', [a.id]],
    ['tech_b', '维修工乙', 'technician', [b.id]],
  ];
  const userIds = { admin: boot.adminId } as Fixture['users'];
  for (const [username, displayName, role, scope] of staff) {
    const [u] = await db
      .insert(users)
      .values({ companyId: boot.companyId, username, displayName, passwordHash: hash, phone: '13800000000' })
      .returning();
    if (!u) throw new Error('fixture user');
    await db.insert(userRoles).values({ userId: u.id, roleId: boot.roleIds[role]! });
    await db.insert(userProjects).values(scope.map((projectId) => ({ userId: u.id, projectId })));
    userIds[username] = u.id;
  }
  // Trades for dispatch by skill (both off duty until a test puts them on).
  await db
    .update(users)
    .set({ skills: ['水电'] })
    .where(eq(users.id, userIds.tech_a));
  await db
    .update(users)
    .set({ skills: ['水电', '木工'] })
    .where(eq(users.id, userIds.tech_a2));
  await db
    .update(users)
    .set({ skills: ['水电'] })
    .where(eq(users.id, userIds.tech_b));
  return {
    companyId: boot.companyId,
    roleIds: boot.roleIds,
    projectA: a.id,
    projectB: b.id,
    buildingsA: bRows.slice(0, 2).map((x) => x.id),
    buildingB: bRows[2]!.id,
    unitsA,
    unitsB,
    residentsA,
    residentsB,
    users: userIds,
  };
}

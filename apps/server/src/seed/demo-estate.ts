import { buildings, defaultBusinessHours, projects, units } from '../modules/org/schema';
import { phoneRows } from '../modules/residents/rules/phone-rows';
import { residentPhones, residents, residentUnits } from '../modules/residents/schema';
import { hashPassword } from '../platform/auth/password';
import { userProjects, userRoles, users } from '../platform/auth/schema';
import { recordEvent } from '../platform/events/record-event';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { insertUnnest, reserveIds } from './bulk';
import { PHONE_COLUMNS, RESIDENT_COLUMNS, RESIDENT_UNIT_COLUMNS, UNIT_COLUMNS } from './columns';
import { DEMO_PASSWORD, DEMO_STAFF, type DemoProjectKey } from './demo-staff';
import { planDemoEstate } from './estate-plan';
import { PinyinCache } from './pinyin-cache';
import { planResidents } from './population';

export { DEMO_PASSWORD, DEMO_STAFF, type DemoStaff } from './demo-staff';

/** Fixed seed: every first start builds the very same estate, so demo scripts and screenshots stay valid. */
export const DEMO_SEED = 20_240_601;

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The demo estate on a freshly bootstrapped company: 锦绣花园 (residential, ~1,800 units) and 云栖国际大厦
 * (offices, ~200 units), ~3,000 residents and one staff account per role. One transaction, bulk inserts.
 */
export async function seedDemoEstate(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  const now = services.clock.now();
  const plan = planDemoEstate(DEMO_SEED);
  const people = planResidents(DEMO_SEED, plan);
  const passwordHash = await hashPassword(DEMO_PASSWORD, services.config.passwordCost);
  const pinyin = new PinyinCache();

  const counts = await db.transaction(async (tx) => {
    const projectRows = await tx
      .insert(projects)
      .values(
        plan.map((p) => ({
          companyId: boot.companyId,
          code: p.code,
          name: p.name,
          kind: p.kind,
          address: p.address,
          households: p.households,
          areaM2: p.areaM2,
          servicePhone: p.servicePhone,
          areaCode: p.areaCode,
          businessHours: p.businessHours ?? defaultBusinessHours(),
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: projects.id, code: projects.code });
    const projectIds = plan.map((p) => {
      const row = projectRows.find((r) => r.code === p.code);
      if (!row) throw new Error(`project ${p.code} not inserted`);
      return row.id;
    });
    const projectIdOf = (index: number) => projectIds[index] as number;

    const buildingRows = await tx
      .insert(buildings)
      .values(
        plan.flatMap((p, i) =>
          p.buildings.map((b) => ({
            projectId: projectIdOf(i),
            code: b.code,
            name: b.name,
            floors: b.floors,
            entrances: b.entrances,
            sortOrder: b.sortOrder,
            createdAt: now,
            updatedAt: now,
          })),
        ),
      )
      .returning({ id: buildings.id, projectId: buildings.projectId, code: buildings.code });
    const buildingId = (projectId: number, code: string) => {
      const row = buildingRows.find((b) => b.projectId === projectId && b.code === code);
      if (!row) throw new Error(`building ${code} not inserted`);
      return row.id;
    };

    // Units: ids reserved up front, so residents can link to them without reading anything back.
    const unitList = plan.flatMap((p, pi) =>
      p.buildings.flatMap((b) =>
        b.units.map((u) => ({
          ...u,
          projectId: projectIdOf(pi),
          buildingId: buildingId(projectIdOf(pi), b.code),
        })),
      ),
    );
    const unitIds = await reserveIds(tx, units, unitList.length);
    const unitOffset: number[] = [];
    plan.reduce((offset, p, i) => {
      unitOffset[i] = offset;
      return offset + p.buildings.reduce((n, b) => n + b.units.length, 0);
    }, 0);
    const unitIdOf = (project: number, unit: number) => unitIds[(unitOffset[project] ?? 0) + unit] as number;
    await insertUnnest(
      tx,
      units,
      { id: 'bigint', ...UNIT_COLUMNS },
      unitList.map((u, i) => ({ ...u, id: unitIds[i] })),
      {
        overridingSystemValue: true,
        constants: { createdAt: ['timestamptz', now], updatedAt: ['timestamptz', now] },
      },
    );

    const residentIds = await reserveIds(tx, residents, people.length);
    await insertUnnest(
      tx,
      residents,
      { id: 'bigint', ...RESIDENT_COLUMNS },
      people.map((r, i) => {
        const py = pinyin.of(r.name);
        return {
          id: residentIds[i],
          projectId: projectIdOf(r.project),
          name: r.name,
          namePinyin: py.full,
          nameInitials: py.initials,
          gender: r.gender,
          idNumber: r.idNumber,
          email: r.email,
          vip: r.vip,
          tags: r.tags,
          birthday: r.birthday,
          preferredChannel: r.preferredChannel,
          notes: r.notes,
        };
      }),
      {
        overridingSystemValue: true,
        constants: { createdAt: ['timestamptz', now], updatedAt: ['timestamptz', now] },
      },
    );
    const phones = people.flatMap((r, i) =>
      phoneRows(residentIds[i] as number, projectIdOf(r.project), r.phones, plan[r.project]?.areaCode),
    );
    await insertUnnest(tx, residentPhones, PHONE_COLUMNS, phones);
    const links = people.flatMap((r, i) =>
      r.units.map((l) => ({
        residentId: residentIds[i] as number,
        unitId: unitIdOf(r.project, l.unit),
        projectId: projectIdOf(r.project),
        relation: l.relation,
      })),
    );
    await insertUnnest(tx, residentUnits, RESIDENT_UNIT_COLUMNS, links);

    // Staff: a handful of rows, one password hash for all of them.
    const projectOfKey = (key: DemoProjectKey) => projectIdOf(plan.findIndex((p) => p.key === key));
    const staffRows = await tx
      .insert(users)
      .values(
        DEMO_STAFF.map((s) => ({
          companyId: boot.companyId,
          username: s.username,
          displayName: s.displayName,
          phone: s.phone,
          department: s.department,
          skills: s.skills,
          passwordHash,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: users.id, username: users.username });
    const staffId = (username: string) => {
      const row = staffRows.find((u) => u.username === username);
      if (!row) throw new Error(`user ${username} not inserted`);
      return row.id;
    };
    await tx.insert(userRoles).values(
      DEMO_STAFF.map((s) => {
        const roleId = boot.roleIds[s.role];
        if (!roleId) throw new Error(`unknown role ${s.role}`);
        return { userId: staffId(s.username), roleId };
      }),
    );
    await tx
      .insert(userProjects)
      .values(
        DEMO_STAFF.flatMap((s) =>
          s.projects.map((key) => ({ userId: staffId(s.username), projectId: projectOfKey(key) })),
        ),
      );

    const summary = {
      projects: plan.length,
      buildings: buildingRows.length,
      units: unitList.length,
      residents: people.length,
      phones: phones.length,
      // The administrator created by bootstrap counts as staff too.
      staff: staffRows.length + 1,
    };
    await recordEvent(tx, { userId: null, companyId: boot.companyId, source: 'system' }, now, {
      action: 'demo.seeded',
      entityType: 'company',
      entityId: boot.companyId,
      after: { ...summary, projectCodes: plan.map((p) => p.code), staff: DEMO_STAFF.map((s) => s.username) },
    });
    return summary;
  });

  return `${counts.projects} projects, ${counts.buildings} buildings, ${fmt(counts.units)} units, ${fmt(counts.residents)} residents, ${counts.staff} staff`;
}

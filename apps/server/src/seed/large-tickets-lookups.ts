import { and, eq, sql } from 'drizzle-orm';
import { ensureCategoryTree } from '../modules/tickets/categories';
import { ticketCategories } from '../modules/tickets/schema';
import { hashPassword } from '../platform/auth/password';
import { roles, userProjects, userRoles, users } from '../platform/auth/schema';
import type { Db } from '../platform/db/client';
import { rowsOf } from './bulk';
import { DEMO_PASSWORD } from './demo-staff';
import type { CategoryChoice, TicketLookups } from './large-tickets-rows';

const TRADES = ['水电', '木工', '泥瓦', '弱电', '燃气', '电梯', '消防', '绿化', '保洁', '安管'];
/** 公共区域 categories residents complain about rather than report as a repair. */
const COMPLAINT_AREAS = new Set(['绿化', '保洁', '秩序', '停车']);

/**
 * The 压测小区's service desk: a project manager (yc_pm, for reports), 20 agents and 40 technicians,
 * all with the demo password, created once. Returns the agents' and technicians' ids.
 */
export async function ensureLargeStaff(db: Db, companyId: number, projectId: number, now: Date) {
  const people = [
    { username: 'yc_pm', role: 'project_manager', skills: [] as string[] },
    ...Array.from({ length: 20 }, (_, i) => ({
      username: `yc_agent_${i + 1}`,
      role: 'agent',
      skills: [] as string[],
    })),
    ...Array.from({ length: 40 }, (_, i) => ({
      username: `yc_tech_${i + 1}`,
      role: 'technician',
      skills: [TRADES[i % TRADES.length] as string],
    })),
  ];
  const existing = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(eq(users.companyId, companyId));
  const have = new Map(existing.map((u) => [u.username, u.id]));
  const missing = people.filter((p) => !have.has(p.username));
  if (missing.length) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const roleRows = await db
      .select({ id: roles.id, code: roles.code })
      .from(roles)
      .where(eq(roles.companyId, companyId));
    const roleId = (code: string) => roleRows.find((r) => r.code === code)?.id;
    const created = await db
      .insert(users)
      .values(
        missing.map((p, i) => ({
          companyId,
          username: p.username,
          displayName: `${p.role === 'agent' ? '压测坐席' : p.role === 'technician' ? '压测师傅' : '压测项目经理'}${i + 1}`,
          department: '压测小区项目部',
          skills: p.skills,
          passwordHash,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: users.id, username: users.username });
    for (const u of created) have.set(u.username, u.id);
    await db.insert(userRoles).values(
      created.map((u) => ({
        userId: u.id,
        roleId: roleId(missing.find((p) => p.username === u.username)!.role)!,
      })),
    );
    await db.insert(userProjects).values(created.map((u) => ({ userId: u.id, projectId })));
  }
  const idsOf = (role: string) => people.filter((p) => p.role === role).map((p) => have.get(p.username)!);
  return { agents: idsOf('agent'), technicians: idsOf('technician') };
}

/** Leaves of the company tree by what a ticket of each kind would be filed under. */
async function categories(db: Db, companyId: number): Promise<TicketLookups['categories']> {
  await ensureCategoryTree(db, companyId);
  const leaves = await db
    .select({ id: ticketCategories.id, pathNames: ticketCategories.pathNames })
    .from(ticketCategories)
    .where(and(eq(ticketCategories.companyId, companyId), eq(ticketCategories.level, 3)))
    .orderBy(ticketCategories.id);
  const out: TicketLookups['categories'] = { repair: [], complaint: [], service: [] };
  for (const leaf of leaves as CategoryChoice[]) {
    const [place, category] = leaf.pathNames.split('/');
    if (place === '服务') out[category === '业务咨询' ? 'service' : 'complaint'].push(leaf);
    else if (place === '公共区域' && COMPLAINT_AREAS.has(category ?? '')) out.complaint.push(leaf);
    else out.repair.push(leaf);
  }
  return out;
}

/** Everything the generated rows point at: residents with their unit and first phone, categories, staff. */
export async function loadTicketLookups(
  db: Db,
  companyId: number,
  projectId: number,
  now: Date,
): Promise<TicketLookups> {
  const staff = await ensureLargeStaff(db, companyId, projectId, now);
  const result = await db.execute(sql`
    select r.id, r.name, ru.unit_id, u.label,
           (select p.e164 from resident_phones p where p.resident_id = r.id order by p.position limit 1) as phone
      from residents r
      join resident_units ru on ru.resident_id = r.id
      join units u on u.id = ru.unit_id
     where r.project_id = ${projectId}
     order by r.id`);
  const residents = rowsOf(result).map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    phone: r.phone === null ? null : String(r.phone),
    unitId: Number(r.unit_id),
    unitLabel: String(r.label),
  }));
  return { projectId, companyId, residents, categories: await categories(db, companyId), ...staff };
}

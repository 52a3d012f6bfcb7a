import { eq, sql } from 'drizzle-orm';
import { closeEmergency, moveEmergency, writeReport } from '../modules/emergencies/lifecycle';
import { stepsOf } from '../modules/emergencies/load';
import { notifyResidents } from '../modules/emergencies/notify-residents';
import { openEmergency } from '../modules/emergencies/open-emergency';
import { ensureDefaultPlans } from '../modules/emergencies/plans';
import { writeReview } from '../modules/emergencies/review';
import { dutyShifts, emergencies } from '../modules/emergencies/schema';
import { ackStep, checkinStep } from '../modules/emergencies/step-actions';
import { buildings, projects } from '../modules/org/schema';
import type { AuthContext } from '../platform/auth/context';
import { users } from '../platform/auth/schema';
import { zonedParts } from '../platform/clock/zoned';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { firstProject, seedAdmin } from './demo-context';

const DAY = 86_400_000;

/**
 * 应急 demo: the standard plans on every project, a two-week 值班表 for 锦绣花园, last month's 重大 fire
 * with its review and rectification items, a fire drill announced five days ahead and a burst pipe
 * running now — all through the real commands, the closed one moved back in time afterwards.
 */
export async function seedDemoEmergencies(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  const now = services.clock.now();
  const system = { userId: null, companyId: boot.companyId, source: 'system' as const };
  const all = await db
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.companyId, boot.companyId));
  let plans = 0;
  for (const p of all)
    plans += await db.transaction((tx) => ensureDefaultPlans(tx, system, now, boot.companyId, p.id));
  const project = await firstProject(db, boot.companyId);
  if (!project) return `${plans} emergency plans`;
  const staff = await db
    .select({ id: users.id, username: users.username, name: users.displayName })
    .from(users)
    .where(eq(users.companyId, boot.companyId));
  const id = (username: string) => staff.find((s) => s.username === username)?.id ?? boot.adminId;
  const as = (username: string): AuthContext => ({
    ...seedAdmin(boot, [project.id]),
    userId: id(username),
    username,
    displayName: staff.find((s) => s.username === username)?.name ?? username,
  });
  // Two weeks from yesterday (yesterday's night shift covers the small hours of today).
  const rows = [];
  for (let d = -1; d < 14; d++) {
    const p = zonedParts(new Date(now.getTime() + d * DAY), project.timezone);
    const date = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
    const shift = (
      role: (typeof dutyShifts.$inferInsert)['role'],
      username: string,
      startTime: string,
      endTime: string,
    ) => ({
      companyId: boot.companyId,
      projectId: project.id,
      role,
      userId: id(username),
      date,
      startTime,
      endTime,
    });
    rows.push(
      shift('team_leader', 'cs_lead', '08:00', '20:00'),
      shift('team_leader', 'security1', '20:00', '08:00'),
      shift('butler', d % 2 ? 'agent1' : 'agent2', '08:00', '20:00'),
      shift('butler', 'agent3', '20:00', '08:00'),
      shift('project_head', 'pm_jinxiu', '08:00', '08:00'),
      shift('emergency_team', 'eng_supervisor', '08:00', '08:00'),
      shift('emergency_team', d % 2 ? 'tech_plumber' : 'tech_electric', '08:00', '08:00'),
      shift('company_duty', 'cs_supervisor', '09:00', '09:00'),
    );
  }
  await db.insert(dutyShifts).values(rows);

  const blocks = await db.select().from(buildings).where(eq(buildings.projectId, project.id)).limit(3);
  const [b1, , b3] = [blocks[0], blocks[1], blocks[2] ?? blocks[0]];
  const closed = await closedMajorFire(services, as, project.id, b1?.id ?? null, b1?.name ?? '1号楼');
  await openEmergency(services, as('pm_jinxiu'), {
    projectId: project.id,
    type: '火灾',
    level: '一般',
    place: '小区中心广场',
    description: '年度消防疏散演习：模拟 2 号楼 6 层厨房起火，全员疏散至中心广场。',
    photoUploadIds: [],
    drill: true,
    drillStartsAt: new Date(now.getTime() + 5 * DAY).toISOString(),
    buildingId: null,
  });
  const running = await openEmergency(services, as('security1'), {
    projectId: project.id,
    type: '爆管',
    level: '一般',
    place: `${b3?.name ?? '3号楼'}地下室`,
    description: '巡逻发现地下室消防水管爆裂，水已漫过车位，已关闭就近阀门。',
    photoUploadIds: [],
    drill: false,
    buildingId: b3?.id ?? null,
  });
  const first = (await stepsOf(db, running.id))[0];
  if (first) await ackStep(services, as('cs_lead'), running.id, first.id);
  return `${plans} emergency plans, ${rows.length} duty shifts, emergencies ${closed}, drill, ${running.number}`;
}

/** Last month's 重大 fire: handled, reported, reviewed with rectification items, closed. */
async function closedMajorFire(
  services: Services,
  as: (username: string) => AuthContext,
  projectId: number,
  buildingId: number | null,
  buildingName: string,
): Promise<string> {
  const { db } = services.database;
  const e = await openEmergency(services, as('security1'), {
    projectId,
    type: '火灾',
    level: '重大',
    place: `${buildingName}地下车库B区`,
    description: '电动车充电时起火，烟雾进入楼梯间，已启动喷淋。',
    photoUploadIds: [],
    drill: false,
    buildingId,
  });
  const steps = await stepsOf(db, e.id);
  const by: Record<string, string> = { leader: 'security1', head: 'pm_jinxiu', company: 'cs_supervisor' };
  for (const s of steps) {
    if (s.proof === 'ack') await ackStep(services, as(by[s.key] ?? 'cs_lead'), e.id, s.id);
    if (s.proof === 'checkin')
      await checkinStep(services, as('pm_jinxiu'), e.id, s.id, { lat: 31.23, lng: 121.47 });
    if (s.proof === 'notice')
      await notifyResidents(services, as('agent1'), e.id, {
        residentText: '尊敬的{{resident.name}}：地下车库发生火情，已扑灭，正在排烟，请暂勿进入车库。',
      });
  }
  let cur = await moveEmergency(services, as('pm_jinxiu'), e.id, {
    to: '已控制',
    version: (await fresh(services, e.id)).version,
  });
  cur = await writeReport(services, as('security1'), e.id, {
    cause: '住户在车位私拉电线为电动车充电，电池过热起火。',
    handling: '安管发现后立即使用灭火器扑救并启动喷淋，班长组织疏散 B 区车辆，项目经理到场协调消防。',
    aftermath: '排烟 2 小时，清理积水，受损车辆 3 台协助住户报保险。',
    result: '火情 15 分钟内控制，无人员伤亡。',
    version: cur.version,
  });
  await writeReview(services, as('pm_jinxiu'), e.id, {
    cause: '车库缺少集中充电设施，私拉电线巡查未覆盖夜间。',
    course: '02:10 发现起火，02:11 报告班长，02:25 控制火情，04:30 排烟完毕。',
    evaluation: '报告与到场及时；公司值班领导报告超时 2 分钟，住户通知在 10 分钟内完成。',
    rewardsPenalties: '表扬安管黄志强处置果断；夜班巡查漏查私拉电线，扣班组月度考核 2 分。',
    rectifications: [
      {
        title: '地下车库增设电动车集中充电桩',
        ownerId: as('eng_supervisor').userId,
        dueDate: isoDay(services, 20),
      },
      {
        title: '夜间巡查路线加入车库充电检查点',
        ownerId: as('cs_lead').userId,
        dueDate: isoDay(services, -5),
      },
    ],
  });
  await closeEmergency(services, as('pm_jinxiu'), e.id, (await fresh(services, e.id)).version);
  // Move the record to last month, with realistic minutes per step (the company step 2 minutes late).
  const shift = `interval '25 days'`;
  await db.execute(
    sql.raw(`update emergencies set number = 'YJ' || to_char((started_at - ${shift}) at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-' || id,
    started_at = started_at - ${shift}, confirmed_at = confirmed_at - ${shift},
    on_site_at = on_site_at - ${shift}, controlled_at = started_at - ${shift} + interval '15 minutes',
    ended_at = started_at - ${shift} + interval '140 minutes', closed_at = closed_at - interval '20 days',
    created_at = created_at - ${shift} where id = ${e.id}`),
  );
  const minutes: Record<string, number> = {
    leader: 0.5,
    head: 3,
    company: 12,
    onsite: 4.5,
    notify: 9,
    report: 300,
  };
  for (const s of steps)
    await db.execute(
      sql.raw(`update emergency_steps set due_at = due_at - ${shift},
      done_at = (select started_at from emergencies where id = ${e.id}) + interval '${(minutes[s.key] ?? 5) * 60} seconds'
      where id = ${s.id}`),
    );
  await db.execute(
    sql.raw(
      `update events set occurred_at = occurred_at - ${shift} where entity_type = 'emergency' and entity_id = '${e.id}'`,
    ),
  );
  await db.execute(
    sql.raw(
      `update emergency_rectifications set done_at = now() - interval '3 days' where emergency_id = ${e.id} and due_date < current_date`,
    ),
  );
  return `${e.id} (重大, closed)`;
}

async function fresh(services: Services, id: number) {
  const [row] = await services.database.db.select().from(emergencies).where(eq(emergencies.id, id));
  if (!row) throw new Error('emergency vanished');
  return row;
}

function isoDay(services: Services, days: number): string {
  return new Date(services.clock.now().getTime() + days * DAY).toISOString().slice(0, 10);
}

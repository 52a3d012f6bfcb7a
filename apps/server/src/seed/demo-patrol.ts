import type { CreatePatrolRouteBody } from '@guanjia/shared/api';
import { eq, inArray } from 'drizzle-orm';
import { createRoute } from '../modules/patrol/create-route';
import { closePatrol, generatePatrols, writePatrol } from '../modules/patrol/generate-patrols';
import { gradeOf, patrolStatusOf } from '../modules/patrol/rules/grade';
import { patrolStarts } from '../modules/patrol/rules/schedule';
import { patrolChecks, patrols } from '../modules/patrol/schema';
import { users } from '../platform/auth/schema';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { firstProject, seedAdmin } from './demo-context';
import { createRng } from './prng';

const MINUTE = 60_000;

const NIGHT: Omit<CreatePatrolRouteBody, 'projectId'> = {
  name: '安管夜间巡更',
  kind: 'security',
  schedule: { from: '20:00', to: '06:00', everyMinutes: 120, weekdays: [] },
  toleranceMinutes: 10,
  active: true,
  points: [
    ['AG-01', '南大门岗亭', '南大门'],
    ['AG-02', '1号楼大堂', '1号楼一层'],
    ['AG-03', '地下车库入口', '地下车库B1'],
    ['AG-04', '儿童游乐场', '中心花园'],
    ['AG-05', '3号楼消防通道', '3号楼北侧'],
    ['AG-06', '水景池', '中心花园东侧'],
    ['AG-07', '北门岗亭', '北门'],
    ['AG-08', '垃圾中转站', '小区西北角'],
  ].map(([code, name, place], i) => ({ code: code!, name: name!, place: place!, offsetMinutes: i * 10 })),
};

const PLANT: Omit<CreatePatrolRouteBody, 'projectId'> = {
  name: '工程日常巡检',
  kind: 'engineering',
  schedule: { from: '09:00', to: '09:30', everyMinutes: 1440, weekdays: [] },
  toleranceMinutes: 15,
  active: true,
  points: [
    ['GC-01', '高低压配电房', '地下一层配电房'],
    ['GC-02', '生活水泵房', '地下二层水泵房'],
    ['GC-03', '消防水泵房', '地下二层消防泵房'],
    ['GC-04', '1号楼电梯机房', '1号楼屋顶'],
    ['GC-05', '柴油发电机房', '地下一层'],
    ['GC-06', '中央空调机房', '会所地下一层'],
  ].map(([code, name, place], i) => ({ code: code!, name: name!, place: place!, offsetMinutes: i * 15 })),
};

/**
 * 巡更 and 巡检 in the first estate: two routes, a week of patrols walked by 安管 and a technician
 * (mostly on time, a few late, one point missed), and the coming day's patrols waiting.
 */
export async function seedDemoPatrol(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  const project = await firstProject(db, boot.companyId);
  if (!project) return 'no patrols';
  const admin = seedAdmin(boot, [project.id]);
  const people = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, ['security1', 'tech_general']));
  const who = (name: string) => people.find((p) => p.username === name)?.id ?? boot.adminId;
  const now = services.clock.now();
  const rng = createRng(16);
  let walked = 0;
  for (const [plan, walker] of [
    [NIGHT, who('security1')],
    [PLANT, who('tech_general')],
  ] as const) {
    const route = await createRoute(services, admin, { ...plan, projectId: project.id });
    const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
    const starts = patrolStarts(
      route.schedule,
      weekAgo,
      new Date(now.getTime() - 3 * 3_600_000),
      project.timezone,
    );
    await db.transaction(async (tx) => {
      for (const [n, start] of starts.entries()) {
        const p = await writePatrol(tx, route, start, 30, project.timezone);
        if (!p) continue;
        const checks = await tx.select().from(patrolChecks).where(eq(patrolChecks.patrolId, p.id));
        for (const c of checks) {
          // One point of one night is left unscanned: the demo's 漏检.
          if (plan === NIGHT && n === 3 && c.seq === 5) continue;
          const late = rng.chance(0.08);
          const scannedAt = new Date(
            late
              ? c.windowTo.getTime() + rng.int(3, 20) * MINUTE
              : c.windowFrom.getTime() +
                  rng.int(1, Math.max(1, (c.windowTo.getTime() - c.windowFrom.getTime()) / MINUTE - 1)) *
                    MINUTE,
          );
          await tx
            .update(patrolChecks)
            .set({
              scannedAt,
              scannedById: walker,
              grade: gradeOf({ ...c, scannedAt }, p.closesAt, scannedAt),
            })
            .where(eq(patrolChecks.id, c.id));
        }
        const scanned =
          checks.length -
          (await tx.select().from(patrolChecks).where(eq(patrolChecks.patrolId, p.id))).filter(
            (c) => !c.scannedAt,
          ).length;
        if (scanned === checks.length)
          await tx
            .update(patrols)
            .set({ status: patrolStatusOf(scanned, checks.length, true), closedAt: p.closesAt })
            .where(eq(patrols.id, p.id));
        else await closePatrol(tx, p.id, now, { userId: null, companyId: boot.companyId, source: 'job' });
        walked++;
      }
    });
  }
  const upcoming = await generatePatrols(services, { projectId: project.id, now });
  return `${walked} patrols walked, ${upcoming} scheduled`;
}

import { asc, eq } from 'drizzle-orm';
import { sendOrHold } from '../modules/broadcasts/approval-gate';
import { createTemplate } from '../modules/broadcasts/create-template';
import { createIncident } from '../modules/incidents/create-incident';
import { buildings } from '../modules/org/schema';
import type { AuthContext } from '../platform/auth/context';
import type { Services } from '../platform/http/app-types';
import { AppError } from '../platform/http/errors';
import type { Bootstrap } from './bootstrap';
import { firstProject, seedAdmin } from './demo-context';

const HOUR = 3_600_000;

/** A send through the real gate: above the threshold it is held for approval instead (the demo's queue). */
export async function sendOrHoldForDemo<T>(services: Services, auth: AuthContext, send: () => Promise<T>) {
  try {
    return await sendOrHold(services, auth, send);
  } catch (error) {
    if (error instanceof AppError && error.code === 'approval_required') return null;
    throw error;
  }
}

const WATER =
  '【{小区}】尊敬的住户:因{原因},{楼栋}将于{开始时间}至{结束时间}停水,请提前储水。如有疑问请致电{服务电话}。';
const POWER =
  '【{小区}】尊敬的住户:因{原因},{楼栋}将于{开始时间}至{结束时间}停电,电梯同时停运,请提前做好准备。咨询电话{服务电话}。';
const SUDDEN =
  '【{小区}】{楼栋}因{原因}临时停水,正在抢修,预计{结束时间}恢复,给您带来不便敬请谅解。{服务电话}';

/**
 * Message templates (company-wide, one overridden by the first project), a planned water outage
 * announced ahead with reminders, and a whole-estate planned power cut held for a second person's
 * approval (it reaches more residents than the threshold).
 */
export async function seedDemoBroadcasts(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  const project = await firstProject(db, boot.companyId);
  if (!project) return '0 message templates';
  const admin = seedAdmin(boot, [project.id]);
  for (const [code, name, body] of [
    ['planned-water', '计划停水通知', WATER],
    ['planned-power', '计划停电通知', POWER],
    ['sudden-water', '临时停水通知', SUDDEN],
  ] as const)
    await createTemplate(services, admin, { code, kind: '短信', name, body });
  await createTemplate(services, admin, {
    projectId: project.id,
    code: 'planned-water',
    kind: '短信',
    name: '计划停水通知(本项目)',
    body: `${WATER}二次供水泵房位于地下一层,届时请勿使用热水器。`,
  });

  const blocks = await db
    .select()
    .from(buildings)
    .where(eq(buildings.projectId, project.id))
    .orderBy(asc(buildings.sortOrder), asc(buildings.id));
  const block = blocks[4] ?? blocks[0];
  const start = Math.ceil((services.clock.now().getTime() + 3 * 24 * HOUR) / HOUR) * HOUR;
  await sendOrHoldForDemo(services, admin, () =>
    createIncident(services, admin, {
      projectId: project.id,
      kind: '停水',
      emergency: false,
      planned: true,
      title: `${block?.name ?? ''}二次供水水箱清洗`,
      reason: '二次供水水箱年度清洗消毒',
      buildingIds: block ? [block.id] : [],
      unitIds: [],
      categoryIds: [],
      startsAt: new Date(start),
      expectedEndAt: new Date(start + 6 * HOUR),
      residentText: WATER,
      agentScript: '年度水箱清洗,按计划停水 6 小时;已提前通知并会在前一天和开始前 2 小时提醒。',
    }),
  );
  await sendOrHoldForDemo(services, admin, () =>
    createIncident(services, admin, {
      projectId: project.id,
      kind: '停电',
      emergency: false,
      planned: true,
      title: '全小区高压配电年度检修',
      reason: '供电局高压线路年度检修',
      buildingIds: [],
      unitIds: [],
      categoryIds: [],
      startsAt: new Date(start + 4 * 24 * HOUR),
      expectedEndAt: new Date(start + 4 * 24 * HOUR + 8 * HOUR),
      residentText: POWER,
      agentScript: '供电局统一检修,全小区停电 8 小时,电梯停运;老人和行动不便的住户可预约上门协助。',
    }),
  );
  return '4 message templates, 2 planned outages';
}

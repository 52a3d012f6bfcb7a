import { asc, eq } from 'drizzle-orm';
import { createIncident } from '../modules/incidents/create-incident';
import { resolveIncident } from '../modules/incidents/resolve-incident';
import { createNotice } from '../modules/notices/create-notice';
import { publishNotice } from '../modules/notices/publish-notice';
import { stepNotice } from '../modules/notices/step-notice';
import { buildings } from '../modules/org/schema';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { sendOrHoldForDemo } from './demo-broadcasts';
import { firstProject, seedAdmin } from './demo-context';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Outages and notices for the first project, through the real commands (deliveries, events, Q60
 * measure): an ongoing 停水 in one building, a restored 停电, a published safety tip and activity, and a
 * drill notice waiting for the 班长's review.
 */
export async function seedDemoOutages(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  const project = await firstProject(db, boot.companyId);
  if (!project) return '0 demo incidents';
  const blocks = await db
    .select()
    .from(buildings)
    .where(eq(buildings.projectId, project.id))
    .orderBy(asc(buildings.sortOrder), asc(buildings.id));
  const water = blocks[2] ?? blocks[0];
  const power = blocks[1] ?? blocks[0];
  const admin = seedAdmin(boot, [project.id]);
  const now = services.clock.now().getTime();

  await createIncident(services, admin, {
    projectId: project.id,
    kind: '停水',
    emergency: true,
    planned: false,
    title: `${water?.name ?? ''}供水主管爆裂，紧急停水抢修`,
    buildingIds: water ? [water.id] : [],
    unitIds: [],
    categoryIds: [],
    expectedEndAt: new Date(now + 3 * HOUR),
    residentText:
      '尊敬的{{resident.name}}：因供水主管爆裂，{{unit.label}}所在楼栋临时停水，维修人员正在抢修，预计{{incident.until}}恢复供水。请提前储水，给您带来不便敬请谅解。',
    agentScript: '告知住户：主管爆裂正在抢修，预计3小时内恢复；如家中有积水请登记报修，我们会派人上门。',
  });
  const outage = await createIncident(services, admin, {
    projectId: project.id,
    kind: '停电',
    emergency: false,
    planned: false,
    title: `${power?.name ?? ''}配电房检修停电`,
    buildingIds: power ? [power.id] : [],
    unitIds: [],
    categoryIds: [],
    startsAt: new Date(now - 5 * HOUR),
    expectedEndAt: new Date(now - 2 * HOUR),
    residentText:
      '尊敬的{{resident.name}}：配电房例行检修，{{unit.label}}将于今日停电，预计{{incident.until}}恢复。',
    agentScript: '计划检修停电，已提前一天通知。',
  });
  await resolveIncident(services, admin, outage.id, outage.version, '检修完成，已恢复供电');

  // Notices go to one building: a whole-project demo notice would queue thousands of messages at first start.
  const audience = { buildingIds: blocks[0] ? [blocks[0].id] : [] };
  const tip = await createNotice(services, admin, {
    projectId: project.id,
    type: '安全提示',
    title: '寒潮来袭，请做好水管防冻',
    body: '{{resident.name}}您好：本周气温骤降，请关好门窗，室外水管请包裹保温材料，外出时关闭总阀。{{project.name}}客服中心',
    audience,
    urgent: true,
    expiresAt: new Date(now + 5 * DAY),
  });
  // A big building's notice may be above the approval threshold: then it waits in the approvals queue.
  await sendOrHoldForDemo(services, admin, () => publishNotice(services, admin, tip.id, tip.version));

  let activity = await createNotice(services, admin, {
    projectId: project.id,
    type: '社区活动',
    title: '周六上午中心花园亲子义卖',
    body: '{{resident.name}}您好：本周六9:00–11:30在中心花园举办亲子义卖，所得善款捐赠社区助老基金，欢迎全家参加。',
    audience,
    urgent: false,
    expiresAt: new Date(now + 6 * DAY),
  });
  activity = await stepNotice(services, admin, activity.id, activity.version, { type: 'submit' });
  activity = await stepNotice(services, admin, activity.id, activity.version, {
    type: 'review',
    approve: true,
  });
  activity = await stepNotice(services, admin, activity.id, activity.version, {
    type: 'approve',
    approve: true,
  });
  await sendOrHoldForDemo(services, admin, () =>
    publishNotice(services, admin, activity.id, activity.version),
  );

  const drill = await createNotice(services, admin, {
    projectId: project.id,
    type: '消防演练',
    title: '下周三上午消防疏散演练',
    body: '{{resident.name}}您好：下周三10:00将进行消防疏散演练，届时警铃会响起，请配合工作人员有序疏散。',
    audience,
    urgent: false,
    location: '全小区，集合点为中心广场',
    eventStartsAt: new Date(now + 7 * DAY),
    eventEndsAt: new Date(now + 7 * DAY + 2 * HOUR),
    expiresAt: new Date(now + 8 * DAY),
  });
  await stepNotice(services, admin, drill.id, drill.version, { type: 'submit' });
  return '2 demo incidents, 3 demo notices';
}

import { zonedDay } from '@guanjia/shared';
import { and, eq } from 'drizzle-orm';
import { departments } from '../modules/complaints/schema';
import { createCampaign, scoreCampaignUnit } from '../modules/quality-inspections/campaigns';
import { createInspection } from '../modules/quality-inspections/create-inspection';
import { addFinding } from '../modules/quality-inspections/findings';
import { createPlan } from '../modules/quality-inspections/plans';
import { effectiveSheets } from '../modules/quality-inspections/sheets';
import { submitInspection } from '../modules/quality-inspections/submit-inspection';
import { recheckRectification, submitRectification } from '../modules/rectifications/lifecycle';
import { rectifications } from '../modules/rectifications/schema';
import type { AuthContext } from '../platform/auth/context';
import { users } from '../platform/auth/schema';
import { DEFAULT_TIME_ZONE, zonedParts } from '../platform/clock/zoned';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { firstProject, seedAdmin } from './demo-context';

const DAY = 86_400_000;

/**
 * 品质检查 demo on 锦绣花园, through the real commands: a Sunac-sheet inspection of 工程部 whose 整改单
 * are one closed after a failed re-check, one overdue and one open; a 9S check whose five findings on one
 * agent flag the month (Q21); a mystery visit in progress; the 9S and notice-board plans; a campaign with
 * both bands of its results table.
 */
export async function seedDemoQualityInspections(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  const now = services.clock.now();
  const project = await firstProject(db, boot.companyId);
  if (!project) return 'no quality inspections';
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
  const dept = async (name: string) => {
    const [d] = await db
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.projectId, project.id), eq(departments.name, name)));
    return d?.id;
  };
  const [eng, cs] = [await dept('工程部'), await dept('客服部')];
  const inspector = as('quality1');
  const sheets = await effectiveSheets(db, inspector, project.id);
  const sheet = (code: string) => sheets.find((s) => s.code === code)!;
  const p = zonedParts(now);
  const ym = (back: number) => {
    const d = new Date(Date.UTC(p.year, p.month - 1 - back, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  };

  const sunac = await createInspection(services, inspector, {
    sheetId: sheet('sunac-service').id,
    projectId: project.id,
    mode: 'open',
    title: '月度品质检查 · 工程部',
    departmentId: eng,
    area: '1号楼设备房、消防系统',
    sampledMonths: [ym(2), ym(1)],
  });
  await addFinding(services, inspector, sunac.id, {
    itemId: 'eng1',
    count: 2,
    note: '水泵房未安装挡鼠板;消防对讲电话无人接听',
    location: '1号楼地下水泵房',
    photoIds: [],
    ncType: 'not_done',
    ownerId: id('tech_plumber'),
  });
  await addFinding(services, inspector, sunac.id, {
    itemId: 'eng4',
    count: 1,
    note: '消防箱未张贴封条,检查日期过期',
    location: '2号楼3层消防箱',
    photoIds: [],
    ownerId: id('tech_general'),
  });
  await addFinding(services, inspector, sunac.id, {
    itemId: 'eng2',
    count: 3,
    month: ym(2),
    note: '配电房巡查记录缺3天',
    photoIds: [],
    ncType: 'not_recorded',
    deadline: new Date(now.getTime() - DAY).toISOString(),
    ownerId: id('tech_electric'),
  });
  const submitted = await submitInspection(services, inspector, sunac.id);

  // The fire-box item: fixed, re-check failed, fixed again, passed.
  const rects = await db.select().from(rectifications).where(eq(rectifications.sourceId, submitted.id));
  const fire = rects.find((r) => r.title.startsWith('消防系统'));
  if (fire) {
    await submitRectification(services, as('tech_general'), fire.id, { note: '已补贴封条', photoIds: [] });
    await recheckRectification(services, inspector, fire.id, { pass: false, note: '检查日期仍未更新' });
    await submitRectification(services, as('tech_general'), fire.id, {
      note: '已更新检查日期并签字',
      photoIds: [],
    });
    await recheckRectification(services, inspector, fire.id, { pass: true, note: '合格' });
  }

  const nines = await createInspection(services, as('cs_lead'), {
    sheetId: sheet('nines-daily').id,
    projectId: project.id,
    mode: 'open',
    title: '9S每日检查',
    departmentId: cs,
    area: '客服中心',
  });
  await addFinding(services, as('cs_lead'), nines.id, {
    itemId: 'o2',
    count: 3,
    note: '桌面堆放非当日文件',
    photoIds: [],
    subjectUserId: id('agent1'),
  });
  await addFinding(services, as('cs_lead'), nines.id, {
    itemId: 's1',
    count: 2,
    note: '未佩戴工牌',
    photoIds: [],
    subjectUserId: id('agent1'),
  });
  await submitInspection(services, as('cs_lead'), nines.id);

  const mystery = await createInspection(services, inspector, {
    sheetId: sheet('visual-cs-image').id,
    projectId: project.id,
    mode: 'mystery',
    title: '暗访 · 客服中心仪容仪表',
    departmentId: cs,
    area: '客服中心前台',
  });
  await addFinding(services, inspector, mystery.id, {
    itemId: 'b4',
    count: 1,
    note: '资料架有过期宣传单',
    photoIds: [],
  });

  const today = zonedDay(now, DEFAULT_TIME_ZONE);
  await createPlan(services, as('pm_jinxiu'), {
    projectId: project.id,
    title: '9S每日办公形象检查(上班前5分钟)',
    sheetCode: 'nines-daily',
    inspectorId: id('cs_lead'),
    departmentId: cs,
    area: '客服中心',
    recurrence: 'workdays',
    time: '08:55',
    startsOn: today,
  });
  await createPlan(services, as('pm_jinxiu'), {
    projectId: project.id,
    title: '公告栏及标识每周督导(周五14:00–16:00)',
    sheetCode: 'notice-board-weekly',
    inspectorId: id('cs_lead'),
    departmentId: cs,
    area: '各楼栋公告栏',
    recurrence: 'weekly',
    weekday: 5,
    time: '14:00',
    startsOn: today,
  });

  const units = [
    ...(eng
      ? [
          {
            departmentId: eng,
            managerId: id('pm_jinxiu'),
            supervisorId: id('eng_supervisor'),
            leadId: id('tech_general'),
          },
        ]
      : []),
    ...(cs
      ? [
          {
            departmentId: cs,
            managerId: id('pm_jinxiu'),
            supervisorId: id('cs_supervisor'),
            leadId: id('cs_lead'),
          },
        ]
      : []),
  ];
  const campaign = await createCampaign(services, as('quality1'), {
    projectId: project.id,
    title: `${p.year}年物业基础服务管理品质提升专项`,
    year: p.year,
    units,
  });
  if (eng)
    await scoreCampaignUnit(services, as('quality1'), campaign.id, {
      departmentId: eng,
      score: submitted.percent ?? 88,
    });
  if (cs) await scoreCampaignUnit(services, as('quality1'), campaign.id, { departmentId: cs, score: 96 });
  return `3 quality inspections, ${rects.length} rectification items, 2 inspection plans, 1 quality campaign`;
}

import { wallClockInstant, zonedDay, zonedParts } from '@guanjia/shared';
import { asc, eq, inArray } from 'drizzle-orm';
import { scoreEvaluation } from '../modules/contractors/rules/scoring';
import {
  contractorContracts,
  contractorEvaluations,
  contractors,
  contractorVisits,
} from '../modules/contractors/schema';
import { EVALUATION_BANDS, EVALUATION_ITEMS } from '../modules/contractors/settings';
import { addDays } from '../modules/patrol/rules/schedule';
import { workOrders } from '../modules/workorders/schema';
import { users } from '../platform/auth/schema';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { firstProject } from './demo-context';

interface Plan {
  name: string;
  trade: string;
  systems: string[];
  contact: [string, string, string];
  credentials: string;
  contract: {
    title: string;
    scope: string;
    amountFen: number;
    startOffsetDays: number;
    endOffsetDays: number;
  };
  visitor: string;
  purpose: string;
  /** Last month's scores where they fell short (others score their full weight). */
  scores: Record<string, number>;
  note: string;
}

const PLANS: Plan[] = [
  {
    name: '奥的斯电梯（中国）有限公司',
    trade: '电梯维保',
    systems: ['电梯'],
    contact: ['周建国', '13916620031', '现场负责人'],
    credentials: '特种设备安全管理和作业人员证 TS-2024-0311；维保资质 A 级',
    contract: {
      title: '电梯年度维保合同',
      scope: '12台直梯半月保养（间隔不少于15天），故障30分钟内到场，年检配合',
      amountFen: 17_280_000,
      startOffsetDays: -300,
      endOffsetDays: 65,
    },
    visitor: '周建国',
    purpose: '半月保养',
    scores: { safetyBriefing: 12 },
    note: '保养按计划完成；一次未做书面安全交底',
  },
  {
    name: '上海安泰消防工程有限公司',
    trade: '消防维保',
    systems: ['消防'],
    contact: ['吴海', '13817742208', '项目经理'],
    credentials: '建筑消防设施操作员证 XF-3102-0877；消防设施维保检测二级资质',
    contract: {
      title: '消防设施维护保养合同',
      scope: '火灾报警、喷淋、消火栓系统月度测试，季度联动测试，年度检测报告',
      amountFen: 9_600_000,
      startOffsetDays: -200,
      endOffsetDays: 165,
    },
    visitor: '吴海',
    purpose: '月度消防设施测试',
    scores: { quality: 24, siteCheck: 8 },
    note: '3号楼末端试水装置压力不足未当月整改；完工后有包装物未清',
  },
  {
    name: '绿源园林绿化有限公司',
    trade: '绿化外包',
    systems: ['园林'],
    contact: ['黄志强', '13761180925', '绿化主管'],
    credentials: '园林绿化养护企业资质；农药使用人员培训证明',
    contract: {
      title: '园区绿化养护外包合同',
      scope: '草坪修剪、乔灌木修剪、病虫害防治、季节性补植',
      amountFen: 4_800_000,
      startOffsetDays: -345,
      endOffsetDays: 20,
    },
    visitor: '黄志强',
    purpose: '草坪修剪与病虫害防治',
    scores: { processSafety: 14, schedule: 10 },
    note: '打药未设警示牌；一次延误修剪',
  },
];

/** 维保单位 of the first estate: three contractors with contracts (one ending soon), sign-ins and last month's evaluations. */
export async function seedDemoContractors(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  const project = await firstProject(db, boot.companyId);
  if (!project) return 'no contractors';
  const now = services.clock.now();
  const tz = project.timezone;
  const today = zonedDay(now, tz);
  const p = zonedParts(now, tz);
  const thisMonth = today.slice(0, 7);
  const lastMonth = addDays(`${thisMonth}-01`, -1).slice(0, 7);
  const [orders, escorts] = await Promise.all([
    db
      .select({ number: workOrders.number })
      .from(workOrders)
      .where(eq(workOrders.projectId, project.id))
      .orderBy(asc(workOrders.id))
      .limit(6),
    db
      .select({ id: users.id })
      .from(users)
      .where(inArray(users.username, ['tech_electric', 'tech_general'])),
  ]);
  const items = EVALUATION_ITEMS.defaultValue;
  let visits = 0;
  await db.transaction(async (tx) => {
    for (const [i, plan] of PLANS.entries()) {
      const [c] = await tx
        .insert(contractors)
        .values({
          companyId: boot.companyId,
          projectId: project.id,
          name: plan.name,
          trade: plan.trade,
          systems: plan.systems,
          contacts: [{ name: plan.contact[0], phone: plan.contact[1], role: plan.contact[2] }],
          credentials: plan.credentials,
        })
        .returning();
      await tx.insert(contractorContracts).values({
        contractorId: c!.id,
        projectId: project.id,
        title: plan.contract.title,
        scope: plan.contract.scope,
        startsOn: addDays(today, plan.contract.startOffsetDays),
        endsOn: addDays(today, plan.contract.endOffsetDays),
        amountFen: plan.contract.amountFen,
        systems: plan.systems,
      });
      // Twice last month (the elevator every half month, ≥15 days apart) and once this month if the day allows.
      const dates = [`${lastMonth}-06`, `${lastMonth}-21`, ...(p.day > 3 ? [`${thisMonth}-03`] : [])];
      for (const [k, date] of dates.entries()) {
        const inAt = wallClockInstant(date, i === 0 ? '00:30' : '09:00', tz);
        await tx.insert(contractorVisits).values({
          companyId: boot.companyId,
          projectId: project.id,
          contractorId: c!.id,
          visitorName: plan.visitor,
          headcount: i === 2 ? 4 : 2,
          purpose: plan.purpose,
          workOrderNumber: orders[(i * 2 + k) % Math.max(1, orders.length)]?.number ?? null,
          safetyBriefing: !(i === 0 && k === 1),
          siteChecked: !(i === 1 && k === 0),
          escortId: escorts[k % Math.max(1, escorts.length)]?.id ?? null,
          signedInAt: inAt,
          signedOutAt: new Date(inAt.getTime() + 3 * 3_600_000),
          createdById: boot.adminId,
        });
        visits++;
      }
      const r = scoreEvaluation(items, plan.scores, EVALUATION_BANDS.defaultValue);
      const evaluatedAt = wallClockInstant(addDays(`${thisMonth}-01`, 1), '15:00', tz);
      await tx.insert(contractorEvaluations).values({
        companyId: boot.companyId,
        projectId: project.id,
        contractorId: c!.id,
        month: lastMonth,
        items: r.items,
        total: r.total,
        grade: r.grade,
        settlementPercent: r.settlementPercent,
        note: plan.note,
        evaluatedById: boot.adminId,
        createdAt: new Date(Math.min(evaluatedAt.getTime(), now.getTime())),
        updatedAt: new Date(Math.min(evaluatedAt.getTime(), now.getTime())),
      });
    }
  });
  return `${PLANS.length} contractors, ${visits} visits`;
}

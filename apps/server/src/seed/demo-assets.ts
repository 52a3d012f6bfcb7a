import { EQUIPMENT_SYSTEMS, type EquipmentImportance, type EquipmentStatus } from '@guanjia/shared';
import { and, eq, lt, sql } from 'drizzle-orm';
import { plansFromTemplates } from '../modules/assets/generate-plans';
import { generateTasks } from '../modules/assets/generate-tasks';
import { addDays, dayIn } from '../modules/assets/rules/dates';
import {
  equipment,
  equipmentStatusChanges,
  inspectionTasks,
  maintenancePlans,
} from '../modules/assets/schema';
import { submitResults } from '../modules/assets/submit-results';
import { roleHolders, tell } from '../modules/complaints/tell';
import type { DbOrTx } from '../platform/db/client';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { firstProject, seedAdmin } from './demo-context';

type Piece = [
  code: string,
  name: string,
  system: string,
  type: string,
  location: string,
  brand: string,
  model: string,
  importance: EquipmentImportance,
  installed: string,
];

/** 锦绣花园's plant room by plant room: what a 工程部 ledger of a mid-size estate holds. */
const PIECES: Piece[] = [
  ['DT-01', '1栋1号客梯', '电梯', '直梯', '1栋 电梯井', '奥的斯', 'GeN2-MRL 1000kg', 'A', '2019-06-18'],
  ['DT-02', '1栋2号客梯', '电梯', '直梯', '1栋 电梯井', '奥的斯', 'GeN2-MRL 1000kg', 'A', '2019-06-18'],
  ['DT-03', '2栋1号客梯', '电梯', '直梯', '2栋 电梯井', '奥的斯', 'GeN2-MRL 1000kg', 'A', '2019-07-02'],
  ['DT-04', '2栋2号客梯', '电梯', '直梯', '2栋 电梯井', '日立', 'HGP 1050kg', 'A', '2019-07-02'],
  ['DT-05', '3栋1号客梯', '电梯', '直梯', '3栋 电梯井', '日立', 'HGP 1050kg', 'A', '2020-03-11'],
  ['DT-06', '3栋消防电梯', '电梯', '直梯', '3栋 电梯井', '三菱', 'NEXIEZ-MRL 1600kg', 'A', '2020-03-11'],
  ['GPS-01', '1号生活水泵', '给排水', '水泵', '地下一层 生活水泵房', '威乐', 'MVI 1608', 'A', '2019-05-20'],
  ['GPS-02', '2号生活水泵', '给排水', '水泵', '地下一层 生活水泵房', '威乐', 'MVI 1608', 'A', '2019-05-20'],
  [
    'GPS-03',
    '3号生活水泵（备用）',
    '给排水',
    '水泵',
    '地下一层 生活水泵房',
    '格兰富',
    'CR 15-4',
    'B',
    '2019-05-20',
  ],
  [
    'WSB-01',
    '1号污水提升泵',
    '给排水',
    '污水泵',
    '地下一层 集水坑1',
    '凯泉',
    'WQ 50-10-3',
    'B',
    '2019-05-25',
  ],
  [
    'WSB-02',
    '2号污水提升泵',
    '给排水',
    '污水泵',
    '地下二层 集水坑2',
    '凯泉',
    'WQ 50-10-3',
    'B',
    '2019-05-25',
  ],
  ['WSB-03', '电梯基坑排水泵', '给排水', '污水泵', '2栋 电梯基坑', '威乐', 'Drain TMW 32', 'B', '2019-07-02'],
  [
    'XFB-01',
    '消火栓泵（主）',
    '消防',
    '消防泵',
    '地下一层 消防泵房',
    '上海连成',
    'XBD 7.0/30',
    'A',
    '2019-05-18',
  ],
  [
    'XFB-02',
    '喷淋泵（主）',
    '消防',
    '消防泵',
    '地下一层 消防泵房',
    '上海连成',
    'XBD 8.0/25',
    'A',
    '2019-05-18',
  ],
  ['XHS-01', '1栋1层消火栓箱', '消防', '消火栓', '1栋 1层 电梯厅', '天广', 'SG24A65', 'B', '2019-06-01'],
  ['XHS-02', '2栋1层消火栓箱', '消防', '消火栓', '2栋 1层 电梯厅', '天广', 'SG24A65', 'B', '2019-06-01'],
  ['XHS-03', '地库B1消火栓箱', '消防', '消火栓', '地下一层 车库 C区', '天广', 'SG24A65', 'B', '2019-06-01'],
  [
    'XFZJ-01',
    '火灾报警控制器',
    '消防',
    '报警主机',
    '1栋 1层 消防控制室',
    '海湾',
    'JB-QB-GST200',
    'A',
    '2019-06-05',
  ],
  [
    'GYG-01',
    '10kV高压进线柜',
    '供配电',
    '高压柜',
    '地下一层 高压配电室',
    '施耐德',
    'PIX-12',
    'A',
    '2019-04-28',
  ],
  [
    'GYG-02',
    '10kV高压计量柜',
    '供配电',
    '高压柜',
    '地下一层 高压配电室',
    '施耐德',
    'PIX-12',
    'A',
    '2019-04-28',
  ],
  [
    'DYG-01',
    '低压总进线柜',
    '供配电',
    '低压柜',
    '地下一层 低压配电室',
    '施耐德',
    'Blokset',
    'A',
    '2019-04-28',
  ],
  ['DYG-02', '低压电容补偿柜', '供配电', '低压柜', '地下一层 低压配电室', '正泰', 'GGD-2', 'B', '2019-04-28'],
  [
    'BYQ-01',
    '1号干式变压器',
    '供配电',
    '干式变压器',
    '地下一层 变配电室',
    '顺特电气',
    'SCB11-1000/10',
    'A',
    '2019-04-26',
  ],
  [
    'BYQ-02',
    '2号干式变压器',
    '供配电',
    '干式变压器',
    '地下一层 变配电室',
    '顺特电气',
    'SCB11-1000/10',
    'A',
    '2019-04-26',
  ],
  ['FDJ-01', '柴油发电机组', '供配电', '发电机', '地下一层 发电机房', '康明斯', 'C550D5', 'A', '2019-05-10'],
  [
    'KT-01',
    '物业中心多联机外机',
    '空调暖通',
    '空调机组',
    '会所 屋面',
    '格力',
    'GMV-H280WL/A',
    'C',
    '2021-08-15',
  ],
  [
    'KT-02',
    '会所中央空调机组',
    '空调暖通',
    '空调机组',
    '会所 B1 空调机房',
    '海尔',
    'LSBLG400',
    'B',
    '2021-08-15',
  ],
  [
    'KT-03',
    '消防控制室精密空调',
    '空调暖通',
    '空调机组',
    '1栋 1层 消防控制室',
    '美的',
    'MDV-D71T2',
    'B',
    '2022-05-06',
  ],
  [
    'FJ-01',
    '地库排风机（1区）',
    '空调暖通',
    '风机',
    '地下一层 排风机房',
    '亚太',
    'HTF-I-8',
    'C',
    '2019-05-30',
  ],
  [
    'NVR-01',
    '监控硬盘录像机（1号）',
    '弱电/监控',
    '硬盘录像机',
    '1栋 1层 监控中心',
    '海康威视',
    'DS-9664N-I16',
    'A',
    '2020-09-01',
  ],
  [
    'NVR-02',
    '监控硬盘录像机（2号）',
    '弱电/监控',
    '硬盘录像机',
    '1栋 1层 监控中心',
    '海康威视',
    'DS-9664N-I16',
    'A',
    '2020-09-01',
  ],
  ['SXJ-01', '南门高清球机', '弱电/监控', '摄像机', '南门 岗亭', '大华', 'SD6C3432', 'B', '2020-09-01'],
  ['BJYY-01', '背景音乐功放', '弱电/监控', '背景音乐', '会所 弱电间', '迪士普', 'MP610', 'C', '2020-10-12'],
  ['MJ-01', '南门门禁主机', '门禁', '门禁主机', '南门', '立林', 'DH-8000', 'B', '2020-11-20'],
  ['MJ-02', '1栋单元门口机', '门禁', '门禁主机', '1栋 1单元 入口', '安居宝', 'AJB-E8', 'B', '2020-11-20'],
  ['MJ-03', '2栋单元门口机', '门禁', '门禁主机', '2栋 1单元 入口', '安居宝', 'AJB-E8', 'B', '2020-11-20'],
  ['DZ-01', '地库入口道闸', '停车场', '道闸', '地库 入口', '捷顺', 'JSDZ0601', 'B', '2020-04-08'],
  ['DZ-02', '地库出口道闸', '停车场', '道闸', '地库 出口', '捷顺', 'JSDZ0601', 'B', '2020-04-08'],
  ['GS-01', '中心花园喷灌系统', '园林', '喷灌', '中心花园', '雨鸟', 'ESP-ME3', 'C', '2021-03-22'],
  ['GS-02', '景观水池循环泵', '园林', '水泵', '中心花园 水景', '新界', 'BW 4-2', 'C', '2021-03-22'],
];

const STATUS_DOWN: Record<string, EquipmentStatus> = { 'DZ-02': '维修中', 'GPS-03': '停用' };

/**
 * 工程管理 of the demo estate: ~40 pieces of equipment with brands and models, the §3.8 plans of every
 * system, a month of tasks (most done, some late, a few missed, one plan warned for 5 misses), one
 * failed pump reading with its repair work order, downtime, and a warranty ending this month.
 */
export async function seedDemoAssets(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  const project = await firstProject(db, boot.companyId);
  if (!project) return 'no assets';
  const now = services.clock.now();
  const today = dayIn(now, project.timezone);
  const monthAgo = new Date(now.getTime() - 30 * 86_400_000);
  const start = addDays(today, -30);
  await db.transaction(async (tx) => {
    const rows = await tx
      .insert(equipment)
      .values(
        PIECES.map(([code, name, system, type, location, brand, model, importance, installed], i) => ({
          companyId: boot.companyId,
          projectId: project.id,
          code,
          name,
          system,
          type,
          location,
          brand,
          model,
          supplier: `${brand}（中国）销售服务公司`,
          maintainer:
            system === '电梯' ? `${brand}电梯维保分公司` : system === '消防' ? '安泰消防工程有限公司' : '',
          installDate: installed,
          // One warranty ends within the month (Q72 reminder); the newer air-conditioning is still covered.
          warrantyEnd:
            code === 'KT-03' ? addDays(today, 12) : addDays(installed, 365 * (system === '空调暖通' ? 6 : 2)),
          importance,
          status: STATUS_DOWN[code] ?? '运行',
          statusSince: STATUS_DOWN[code] ? new Date(now.getTime() - (i + 5) * 3_600_000) : monthAgo,
          createdAt: monthAgo,
          updatedAt: monthAgo,
        })),
      )
      .returning({
        id: equipment.id,
        code: equipment.code,
        status: equipment.status,
        statusSince: equipment.statusSince,
      });
    const changes: (typeof equipmentStatusChanges.$inferInsert)[] = rows.map((r) => ({
      projectId: project.id,
      equipmentId: r.id,
      toStatus: '运行' as const,
      at: monthAgo,
      reason: '建档',
    }));
    for (const r of rows) {
      if (r.status !== '运行')
        changes.push({
          projectId: project.id,
          equipmentId: r.id,
          fromStatus: '运行',
          toStatus: r.status,
          at: r.statusSince ?? now,
          reason: r.status === '停用' ? '备用泵轮换停用' : '道闸电机故障',
        });
      // An elevator stopped for a door-machine repair ten days ago, 6 hours.
      if (r.code === 'DT-04') {
        const down = new Date(now.getTime() - 10 * 86_400_000);
        changes.push(
          {
            projectId: project.id,
            equipmentId: r.id,
            fromStatus: '运行',
            toStatus: '维修中',
            at: down,
            reason: '门机故障，困梯后停梯检修',
          },
          {
            projectId: project.id,
            equipmentId: r.id,
            fromStatus: '维修中',
            toStatus: '运行',
            at: new Date(down.getTime() + 6 * 3_600_000),
            reason: '更换门机皮带后恢复',
          },
        );
      }
    }
    await tx.insert(equipmentStatusChanges).values(changes);
    await plansFromTemplates(tx, boot.companyId, project.id, EQUIPMENT_SYSTEMS, start, monthAgo);
    // The month behind and the horizon ahead, generated as the nightly job would have.
    await generateTasks(tx, project.id, monthAgo);
    await generateTasks(tx, project.id, now);
    await settleHistory(tx, project.id, now);
  });
  await failedPumpReading(services, boot, project.id);
  await warnDecorationPlan(services, boot, project.id, now);
  return `${PIECES.length} pieces of equipment with §3.8 plans`;
}

/** Past tasks: most done on time with passing answers, every 11th late, every 23rd missed. */
async function settleHistory(tx: DbOrTx, projectId: number, now: Date) {
  const past = and(eq(inspectionTasks.projectId, projectId), lt(inspectionTasks.expiresAt, now));
  await tx
    .update(inspectionTasks)
    .set({
      status: sql`case when ${inspectionTasks.id} % 23 = 0 then 'missed' else 'done' end`,
      onTime: sql`case when ${inspectionTasks.id} % 23 = 0 then null else ${inspectionTasks.id} % 11 <> 0 end`,
      completedAt: sql`case when ${inspectionTasks.id} % 23 = 0 then null
        when ${inspectionTasks.id} % 11 = 0 then ${inspectionTasks.dueAt} + interval '50 minutes'
        else ${inspectionTasks.dueAt} - interval '5 hours' + (${inspectionTasks.id} % 180) * interval '1 minute' end`,
      idempotencyKey: sql`case when ${inspectionTasks.id} % 23 = 0 then null else 'seed-' || ${inspectionTasks.id} end`,
    })
    .where(past);
  // Answers of the done tasks: passes, readings in the middle of their range, "正常" for text.
  await tx.execute(sql`
    insert into inspection_results (project_id, task_id, item_id, pass, value, text, failed, recorded_at)
    select t.project_id, t.id, item->>'id',
      case when item->>'kind' = 'pass' then true end,
      case when item->>'kind' = 'number' then round((coalesce((item->>'min')::numeric, 0) + coalesce((item->>'max')::numeric, (item->>'min')::numeric * 2, 100)) / 2, 2)::float8 end,
      case when item->>'kind' = 'text' then '正常' end,
      false, t.completed_at
    from inspection_tasks t
    join checklist_versions v on v.id = t.checklist_version_id
    cross join lateral jsonb_array_elements(v.items) item
    where t.project_id = ${projectId} and t.status = 'done' and item->>'kind' <> 'photo'`);
}

/** This morning's reading of the 1号生活水泵 was 0.82 MPa: a repair work order through the 巡检 channel. */
async function failedPumpReading(services: Services, boot: Bootstrap, projectId: number) {
  const { db } = services.database;
  const [task] = await db
    .select({ id: inspectionTasks.id })
    .from(inspectionTasks)
    .innerJoin(equipment, eq(equipment.id, inspectionTasks.equipmentId))
    .where(
      and(
        eq(equipment.projectId, projectId),
        eq(equipment.code, 'GPS-01'),
        eq(inspectionTasks.status, 'pending'),
        sql`${inspectionTasks.title} like '水泵、变频控制柜%'`,
      ),
    )
    .orderBy(inspectionTasks.dueAt)
    .limit(1);
  if (!task) return;
  await submitResults(services, seedAdmin(boot, [projectId]), task.id, {
    idempotencyKey: `seed-failed-${task.id}`,
    complete: true,
    items: [
      { itemId: 'pressure', value: 0.82, note: '出口压力偏高，减压阀疑似失灵' },
      { itemId: 'vfd', pass: true },
      { itemId: 'tank', pass: true },
    ],
  });
}

/** 装修现场巡查 was not done for the last week: the plan carries the 5-missed warning to 工程主管. */
async function warnDecorationPlan(services: Services, boot: Bootstrap, projectId: number, now: Date) {
  const { db } = services.database;
  const [plan] = await db
    .select()
    .from(maintenancePlans)
    .where(
      and(eq(maintenancePlans.projectId, projectId), eq(maintenancePlans.templateKey, 'mgmt.decoration')),
    );
  if (!plan) return;
  await db.transaction(async (tx) => {
    await tx
      .update(inspectionTasks)
      .set({ status: 'missed', onTime: null, completedAt: null, idempotencyKey: null })
      .where(
        and(
          eq(inspectionTasks.planId, plan.id),
          lt(inspectionTasks.expiresAt, now),
          sql`${inspectionTasks.dueAt} > ${new Date(now.getTime() - 7 * 86_400_000)}`,
        ),
      );
    await tx.execute(
      sql`delete from inspection_results r using inspection_tasks t where r.task_id = t.id and t.plan_id = ${plan.id} and t.status = 'missed'`,
    );
    await tx.update(maintenancePlans).set({ missedWarningAt: now }).where(eq(maintenancePlans.id, plan.id));
    const people = await roleHolders(tx, boot.companyId, projectId, ['eng_supervisor']);
    await tell({ tx, now, outbox: [] }, people, {
      companyId: boot.companyId,
      projectId,
      ticketId: null,
      kind: 'assets.missed',
      level: 2,
      title: '【巡检漏检预警】',
      body: `计划「${plan.name}」最近5次任务均未执行，请安排人员并检查计划是否合理。`,
      dedupeKey: `assets-missed:${plan.id}:seed`,
    });
  });
}

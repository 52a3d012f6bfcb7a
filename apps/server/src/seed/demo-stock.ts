import { wallClockInstant, zonedParts } from '@guanjia/shared';
import { and, asc, eq } from 'drizzle-orm';
import { addDays } from '../modules/patrol/rules/schedule';
import { materials, stockMovements, stocktakeLines, stocktakes } from '../modules/stock/schema';
import { workOrders } from '../modules/workorders/schema';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { firstProject } from './demo-context';
import { createRng } from './prng';

/** code, name, spec, unit, category, price 分, minimum stock. */
const CATALOGUE: [string, string, string, string, string, number, number][] = [
  ['SN-001', '水龙头', '陶瓷阀芯 4分', '个', '水暖', 4500, 5],
  ['SN-002', '角阀', 'DN15 铜', '个', '水暖', 2800, 10],
  ['SN-003', '生料带', '20m', '卷', '水暖', 300, 20],
  ['SN-004', '进水软管', '60cm 不锈钢编织', '根', '水暖', 1500, 10],
  ['SN-005', '地漏', '不锈钢防臭', '个', '水暖', 3800, 5],
  ['SN-006', '马桶进水阀', '通用型', '套', '水暖', 3500, 5],
  ['SN-007', '马桶排水阀', '通用型', '套', '水暖', 4200, 5],
  ['SN-008', 'PPR管', 'DN20', '米', '水暖', 800, 30],
  ['SN-009', 'PPR弯头', 'DN20 90°', '个', '水暖', 150, 50],
  ['SN-010', '截止阀', 'DN25', '个', '水暖', 6500, 3],
  ['DQ-001', 'LED灯管', 'T8 1.2m 18W', '支', '电气', 1800, 20],
  ['DQ-002', 'LED吸顶灯', '24W', '盏', '电气', 6800, 5],
  ['DQ-003', 'LED筒灯', '5W 开孔75mm', '个', '电气', 2200, 20],
  ['DQ-004', '空气开关', 'DZ47 2P 32A', '个', '电气', 3200, 10],
  ['DQ-005', '漏电保护器', 'DZ47LE 2P 40A', '个', '电气', 6800, 5],
  ['DQ-006', '开关面板', '86型 单开', '个', '电气', 900, 20],
  ['DQ-007', '插座面板', '86型 五孔', '个', '电气', 1100, 20],
  ['DQ-008', '电线', 'BV2.5平方', '米', '电气', 280, 100],
  ['DQ-009', '电工胶布', 'PVC 黑色', '卷', '电气', 250, 20],
  ['DQ-010', '声控开关', '86型 延时', '个', '电气', 1600, 10],
  ['DQ-011', '应急照明灯', 'LED 双头', '个', '电气', 8500, 4],
  ['WJ-001', '门锁锁芯', 'C级 叶片', '个', '五金', 8800, 3],
  ['WJ-002', '闭门器', '65kg', '个', '五金', 12000, 2],
  ['WJ-003', '合页', '4寸 不锈钢', '片', '五金', 600, 10],
  ['WJ-004', '膨胀螺丝', 'M8×80', '个', '五金', 50, 100],
  ['WJ-005', '玻璃胶', '中性 透明', '支', '五金', 1500, 10],
  ['XF-001', '灭火器', 'ABC干粉 4kg', '具', '消防', 9500, 6],
  ['XF-002', '消防水带', 'DN65 20m', '盘', '消防', 18000, 2],
  ['XF-003', '安全出口指示灯', 'LED 单面', '个', '消防', 4500, 4],
  ['TJ-001', '水泥', 'P.O 42.5 50kg', '袋', '土建', 3500, 5],
];

/**
 * The engineering store of the first estate: 30 materials, last month's purchase, stock-outs against
 * demo work orders (with a return), last month's stocktake closed with two differences, this month's use.
 */
export async function seedDemoStock(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  const project = await firstProject(db, boot.companyId);
  if (!project) return 'no stock';
  const now = services.clock.now();
  const tz = project.timezone;
  const p = zonedParts(now, tz);
  const thisMonth = `${p.year}-${String(p.month).padStart(2, '0')}`;
  const lastStart = addDays(`${thisMonth}-01`, -1).slice(0, 7);
  const lastMonth = lastStart;
  const day = (month: string, d: number, time = '10:00') =>
    wallClockInstant(`${month}-${String(d).padStart(2, '0')}`, time, tz);
  const rng = createRng(25);
  const orders = await db
    .select({ id: workOrders.id, number: workOrders.number })
    .from(workOrders)
    .where(and(eq(workOrders.projectId, project.id)))
    .orderBy(asc(workOrders.id))
    .limit(16);
  return db.transaction(async (tx) => {
    const rows = await tx
      .insert(materials)
      .values(
        CATALOGUE.map(([code, name, spec, unit, category, priceFen, minStock]) => ({
          companyId: boot.companyId,
          projectId: project.id,
          code,
          name,
          spec,
          unit,
          category,
          priceFen,
          minStock,
          createdAt: day(lastMonth, 1, '08:00'),
          updatedAt: day(lastMonth, 1, '08:00'),
        })),
      )
      .returning();
    const hand = new Map<number, number>();
    const moves: (typeof stockMovements.$inferInsert)[] = [];
    const move = (
      m: (typeof rows)[number],
      kind: 'in' | 'out' | 'return' | 'adjust',
      delta: number,
      at: Date,
      extra: Partial<typeof stockMovements.$inferInsert> = {},
    ) => {
      hand.set(m.id, (hand.get(m.id) ?? 0) + delta);
      moves.push({
        companyId: boot.companyId,
        projectId: project.id,
        materialId: m.id,
        kind,
        delta,
        priceFen: m.priceFen,
        occurredAt: at,
        byId: boot.adminId,
        ...extra,
      });
    };
    for (const m of rows)
      move(m, 'in', m.minStock * 2 + rng.int(0, 10), day(lastMonth, 2), { note: `${lastMonth} 月采购入库` });
    const draw = (month: string, fromDay: number, toDay: number, list: typeof orders) => {
      for (const wo of list) {
        const m = rng.pick(rows.filter((r) => r.category === '水暖' || r.category === '电气'));
        const qty = Math.min(rng.int(1, 3), hand.get(m.id) ?? 0);
        if (qty > 0)
          move(
            m,
            'out',
            -qty,
            day(month, rng.int(fromDay, toDay), `${rng.int(9, 17)}:${rng.pick(['05', '20', '40'])}`),
            { workOrderNumber: wo.number, workOrderId: wo.id, note: '维修领用' },
          );
      }
    };
    draw(lastMonth, 3, 22, orders.slice(0, 10));
    // 以旧换新: a reusable part comes back from one job.
    const back = moves.find((x) => x.kind === 'out');
    const backRow = rows.find((r) => r.id === back?.materialId);
    if (back && backRow)
      move(backRow, 'return', 1, new Date(back.occurredAt!.getTime() + 3_600_000), {
        workOrderNumber: back.workOrderNumber,
        workOrderId: back.workOrderId,
        note: '旧件可再用，退库',
      });
    // Last month's stocktake (by the 25th, W-25): LED灯管 two short, 生料带 one over.
    const [st] = await tx
      .insert(stocktakes)
      .values({
        companyId: boot.companyId,
        projectId: project.id,
        month: lastMonth,
        status: 'closed',
        closedAt: day(lastMonth, 24, '17:00'),
        createdById: boot.adminId,
        createdAt: day(lastMonth, 24, '14:00'),
        updatedAt: day(lastMonth, 24, '17:00'),
        version: 3,
      })
      .returning();
    const off: Record<string, number> = { 'DQ-001': -2, 'SN-003': 1 };
    await tx.insert(stocktakeLines).values(
      rows.map((m) => ({
        stocktakeId: st!.id,
        materialId: m.id,
        bookQty: hand.get(m.id) ?? 0,
        countedQty: (hand.get(m.id) ?? 0) + (off[m.code] ?? 0),
        priceFen: m.priceFen,
      })),
    );
    for (const m of rows)
      if (off[m.code])
        move(m, 'adjust', off[m.code]!, day(lastMonth, 24, '17:00'), {
          stocktakeId: st!.id,
          note: `${lastMonth} 盘点${off[m.code]! > 0 ? '盘盈' : '盘亏'}`,
        });
    // The 月采购计划 bought what ran low.
    for (const m of rows.filter((r) => (hand.get(r.id) ?? 0) < r.minStock * 2))
      move(m, 'in', m.minStock * 2 - (hand.get(m.id) ?? 0), day(lastMonth, 27), {
        note: `${thisMonth} 月采购计划入库`,
      });
    if (p.day > 1) draw(thisMonth, 1, Math.max(1, p.day - 1), orders.slice(10));
    await tx.insert(stockMovements).values(moves.filter((m) => m.occurredAt! <= now));
    return `${rows.length} materials, ${moves.length} stock movements`;
  });
}

import { and, asc, count, eq, gt, lt, sql } from 'drizzle-orm';
import { monthsBefore } from '../modules/billing/billing-reports';
import { createCampaign } from '../modules/billing/campaign-commands';
import { localDay, localMonth } from '../modules/billing/collection-context';
import { runCollection } from '../modules/billing/collection-job';
import {
  collectionAttempts,
  collectionCampaigns,
  contactWindows,
} from '../modules/billing/collection-schema';
import { disputeBill } from '../modules/billing/dispute-bill';
import { createDoorCollection } from '../modules/billing/door-collections';
import { applyOpeningArrears } from '../modules/billing/import-opening-arrears';
import { unitPaid } from '../modules/billing/log-attempt';
import { recordPayment } from '../modules/billing/record-payment';
import { bills } from '../modules/billing/schema';
import { units } from '../modules/org/schema';
import { residentUnits } from '../modules/residents/schema';
import type { Services } from '../platform/http/app-types';
import type { Bootstrap } from './bootstrap';
import { firstProject, seedAdmin } from './demo-context';

const DAY = 86_400_000;

/**
 * 催缴 demo (W-23/W-24), after the billing and payment seeds: in the first project a four-level
 * campaign, its run over the units left in arrears, an agent's calls with a promise kept (paid at the
 * desk) and one broken (escalated by the next run), a 上门收费 visit, a disputed bill and a resident's
 * evening contact window. With no bills at all (the billing seed not there) it first imports some
 * 历史欠费 so that the pages have something to show.
 */
export async function seedDemoCollection(services: Services, boot: Bootstrap): Promise<string> {
  const { db } = services.database;
  const project = await firstProject(db, boot.companyId);
  if (!project) return 'no project';
  const admin = seedAdmin(boot, [project.id]);
  const actor = { userId: boot.adminId, companyId: boot.companyId, source: 'user' as const };
  const now = services.clock.now();
  const today = localDay(now, project.timezone);
  const month = localMonth(now, project.timezone);
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(bills)
    .where(eq(bills.projectId, project.id));
  if (n === 0) {
    const sample = await db
      .select({ label: units.label })
      .from(units)
      .innerJoin(residentUnits, eq(residentUnits.unitId, units.id))
      .where(eq(units.projectId, project.id))
      .orderBy(asc(units.label))
      .limit(14);
    // Ages spread over every bucket: 1, 2, 3, 6 and 13 months back.
    const ages = [1, 1, 1, 2, 2, 3, 3, 6, 6, 13, 2, 1, 3, 1];
    const rows = sample.flatMap((u, i) => {
      const age = ages[i] ?? 1;
      const fee = 180_00 + ((i * 37) % 9) * 12_50;
      const lines = [{ period: monthsBefore(month, age), fee }];
      if (age >= 6) lines.push({ period: monthsBefore(month, age + 1), fee });
      return lines.map((l, k) => ({
        rowNumber: i * 2 + k + 2,
        row: {
          unitLabel: u.label,
          period: l.period,
          feeName: '物业服务费',
          amount: (l.fee / 100).toFixed(2),
        },
      }));
    });
    await db.transaction((tx) => applyOpeningArrears(tx, actor, project.id, rows, now));
  }
  const [active] = await db
    .select({ id: collectionCampaigns.id })
    .from(collectionCampaigns)
    .where(and(eq(collectionCampaigns.projectId, project.id), eq(collectionCampaigns.active, true)));
  if (!active)
    await createCampaign(services, admin, {
      projectId: project.id,
      name: '物业费催缴（标准四级）',
      active: true,
    });

  const owing = await db
    .select({
      unitId: bills.unitId,
      billId: bills.id,
      balance: bills.balance,
      residentId: residentUnits.residentId,
    })
    .from(bills)
    .innerJoin(residentUnits, eq(residentUnits.unitId, bills.unitId))
    .where(and(eq(bills.projectId, project.id), gt(bills.balance, 0), lt(bills.dueDate, today)))
    .orderBy(asc(bills.dueDate), asc(bills.unitId));
  const distinct = [...new Map(owing.map((o) => [o.unitId, o])).values()];
  const [kept, broken, refused, disputed, door, windowed] = distinct;
  const agent = boot.adminId;
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const dayOf = (d: Date) => localDay(d, project.timezone);
  const manual = async (
    o: (typeof distinct)[number],
    at: Date,
    outcome: 'answered' | 'no_answer' | 'promised' | 'refused' | 'wrong_number',
    note: string,
    promise?: { date: string; amount: number; state: 'open' | 'kept' | 'broken' },
  ) =>
    db.insert(collectionAttempts).values({
      companyId: boot.companyId,
      projectId: project.id,
      buildingId: sql`(select building_id from units where id = ${o.unitId})`,
      unitId: o.unitId,
      residentId: o.residentId,
      channel: 'manual_call',
      status: 'done',
      outcome,
      scheduledAt: at,
      attemptedAt: at,
      owedAmount: o.balance,
      byId: agent,
      note,
      promisedDate: promise?.date ?? null,
      promisedAmount: promise?.amount ?? null,
      promiseState: promise?.state ?? null,
      paidAtPromise: promise ? await unitPaid(db, o.unitId) : null,
      createdAt: at,
      updatedAt: at,
    });
  if (kept) {
    await manual(kept, ago(9), 'no_answer', '无人接听');
    await manual(kept, ago(8), 'promised', '业主称月底发工资后到前台缴纳', {
      date: dayOf(ago(2)),
      amount: kept.balance,
      state: 'open',
    });
    // The promise kept: paid at the desk before its date.
    await recordPayment(services, admin, {
      unitId: kept.unitId,
      amount: kept.balance,
      method: 'cash',
      prepay: false,
      note: '按承诺到前台缴清',
    });
  }
  if (broken)
    await manual(broken, ago(10), 'promised', '业主答应一周内通过门户缴费', {
      date: dayOf(ago(3)),
      amount: broken.balance,
      state: 'open',
    });
  if (refused) {
    await manual(refused, ago(6), 'refused', '业主对地库漏水维修不满，表示问题解决前不缴费');
    await manual(refused, ago(4), 'wrong_number', '预留手机号已停机，待核实新号码');
  }
  if (disputed)
    await disputeBill(services, admin, disputed.billId, {
      disputed: true,
      reason: '业主称装修期间未入住，对该期物业费有异议，待客服主管核实',
    });
  if (door) {
    const tomorrow = new Date(`${dayOf(new Date(now.getTime() + 2 * DAY))}T15:00:00+08:00`);
    await createDoorCollection(services, admin, {
      unitId: door.unitId,
      agreedAt: tomorrow.toISOString(),
      contactName: '业主本人',
      contactPhone: '',
      assigneeId: agent,
      note: '老人行动不便，申请上门收费；出发前电话确认，带收据与零钱',
    });
  }
  if (windowed?.residentId)
    await db.insert(contactWindows).values({
      projectId: project.id,
      residentId: windowed.residentId,
      weekdays: [0, 1, 2, 3, 4],
      start: '19:00',
      end: '20:30',
    });
  // The run settles the promises (one kept, one broken → the next level) and plans every level due.
  const run = await runCollection(services, project.id);
  return `催缴: ${distinct.length} units in arrears, ${run.planned} attempts planned, ${run.sent} sent`;
}

import { and, eq, gte, inArray, isNotNull, lt, lte, sql } from 'drizzle-orm';
import type { BusMessage } from '../../platform/bus/bus';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { roleHolders, tell } from '../complaints/tell';
import { projects, units } from '../org/schema';
import { publishAll } from '../tickets/ticket-write';
import { zoneBuildings, zones } from '../zones/schema';
import { projectToday } from './queries';
import { addDays, moveInSchedule } from './rules/plan';
import { visits } from './schema';
import { MOVE_IN_CARE_DAYS, MOVE_IN_VISIT_DAYS } from './settings';

const jobActor = (companyId: number) => ({ userId: null, companyId, source: 'job' as const });

/**
 * Q86/Q87: for every unit that moved in (its handover date) within the last visit window, plan the
 * butler's care contact and the 3-day, 1-week and 1-month visits, visitor = the zone's butler. Unique
 * per unit and schedule key, so the daily run (and a late first run) never plans one twice.
 */
export async function planMoveInVisits(tx: DbOrTx, projectId: number, now: Date): Promise<number> {
  const [p] = await tx
    .select({ companyId: projects.companyId })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!p) return 0;
  const scope = { companyId: p.companyId, projectId };
  const days = await getSetting(tx, MOVE_IN_VISIT_DAYS, scope);
  const careDays = await getSetting(tx, MOVE_IN_CARE_DAYS, scope);
  const today = await projectToday(tx, projectId, now);
  const window = Math.max(...days, careDays);
  const moved = await tx
    .select({ id: units.id, handoverDate: units.handoverDate, butlerId: zones.butlerId })
    .from(units)
    .leftJoin(zoneBuildings, eq(zoneBuildings.buildingId, units.buildingId))
    .leftJoin(zones, eq(zones.id, zoneBuildings.zoneId))
    .where(
      and(
        eq(units.projectId, projectId),
        isNotNull(units.handoverDate),
        gte(units.handoverDate, addDays(today, -window)),
        lte(units.handoverDate, today),
      ),
    );
  let planned = 0;
  for (const u of moved) {
    if (!u.handoverDate) continue;
    const rows = moveInSchedule(u.handoverDate, days, careDays)
      // A visit whose day passed before the unit was found (a late import) is still planned: it shows as missed.
      .map((s) => ({
        companyId: p.companyId,
        projectId,
        unitId: u.id,
        purpose: s.purpose,
        method: s.sourceKey === 'care' ? ('电话' as const) : ('上门' as const),
        source: 'move_in' as const,
        sourceKey: s.sourceKey,
        plannedOn: s.plannedOn,
        dueOn: s.dueOn,
        visitorIds: u.butlerId ? [u.butlerId] : [],
        note: `入住日期 ${u.handoverDate}`,
        createdAt: now,
        updatedAt: now,
      }));
    const inserted = await tx
      .insert(visits)
      .values(rows)
      .onConflictDoNothing({ target: [visits.unitId, visits.sourceKey], where: sql`source_key is not null` })
      .returning({ id: visits.id });
    if (inserted.length)
      await recordEvent(tx, jobActor(p.companyId), now, {
        action: 'visit.move_in_planned',
        entityType: 'unit',
        entityId: u.id,
        projectId,
        after: { moveIn: u.handoverDate, visitIds: inserted.map((i) => i.id) },
      });
    planned += inserted.length;
  }
  return planned;
}

/** Move-in visits past their due day and not made: the butler and the 客服主管 hear once per visit. */
export async function warnOverdueMoveIn(
  tx: DbOrTx,
  outbox: BusMessage[],
  projectId: number,
  now: Date,
): Promise<number> {
  const today = await projectToday(tx, projectId, now);
  const late = await tx
    .select({ v: visits, label: units.label })
    .from(visits)
    .innerJoin(units, eq(units.id, visits.unitId))
    .where(
      and(
        eq(visits.projectId, projectId),
        eq(visits.source, 'move_in'),
        inArray(visits.status, ['planned', 'confirmed', 'absent']),
        lt(visits.dueOn, today),
      ),
    );
  for (const { v, label } of late) {
    const supervisors = await roleHolders(tx, v.companyId, v.projectId, ['cs_supervisor']);
    await tell({ tx, now, outbox }, [...v.visitorIds, ...supervisors], {
      companyId: v.companyId,
      projectId: v.projectId,
      ticketId: null,
      kind: 'visit.overdue',
      level: 1,
      title: '【入住回访逾期】',
      body: `${label} 的${v.purpose}（应于 ${v.dueOn} 前完成）尚未完成，请尽快安排。`,
      dedupeKey: `visit-overdue:${v.id}`,
    });
  }
  return late.length;
}

export async function moveInSweep(services: Pick<Services, 'database' | 'clock' | 'bus'>) {
  const now = services.clock.now();
  const outbox: BusMessage[] = [];
  const all = await services.database.db.select({ id: projects.id }).from(projects);
  let planned = 0;
  let overdue = 0;
  for (const p of all)
    await services.database.db.transaction(async (tx) => {
      planned += await planMoveInVisits(tx, p.id, now);
      overdue += await warnOverdueMoveIn(tx, outbox, p.id, now);
    });
  await publishAll(services, outbox);
  return { planned, overdue };
}

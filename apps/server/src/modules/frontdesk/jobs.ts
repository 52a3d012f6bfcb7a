import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { BusMessage } from '../../platform/bus/bus';
import type { Actor } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { notify, usersWithRoles } from '../notifications/notify';
import { publishAll } from '../tickets/ticket-write';
import { moveEntry } from './engine';
import { messageResident } from './notify-resident';
import { parcelDue } from './rules/registers';
import { deskEntries } from './schema';
import { PARCEL_ABANDON_DAYS, PARCEL_REMINDER_DAYS } from './settings';

export const DESK_SWEEP_JOB = 'frontdesk.sweep';
type Ctx = Pick<Services, 'database' | 'clock' | 'queue' | 'bus'>;
const BATCH = 500;
/** The desk's own people: whoever keeps the key cabinet and the loan register. */
const DESK_ROLES = ['cs_lead', 'agent', 'butler', 'cs_supervisor'] as const;
const jobActor = (companyId: number): Actor => ({ userId: null, companyId, source: 'job' });

/**
 * The desk's sweep: no-show passes and unused release slips past their window expire; waiting
 * parcels get their second notice and, later, are marked abandoned; keys and loans past their
 * expected return are told to the desk once. Each record moves in its own transaction.
 */
export async function sweepDesk(ctx: Ctx) {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  let expired = 0;
  let reminded = 0;
  let abandoned = 0;
  let overdue = 0;
  const stale = await db
    .select({ id: deskEntries.id })
    .from(deskEntries)
    .where(
      and(
        isNull(deskEntries.closedAt),
        inArray(deskEntries.register, ['visitor', 'release']),
        inArray(deskEntries.status, ['待确认', '有效', '待审批', '已批准']),
        lt(deskEntries.validUntil, now),
      ),
    )
    .limit(BATCH);
  for (const { id } of stale)
    await db.transaction(async (tx) => {
      const [row] = await tx.select().from(deskEntries).where(eq(deskEntries.id, id)).for('update');
      if (!row || row.closedAt) return;
      await moveEntry(tx, jobActor(row.companyId), now, row, 'expire', 'job');
      expired++;
    });

  const waiting = await db
    .select()
    .from(deskEntries)
    .where(
      and(eq(deskEntries.register, 'parcel'), eq(deskEntries.status, '待取'), isNull(deskEntries.closedAt)),
    )
    .limit(BATCH);
  for (const p of waiting) {
    const scope = { companyId: p.companyId, projectId: p.projectId };
    const [remindDays, abandonDays] = await Promise.all([
      getSetting(db, PARCEL_REMINDER_DAYS, scope),
      getSetting(db, PARCEL_ABANDON_DAYS, scope),
    ]);
    const due = parcelDue(p.createdAt, p.remindedAt !== null, now, remindDays, abandonDays);
    if (due === 'none') continue;
    await db.transaction(async (tx) => {
      const [row] = await tx.select().from(deskEntries).where(eq(deskEntries.id, p.id)).for('update');
      if (row?.status !== '待取') return;
      if (due === 'abandon') {
        await moveEntry(tx, jobActor(row.companyId), now, row, 'abandon', 'job');
        abandoned++;
        return;
      }
      const d = row.details as { carrier?: string; shelf?: string; pickupCode?: string };
      await messageResident(
        tx,
        ctx,
        row,
        '快递待取提醒',
        `您的快递（${d.carrier ?? ''}）已在前台存放 ${remindDays} 天以上，货架 ${d.shelf ?? ''}，取件码 ${d.pickupCode ?? ''}，请尽快领取；逾期 ${abandonDays} 天将按弃件处理。`,
      );
      await tx
        .update(deskEntries)
        .set({ remindedAt: now, details: { ...row.details, reminders: 1 }, updatedAt: now })
        .where(eq(deskEntries.id, row.id));
      reminded++;
    });
  }

  const late = await db
    .select()
    .from(deskEntries)
    .where(
      and(
        inArray(deskEntries.register, ['key', 'loan']),
        eq(deskEntries.status, '借出'),
        isNull(deskEntries.remindedAt),
        lt(deskEntries.dueAt, now),
      ),
    )
    .limit(BATCH);
  const outbox: BusMessage[] = [];
  for (const e of late) {
    const people = await usersWithRoles(db, e.companyId, e.projectId, DESK_ROLES);
    const what =
      e.register === 'key' ? '钥匙' : String((e.details as { itemName?: string }).itemName ?? '借用物品');
    await db.transaction(async (tx) => {
      await notify(
        { tx, now, outbox },
        people.map((p) => ({
          companyId: e.companyId,
          userId: p.userId,
          projectId: e.projectId,
          kind: 'desk.overdue' as const,
          level: 1,
          title: '【逾期未还】',
          body: `${e.name} 借出的${what}（${e.code}）已超过约定归还时间，请联系归还。`,
          dedupeKey: `desk-overdue:${e.id}`,
        })),
      );
      await tx.update(deskEntries).set({ remindedAt: now }).where(eq(deskEntries.id, e.id));
    });
    overdue++;
  }
  await publishAll(ctx, outbox);
  return { expired, reminded, abandoned, overdue };
}

export function registerDeskJobs(ctx: Ctx): void {
  ctx.queue.register(DESK_SWEEP_JOB, async () => sweepDesk(ctx));
  ctx.queue.schedule(DESK_SWEEP_JOB, '*/10 * * * *', {});
}

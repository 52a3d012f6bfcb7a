import type { CampaignLevel } from '@guanjia/shared';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import type { Actor } from '../../platform/events/record-event';
import { recordEvent } from '../../platform/events/record-event';
import { windowsOf } from './collection-context';
import { type CollectionCampaignRow, collectionAttempts } from './collection-schema';
import { unitPaid } from './log-attempt';
import { daysPastDue } from './rules/aging';
import { chooseLevel, promiseKept } from './rules/campaign-level';
import { type ContactRules, nextContactMoment } from './rules/contact-time';
import { num, sqlRows } from './sql-rows';

/** A unit the job looks at: what it owes past due (undisputed and disputed), since when, and its state. */
export interface Candidate {
  unitId: number;
  buildingId: number;
  owed: number;
  disputedOwed: number;
  oldest: string | null;
  doneLevel: number;
  openPromise: boolean;
  brokenPromise: boolean;
  residentId: number | null;
}

/** Owing units of a project with their campaign state, in one query over the open-bill index. */
export async function candidates(db: DbOrTx, projectId: number, today: string, unitId?: number) {
  const rows = await sqlRows<Record<string, unknown>>(
    db,
    sql`with owing as (
          select b.unit_id, b.building_id,
                 coalesce(sum(b.balance) filter (where not b.disputed), 0) as owed,
                 coalesce(sum(b.balance) filter (where b.disputed), 0) as disputed,
                 min(b.due_date) filter (where not b.disputed) as oldest
            from bills b
           where b.project_id = ${projectId} and b.balance > 0 and b.due_date < ${today}::date
             ${unitId ? sql`and b.unit_id = ${unitId}` : sql``}
           group by b.unit_id, b.building_id)
        select o.*,
               (select coalesce(max(a.level), 0) from collection_attempts a
                 where a.unit_id = o.unit_id and a.level is not null and a.status <> 'cancelled'
                   and a.episode = o.oldest) as done_level,
               exists (select 1 from collection_attempts a
                        where a.unit_id = o.unit_id and a.promise_state = 'open') as open_promise,
               exists (select 1 from collection_attempts a
                        where a.unit_id = o.unit_id and a.promise_state = 'broken'
                          and a.id > coalesce((select max(x.id) from collection_attempts x
                                                where x.unit_id = o.unit_id and x.level is not null
                                                  and x.status <> 'cancelled'), 0)) as broken_promise,
               (select ru.resident_id from resident_units ru where ru.unit_id = o.unit_id
                 order by (ru.relation = '业主') desc, ru.resident_id limit 1) as resident_id
          from owing o
         order by o.unit_id`,
  );
  return rows.map(
    (r): Candidate => ({
      unitId: num(r.unit_id),
      buildingId: num(r.building_id),
      owed: num(r.owed),
      disputedOwed: num(r.disputed),
      oldest: r.oldest ? String(r.oldest).slice(0, 10) : null,
      doneLevel: num(r.done_level),
      openPromise: r.open_promise === true,
      brokenPromise: r.broken_promise === true,
      residentId: r.resident_id === null ? null : num(r.resident_id),
    }),
  );
}

/** Promises whose date has passed: kept when the unit paid what it promised since, else broken. */
export async function settlePromises(db: DbOrTx, actor: Actor, projectId: number, today: string, now: Date) {
  const due = await db
    .select()
    .from(collectionAttempts)
    .where(
      and(
        eq(collectionAttempts.projectId, projectId),
        eq(collectionAttempts.promiseState, 'open'),
        lt(collectionAttempts.promisedDate, today),
      ),
    );
  let broken = 0;
  for (const p of due) {
    const [owing] = await candidates(db, projectId, today, p.unitId);
    const kept = promiseKept(
      { promisedAmount: p.promisedAmount, paidAtPromise: p.paidAtPromise ?? 0 },
      await unitPaid(db, p.unitId),
      owing?.owed ?? 0,
    );
    const state = kept ? 'kept' : 'broken';
    if (!kept) broken++;
    await db
      .update(collectionAttempts)
      .set({ promiseState: state, updatedAt: now, version: p.version + 1 })
      .where(eq(collectionAttempts.id, p.id));
    await recordEvent(db, actor, now, {
      action: kept ? 'collection_promise.kept' : 'collection_promise.broken',
      entityType: 'unit',
      entityId: p.unitId,
      projectId,
      after: { attemptId: p.id, promisedDate: p.promisedDate, promisedAmount: p.promisedAmount },
    });
  }
  return broken;
}

const needsContactTime = (level: CampaignLevel) => level.channel === 'sms' || level.channel === 'call';

/**
 * Plan the next level for every owing unit that has reached one: a 'scheduled' attempt at the next
 * moment Q07, the holidays and the resident's own window allow. The dedupe key (unit × episode ×
 * level) makes a second run plan nothing new.
 */
export async function planAttempts(
  db: DbOrTx,
  campaign: CollectionCampaignRow,
  rules: ContactRules,
  today: string,
  now: Date,
): Promise<number> {
  const list = await candidates(db, campaign.projectId, today);
  const windows = await windowsOf(
    db,
    list.flatMap((c) => (c.residentId ? [c.residentId] : [])),
  );
  let planned = 0;
  for (const c of list) {
    const choice = chooseLevel({
      levels: campaign.levels,
      minAmount: campaign.minAmount,
      owed: c.owed,
      disputedOwed: c.disputedOwed,
      daysOverdue: c.oldest ? daysPastDue(c.oldest, today) : 0,
      doneLevel: c.doneLevel,
      openPromise: c.openPromise,
      brokenPromise: c.brokenPromise,
    });
    if (choice.action !== 'attempt' || !c.oldest) continue;
    const level = choice.level;
    const scheduledAt = needsContactTime(level)
      ? nextContactMoment(now, { ...rules, windows: (c.residentId && windows.get(c.residentId)) || [] })
      : now;
    const inserted = await db
      .insert(collectionAttempts)
      .values({
        companyId: campaign.companyId,
        projectId: campaign.projectId,
        buildingId: c.buildingId,
        unitId: c.unitId,
        residentId: c.residentId,
        campaignId: campaign.id,
        level: level.level,
        channel: level.channel,
        status: 'scheduled',
        scheduledAt,
        episode: c.oldest,
        owedAmount: c.owed,
        daysOverdue: daysPastDue(c.oldest, today),
        note: choice.escalated ? '承诺未兑现，提前升级' : '',
        dedupeKey: `auto:${c.unitId}:${c.oldest}:${level.level}`,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: collectionAttempts.id });
    planned += inserted.length;
  }
  return planned;
}

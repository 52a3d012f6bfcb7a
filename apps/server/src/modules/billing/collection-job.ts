import { and, asc, eq, lte } from 'drizzle-orm';
import type { BusMessage } from '../../platform/bus/bus';
import { type Actor, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { units } from '../org/schema';
import { calls } from '../telephony/schema';
import { publishAll } from '../tickets/ticket-write';
import { contactRulesOf, localDay, type ProjectInfo, projectOf, windowsOf } from './collection-context';
import { candidates, planAttempts, settlePromises } from './collection-plan';
import {
  type CollectionAttemptRow,
  type CollectionCampaignRow,
  collectionAttempts,
  collectionCampaigns,
} from './collection-schema';
import { type DialRequest, openTask, postDial, prepareCall, sendSms } from './collection-send';
import { callText, letterText, managerText, type ReminderFacts, smsText } from './collection-text';
import { daysPastDue } from './rules/aging';
import { type ContactRules, nextContactMoment } from './rules/contact-time';

export const COLLECTION_JOB = 'billing.collection';

type JobServices = Pick<Services, 'database' | 'clock' | 'queue' | 'bus' | 'config'>;

export interface CollectionRunResult {
  broken: number;
  planned: number;
  sent: number;
  cancelled: number;
  deferred: number;
}

/**
 * The 催缴 job (W-23), under the scenario clock: per project with an active campaign, settle promises
 * whose date passed, plan the next level of every owing unit, then carry out the attempts that are due.
 * Re-running it sends nothing twice: planning is keyed per unit × episode × level, and an attempt is
 * carried out only by whoever moves it out of 'scheduled' (row lock, SKIP LOCKED).
 */
export async function runCollection(services: JobServices, projectId?: number): Promise<CollectionRunResult> {
  const { db } = services.database;
  const result: CollectionRunResult = { broken: 0, planned: 0, sent: 0, cancelled: 0, deferred: 0 };
  const campaigns = await db
    .select()
    .from(collectionCampaigns)
    .where(
      and(
        eq(collectionCampaigns.active, true),
        projectId ? eq(collectionCampaigns.projectId, projectId) : undefined,
      ),
    );
  for (const campaign of campaigns) {
    const project = await projectOf(db, campaign.projectId);
    if (!project) continue;
    const now = services.clock.now();
    const today = localDay(now, project.timezone);
    const actor: Actor = { userId: null, companyId: campaign.companyId, source: 'job' };
    const rules = await contactRulesOf(db, project);
    await db.transaction(async (tx) => {
      result.broken += await settlePromises(tx, actor, campaign.projectId, today, now);
      result.planned += await planAttempts(tx, campaign, rules, today, now);
    });
    const due = await db
      .select({ id: collectionAttempts.id })
      .from(collectionAttempts)
      .where(
        and(
          eq(collectionAttempts.projectId, campaign.projectId),
          eq(collectionAttempts.status, 'scheduled'),
          lte(collectionAttempts.scheduledAt, now),
        ),
      )
      .orderBy(asc(collectionAttempts.scheduledAt))
      .limit(500);
    for (const { id } of due) {
      const outcome = await carryOut(services, campaign, project, rules, id, actor);
      result[outcome]++;
    }
  }
  return result;
}

/** One due attempt: re-checked (paid or disputed since → cancelled; quiet time now → later), then sent. */
async function carryOut(
  services: JobServices,
  campaign: CollectionCampaignRow,
  project: ProjectInfo,
  rules: ContactRules,
  attemptId: number,
  actor: Actor,
): Promise<'sent' | 'cancelled' | 'deferred' | 'planned'> {
  const outbox: BusMessage[] = [];
  let dial: DialRequest | null = null;
  const now = services.clock.now();
  const today = localDay(now, project.timezone);
  const outcome = await services.database.db.transaction(async (tx) => {
    const [a] = await tx
      .select()
      .from(collectionAttempts)
      .where(and(eq(collectionAttempts.id, attemptId), eq(collectionAttempts.status, 'scheduled')))
      .for('update', { skipLocked: true });
    // Someone else (another node, a parallel run) has it, or it is done already.
    if (!a) return 'planned' as const;
    const [owing] = await candidates(tx, a.projectId, today, a.unitId);
    const owed = owing?.owed ?? 0;
    if (owed <= 0 || owed < campaign.minAmount) {
      const why = (owing?.disputedOwed ?? 0) > 0 && owed <= 0 ? '有争议，停止催缴' : '已缴清，停止催缴';
      await finish(tx, a, { status: 'cancelled', note: why }, now);
      await recordEvent(tx, actor, now, {
        action: 'collection_attempt.cancelled',
        entityType: 'unit',
        entityId: a.unitId,
        projectId: a.projectId,
        after: { attemptId: a.id, level: a.level, reason: why },
      });
      return 'cancelled' as const;
    }
    if (a.channel === 'sms' || a.channel === 'call') {
      const windows = a.residentId ? ((await windowsOf(tx, [a.residentId])).get(a.residentId) ?? []) : [];
      const next = nextContactMoment(now, { ...rules, windows });
      if (next.getTime() > now.getTime()) {
        await tx
          .update(collectionAttempts)
          .set({ scheduledAt: next, updatedAt: now, version: a.version + 1 })
          .where(eq(collectionAttempts.id, a.id));
        return 'deferred' as const;
      }
    }
    const [unit] = await tx.select({ label: units.label }).from(units).where(eq(units.id, a.unitId));
    const facts: ReminderFacts = {
      projectName: project.name,
      unitLabel: unit?.label ?? '',
      owed,
      daysOverdue: owing?.oldest ? daysPastDue(owing.oldest, today) : a.daysOverdue,
      servicePhone: project.servicePhone,
    };
    const level = campaign.levels.find((l) => l.level === a.level) ?? {
      level: a.level ?? 0,
      days: 0,
      channel: 'sms' as const,
      task: false,
    };
    const w = { tx, now, outbox };
    let message = '';
    let result: { outcome: 'sent' | 'failed'; note: string; residentId?: number } = {
      outcome: 'sent',
      note: '',
    };
    let callId: number | null = null;
    let taskId: number | null = null;
    if (a.channel === 'sms') {
      message = smsText(facts);
      result = await sendSms(w, services, a, message);
    } else if (a.channel === 'call') {
      message = callText(facts);
      const prepared = await prepareCall(w, services, project, a, message);
      dial = prepared.dial;
      callId = dial?.callId ?? null;
      result = dial ? { outcome: 'sent', note: '' } : { outcome: 'failed', note: prepared.note };
    } else if (a.channel === 'letter') {
      message = letterText(facts);
    } else if (a.channel === 'manager') {
      message = managerText(facts);
      taskId = await openTask(w, a, level, 'manager', `【长期欠费】${facts.unitLabel}`, message);
    }
    if (level.task && a.channel !== 'manager')
      taskId = await openTask(
        w,
        a,
        level,
        'follow_up',
        `【催缴跟进】${facts.unitLabel}`,
        message || letterText(facts),
      );
    await finish(
      tx,
      a,
      {
        status: 'done',
        outcome: result.outcome,
        note: [a.note, result.note].filter(Boolean).join('；'),
        message,
        owedAmount: owed,
        daysOverdue: facts.daysOverdue,
        callId,
        taskId,
        residentId: result.residentId ?? a.residentId,
      },
      now,
    );
    await recordEvent(tx, actor, now, {
      action: 'collection_attempt.sent',
      entityType: 'unit',
      entityId: a.unitId,
      projectId: a.projectId,
      after: { attemptId: a.id, level: a.level, channel: a.channel, outcome: result.outcome, owed },
    });
    return 'sent' as const;
  });
  await publishAll(services, outbox);
  if (dial) await dialAfterCommit(services, attemptId, dial);
  return outcome;
}

async function finish(
  tx: Parameters<Parameters<JobServices['database']['db']['transaction']>[0]>[0],
  a: CollectionAttemptRow,
  patch: Partial<CollectionAttemptRow>,
  now: Date,
) {
  await tx
    .update(collectionAttempts)
    .set({ ...patch, attemptedAt: now, updatedAt: now, version: a.version + 1 })
    .where(eq(collectionAttempts.id, a.id));
}

/** The PBX is asked after commit (never inside a transaction); a refusal is written on the attempt. */
async function dialAfterCommit(services: JobServices, attemptId: number, dial: DialRequest) {
  const failure = await postDial(dial);
  if (!failure) return;
  const now = services.clock.now();
  await services.database.db.transaction(async (tx) => {
    await tx
      .update(collectionAttempts)
      .set({ outcome: 'failed', note: `外呼失败：${failure}`, updatedAt: now })
      .where(eq(collectionAttempts.id, attemptId));
    await tx
      .update(calls)
      .set({ state: 'ended', endedAt: now, cause: `dial_failed: ${failure}`, updatedAt: now })
      .where(eq(calls.id, dial.callId));
  });
}

export function registerCollectionJobs(services: JobServices): void {
  services.queue.register(COLLECTION_JOB, async () => runCollection(services));
  // Every ten minutes: a planned attempt goes out within ten minutes of its allowed moment.
  services.queue.schedule(COLLECTION_JOB, '*/10 * * * *', {});
}

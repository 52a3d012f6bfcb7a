import { normalizePhone } from '@guanjia/shared';
import { inArray } from 'drizzle-orm';
import { users } from '../../platform/auth/schema';
import type { BusMessage } from '../../platform/bus/bus';
import type { DbOrTx } from '../../platform/db/client';
import type { Services } from '../../platform/http/app-types';
import { insertDeliveries } from '../delivery/queue-deliveries';
import { notify } from '../notifications/notify';
import type { EmergencyRow } from './schema';

export const EMERGENCY_DIAL_JOB = 'emergencies.dial';

export interface Alert {
  emergency: Pick<
    EmergencyRow,
    'id' | 'companyId' | 'projectId' | 'number' | 'type' | 'level' | 'place' | 'drill'
  >;
  stepId: number;
  stepTitle: string;
  /** 0 = the step's own alert when it opens; n ≥ 1 = the n-th escalation. */
  level: number;
  userIds: readonly number[];
}

/** Every message of a drill reads 【演习】 first, so nobody mistakes it for the real thing. */
export const drillMark = (drill: boolean, text: string) => (drill ? `【演习】${text}` : text);

export function alertText(a: Alert): { title: string; body: string } {
  const e = a.emergency;
  const title =
    a.level === 0
      ? `【应急】${e.number} ${e.type}（${e.level}）：${a.stepTitle}`
      : `【应急升级${a.level}】${e.number} ${a.stepTitle} 已超时`;
  return {
    title: drillMark(e.drill, title),
    body: drillMark(e.drill, `${e.type}·${e.place}：请立即处理并在系统中确认`),
  };
}

/**
 * Tell the people of one step: in-app always, SMS to their phones (urgent: quiet hours do not hold an
 * emergency back), and — for escalations — a phone call through the project's PBX dial webhook. All in
 * the caller's transaction: the alert exists exactly when the step's state says it was sent.
 */
export async function sendAlert(
  w: { tx: DbOrTx; now: Date; outbox: BusMessage[] },
  services: Pick<Services, 'queue' | 'clock'>,
  a: Alert,
): Promise<{ inApp: number; sms: number; calls: number }> {
  const people = [...new Set(a.userIds)];
  if (!people.length) return { inApp: 0, sms: 0, calls: 0 };
  const { title, body } = alertText(a);
  const e = a.emergency;
  await notify(
    w,
    people.map((userId) => ({
      companyId: e.companyId,
      userId,
      projectId: e.projectId,
      kind: a.level === 0 ? ('emergency.alert' as const) : ('emergency.escalated' as const),
      level: a.level,
      title,
      body,
      dedupeKey: `em:${e.id}:s${a.stepId}:l${a.level}`,
    })),
  );
  const phones = await w.tx
    .select({ id: users.id, phone: users.phone })
    .from(users)
    .where(inArray(users.id, people));
  const mobiles = phones
    .map((p) => ({ userId: p.id, e164: p.phone ? (normalizePhone(p.phone)?.e164 ?? null) : null }))
    .filter((p): p is { userId: number; e164: string } => p.e164 !== null);
  const sms = await insertDeliveries(
    w.tx,
    services,
    mobiles.map((m) => ({
      companyId: e.companyId,
      projectId: e.projectId,
      sourceType: 'emergency' as const,
      sourceId: e.id,
      userId: m.userId,
      channel: 'sms' as const,
      recipient: m.e164,
      subject: title,
      body: `${title} ${body}`,
      urgent: true,
      maxAttempts: 5,
      createdAt: w.now,
      updatedAt: w.now,
    })),
  );
  // One dial job per escalation, ringing each person in turn (a burst of timers queues one job each).
  const calls =
    a.level > 0 && mobiles.length
      ? (await services.queue.enqueue(
          EMERGENCY_DIAL_JOB,
          { emergencyId: e.id, projectId: e.projectId, to: mobiles.map((m) => m.e164), text: title },
          { tx: w.tx, dedupeKey: `em-dial:${e.id}:s${a.stepId}:l${a.level}`, maxAttempts: 3 },
        ))
        ? mobiles.length
        : 0
      : 0;
  return { inApp: people.length, sms, calls };
}

import { randomUUID } from 'node:crypto';
import type { CampaignLevel } from '@guanjia/shared';
import { normalizePhone } from '@guanjia/shared';
import { eq } from 'drizzle-orm';
import type { BusMessage } from '../../platform/bus/bus';
import type { DbOrTx } from '../../platform/db/client';
import type { Services } from '../../platform/http/app-types';
import { getSetting } from '../../platform/settings/get-setting';
import { queueDeliveries } from '../delivery/queue-deliveries';
import { resolveAudience } from '../delivery/recipients';
import { signAudio } from '../ivr/rules/audio-signature';
import { ttsOf } from '../ivr/tts/speak';
import { notify, usersWithRoles } from '../notifications/notify';
import { residentPhones } from '../residents/schema';
import { calls, telephonyConfigs } from '../telephony/schema';
import type { ProjectInfo } from './collection-context';
import { type CollectionAttemptRow, collectionTasks } from './collection-schema';
import { COLLECTION_FOLLOW_UP_ROLES, COLLECTION_MANAGER_ROLES } from './collection-settings';

type SendServices = Pick<Services, 'queue' | 'clock' | 'config'>;
export interface SendWrite {
  tx: DbOrTx;
  now: Date;
  outbox: BusMessage[];
}

/** The 催缴 SMS to the unit's resident (the owner first), through the ordinary delivery outbox. */
export async function sendSms(w: SendWrite, services: SendServices, a: CollectionAttemptRow, text: string) {
  const audience = await resolveAudience(w.tx, { projectId: a.projectId, unitIds: [a.unitId] });
  const target =
    audience.find((r) => r.residentId === a.residentId && r.mobile) ?? audience.find((r) => r.mobile);
  if (!target) return { outcome: 'failed' as const, note: '无手机号' };
  await queueDeliveries(
    w.tx,
    services,
    {
      companyId: a.companyId,
      projectId: a.projectId,
      sourceType: 'collection',
      sourceId: a.id,
      urgent: false,
      subject: '物业费催缴提醒',
      channel: 'sms',
    },
    [target],
    () => text,
  );
  return { outcome: 'sent' as const, note: '', residentId: target.residentId };
}

export interface DialRequest {
  url: string;
  body: Record<string, unknown>;
  callId: number;
}

/**
 * Prepare the spoken reminder: a calls row under a Guanjia call id (the PBX reports progress with it
 * through the ordinary telephony webhook) and the dial request to post after commit.
 */
export async function prepareCall(
  w: SendWrite,
  services: SendServices,
  project: ProjectInfo,
  a: CollectionAttemptRow,
  text: string,
): Promise<{ dial: DialRequest | null; note: string }> {
  const [config] = await w.tx
    .select({ dialUrl: telephonyConfigs.dialUrl })
    .from(telephonyConfigs)
    .where(eq(telephonyConfigs.projectId, a.projectId));
  if (!config?.dialUrl) return { dial: null, note: '未配置外呼' };
  const phones = a.residentId
    ? await w.tx.select().from(residentPhones).where(eq(residentPhones.residentId, a.residentId))
    : [];
  const phone = phones.sort((x, y) => x.position - y.position)[0];
  const target = phone ? normalizePhone(phone.e164, { areaCode: project.areaCode ?? undefined }) : null;
  if (!target) return { dial: null, note: '无电话号码' };
  const externalId = `gj-${randomUUID()}`;
  const [call] = await w.tx
    .insert(calls)
    .values({
      companyId: a.companyId,
      projectId: a.projectId,
      externalId,
      direction: 'out',
      state: 'dialing',
      fromNumber: 'collection',
      toNumber: target.national,
      partyE164: target.e164,
      startedAt: w.now,
      createdAt: w.now,
      updatedAt: w.now,
    })
    .returning({ id: calls.id });
  if (!call) throw new Error('insert returned nothing');
  const tts = ttsOf(services);
  const hash = await tts.render('zh-CN', text).catch(() => null);
  let audioPath: string | undefined;
  if (hash) {
    const { exp, sig } = signAudio(await tts.urlKey(), hash, Math.floor(w.now.getTime() / 1000) + 86_400);
    // Relative: the PBX already knows our address (it posts its events to us).
    audioPath = `/api/ivr/audio/${hash}.wav?exp=${exp}&sig=${sig}`;
  }
  return {
    dial: {
      url: config.dialUrl,
      callId: call.id,
      body: {
        callId: externalId,
        projectId: a.projectId,
        to: target.national,
        purpose: 'collection',
        say: text,
        ...(audioPath ? { audioPath } : {}),
      },
    },
    note: '',
  };
}

const DIAL_TIMEOUT_MS = 5_000;

/** Post the dial request; null when the PBX accepted it, else why not. */
export async function postDial(req: DialRequest): Promise<string | null> {
  try {
    const res = await fetch(req.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(req.body),
      signal: AbortSignal.timeout(DIAL_TIMEOUT_MS),
    });
    return res.ok ? null : `HTTP ${res.status}`;
  } catch (error) {
    return error instanceof Error ? error.name : 'error';
  }
}

/**
 * Level 3's follow-up for the 客服主管 and level 4's escalation to the project manager: a task (for the
 * first holder of the role) and a bell notification for every holder.
 */
export async function openTask(
  w: SendWrite,
  a: CollectionAttemptRow,
  level: CampaignLevel,
  kind: 'follow_up' | 'manager',
  title: string,
  body: string,
) {
  const scope = { companyId: a.companyId, projectId: a.projectId };
  const roles = await getSetting(
    w.tx,
    kind === 'manager' ? COLLECTION_MANAGER_ROLES : COLLECTION_FOLLOW_UP_ROLES,
    scope,
  );
  const holders = await usersWithRoles(w.tx, a.companyId, a.projectId, roles);
  const people = [...new Set(holders.map((h) => h.userId))];
  const [task] = await w.tx
    .insert(collectionTasks)
    .values({
      companyId: a.companyId,
      projectId: a.projectId,
      unitId: a.unitId,
      kind,
      status: people[0] ? 'assigned' : 'open',
      attemptId: a.id,
      assigneeId: people[0] ?? null,
      note: body,
      createdAt: w.now,
      updatedAt: w.now,
    })
    .returning();
  if (!task) throw new Error('insert returned nothing');
  await notify(
    w,
    people.map((userId) => ({
      companyId: a.companyId,
      userId,
      projectId: a.projectId,
      kind: kind === 'manager' ? ('collection.escalated' as const) : ('collection.task' as const),
      level: level.level,
      title,
      body: body.slice(0, 300),
      dedupeKey: `collection:${a.id}:${kind}`,
    })),
  );
  return task.id;
}

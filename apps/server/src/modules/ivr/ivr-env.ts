import { normalizePhone, PERMISSIONS, type TicketType } from '@guanjia/shared';
import { and, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import type { Actor } from '../../platform/events/record-event';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { residentPhones, residentUnits } from '../residents/schema';
import { slaContextFor } from '../sla/cached-context';
import { isWorkingTime, nextWorkingStart } from '../sla/rules/business-calendar';
import { insertCallTicket } from '../telephony/link-call-ticket';
import { calls } from '../telephony/schema';
import { createTicket } from '../tickets/create-ticket';
import { ticketInput } from '../tickets/create-ticket.types';
import { tickets } from '../tickets/schema';
import type { IvrEnv } from './rules/interpret';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus' | 'queue'>;

export interface CallSide {
  projectId: number;
  companyId: number;
  areaCode: string | null;
  callId: string;
  from: string;
}

/** How a ticket is read out: number by character groups is left to the TTS engine. */
const statusSentence = (t: { number: string; type: string; status: string }) =>
  `您的${t.type}工单${t.number}，当前状态：${t.status}。`;

/** Read-only effects: business hours from the SLA calendar, ticket status for self-service. */
export function readEnv(ctx: Ctx, side: CallSide): Pick<IvrEnv, 'isOpen' | 'lookup'> {
  const { db } = ctx.database;
  const phone = normalizePhone(side.from, { areaCode: side.areaCode ?? undefined });
  return {
    async isOpen() {
      const sla = await slaContextFor(ctx.database, db, side.companyId, side.projectId);
      return isWorkingTime(sla.projectCalendar, ctx.clock.now());
    },
    async lookup(by, digits) {
      const columns = { number: tickets.number, type: tickets.type, status: tickets.status };
      if (by === 'ticketNumber') {
        if (digits?.length !== 12) return '工单号输入有误。';
        const [t] = await db
          .select(columns)
          .from(tickets)
          .where(
            and(
              eq(tickets.projectId, side.projectId),
              like(tickets.number, `%-${digits.slice(0, 8)}-${digits.slice(8)}`),
            ),
          )
          .limit(1);
        return t ? statusSentence(t) : '未查到该工单，请核对后再拨。';
      }
      if (!phone) return '未能识别您的来电号码，无法查询工单。';
      const [t] = await db
        .select(columns)
        .from(tickets)
        .where(
          and(
            eq(tickets.projectId, side.projectId),
            or(
              inArray(
                tickets.residentId,
                sql`(select ${residentPhones.residentId} from ${residentPhones} where ${residentPhones.projectId} = ${side.projectId} and ${residentPhones.e164} = ${phone.e164})`,
              ),
              eq(tickets.contactPhone, phone.national),
            ),
          ),
        )
        .orderBy(desc(tickets.id))
        .limit(1);
      return t ? statusSentence(t) : '未查到您名下的工单记录。';
    },
  };
}

/**
 * The live env of a PBX call: the ticket node files a voicemail ticket for the caller (matched to
 * the resident when the number belongs to exactly one) and puts the call on the callback list, due
 * the next working morning.
 */
export function liveEnv(ctx: Ctx, side: CallSide): IvrEnv {
  const { db } = ctx.database;
  const phone = normalizePhone(side.from, { areaCode: side.areaCode ?? undefined });
  const actor: Actor = { userId: null, companyId: side.companyId, source: 'channel' };
  return {
    ...readEnv(ctx, side),
    async createTicket({ node, type, description, recordingUrl }) {
      const matches = phone
        ? await db
            .select({ residentId: residentPhones.residentId, unitId: residentUnits.unitId })
            .from(residentPhones)
            .leftJoin(residentUnits, eq(residentUnits.residentId, residentPhones.residentId))
            .where(and(eq(residentPhones.projectId, side.projectId), eq(residentPhones.e164, phone.e164)))
            .limit(5)
        : [];
      const residents = new Set(matches.map((m) => m.residentId));
      const only = residents.size === 1 ? matches[0] : undefined;
      const parsed = ticketInput.safeParse({
        projectId: side.projectId,
        type,
        channel: 'voicemail',
        residentId: only?.residentId ?? null,
        unitId: only?.unitId ?? null,
        contactPhone: phone?.national ?? null,
        description: `${description}。来电号码：${phone?.national ?? side.from}${recordingUrl ? '，录音见附件' : '，未留言'}。`,
        attachments: recordingUrl ? [{ url: recordingUrl, name: '语音留言' }] : [],
        accept: false,
      });
      // An anonymous caller with no number to call back cannot become a ticket.
      if (!parsed.success) return;
      const created = await createTicket(
        ctx,
        channelAuth(side),
        parsed.data,
        `ivr:${side.projectId}:${side.callId}:${node}`,
        actor,
      );
      await markForCallback(ctx, side, phone?.e164 ?? null, created.id, actor, type);
    },
  };
}

/** The IVR acts as a channel, not a person: scoped to its project, may file tickets only. */
function channelAuth(side: CallSide): AuthContext {
  return {
    userId: 0,
    companyId: side.companyId,
    username: 'ivr',
    displayName: '电话语音服务',
    locale: 'zh-CN',
    permissions: new Set(PERMISSIONS.filter((p) => p === 'tickets.write')),
    projectIds: [side.projectId],
    allProjects: false,
    sessionId: 0,
  };
}

async function markForCallback(
  ctx: Ctx,
  side: CallSide,
  e164: string | null,
  ticketId: number,
  actor: Actor,
  intent: TicketType,
) {
  const now = ctx.clock.now();
  const sla = await slaContextFor(ctx.database, ctx.database.db, side.companyId, side.projectId);
  const dueAt = nextWorkingStart(sla.projectCalendar, now);
  await ctx.database.db.transaction(async (tx) => {
    await tx
      .insert(calls)
      .values({
        companyId: side.companyId,
        projectId: side.projectId,
        externalId: side.callId,
        direction: 'in',
        state: 'ringing',
        fromNumber: side.from,
        toNumber: 'ivr',
        partyE164: e164,
        queue: 'IVR',
        startedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing();
    const [call] = await tx
      .update(calls)
      .set({
        callbackState: 'pending',
        callbackDueAt: dueAt,
        updatedAt: now,
        version: sql`${calls.version} + 1`,
      })
      .where(and(eq(calls.projectId, side.projectId), eq(calls.externalId, side.callId)))
      .returning();
    if (!call) throw new Error('call row missing');
    await insertCallTicket(tx, side.projectId, call.id, ticketId, now);
    await recordEvent(tx, actor, now, {
      action: 'call.voicemail',
      entityType: 'call',
      entityId: call.id,
      projectId: side.projectId,
      after: { ticketId, intent, callbackDueAt: dueAt.toISOString() },
    });
  });
}

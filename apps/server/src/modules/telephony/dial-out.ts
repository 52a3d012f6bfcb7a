import { randomUUID } from 'node:crypto';
import { normalizePhone } from '@guanjia/shared';
import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError, badRequest } from '../../platform/http/errors';
import { projects } from '../org/schema';
import type { DialInput } from './inputs';
import { insertCallTicket } from './link-call-ticket';
import { agentExtensions, calls, telephonyConfigs } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** How long the PBX may take to accept a dial request before the agent is told it failed. */
const DIAL_TIMEOUT_MS = 5_000;

/**
 * Click-to-call: log an outbound call under a Guanjia call id, then ask the PBX (the project's
 * outgoing webhook) to ring the agent's extension and dial the number. The PBX reports progress
 * through the ordinary webhook with that call id; an answered call settles the number's missed calls.
 */
export async function dialOut(ctx: Ctx, auth: AuthContext, input: DialInput) {
  assertInScope(auth, input.projectId, 'Project');
  const { db } = ctx.database;
  const [config] = await db
    .select({ dialUrl: telephonyConfigs.dialUrl, areaCode: projects.areaCode })
    .from(projects)
    .leftJoin(telephonyConfigs, eq(telephonyConfigs.projectId, projects.id))
    .where(eq(projects.id, input.projectId));
  if (!config?.dialUrl) throw badRequest('Click-to-call is not configured for this project');
  const [ext] = await db
    .select({ extension: agentExtensions.extension })
    .from(agentExtensions)
    .where(eq(agentExtensions.userId, auth.userId));
  if (!ext) throw badRequest('You have no telephone extension; ask an administrator to set one');
  const target = normalizePhone(input.number, { areaCode: config.areaCode ?? undefined });
  if (!target) throw badRequest('Not a phone number', { number: input.number });

  const now = ctx.clock.now();
  const externalId = `gj-${randomUUID()}`;
  const call = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(calls)
      .values({
        companyId: auth.companyId,
        projectId: input.projectId,
        externalId,
        direction: 'out',
        state: 'dialing',
        fromNumber: ext.extension,
        toNumber: target.national,
        partyE164: target.e164,
        agentExtension: ext.extension,
        agentId: auth.userId,
        startedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    if (input.ticketId) await insertCallTicket(tx, row.projectId, row.id, input.ticketId, now);
    await recordEvent(tx, userActor(auth), now, {
      action: 'call.dial',
      entityType: 'call',
      entityId: row.id,
      projectId: row.projectId,
      after: { ticketId: input.ticketId ?? null, extension: ext.extension },
    });
    return row;
  });

  const failure = await postDial(config.dialUrl, {
    callId: externalId,
    projectId: input.projectId,
    from: ext.extension,
    to: target.national,
  });
  if (failure) {
    const ended = ctx.clock.now();
    await db.transaction(async (tx) => {
      await tx
        .update(calls)
        .set({
          state: 'ended',
          endedAt: ended,
          cause: `dial_failed: ${failure}`,
          updatedAt: ended,
          version: call.version + 1,
        })
        .where(eq(calls.id, call.id));
      await recordEvent(tx, userActor(auth), ended, {
        action: 'call.dial_failed',
        entityType: 'call',
        entityId: call.id,
        projectId: call.projectId,
        after: { cause: failure },
      });
    });
    throw new AppError(502, 'dial_failed', 'The telephone system did not accept the call', {
      cause: failure,
    });
  }
  return call.id;
}

export async function postDial(url: string, body: Record<string, unknown>): Promise<string | null> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(DIAL_TIMEOUT_MS),
    });
    return res.ok ? null : `HTTP ${res.status}`;
  } catch (error) {
    return error instanceof Error ? error.name : 'error';
  }
}

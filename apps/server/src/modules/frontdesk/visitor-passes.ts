import type { VisitorPassBody } from '@guanjia/shared/api';
import { and, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { type Actor, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { units } from '../org/schema';
import type { PortalContext } from '../portal/context';
import { insertEntry } from './engine';
import type { DeskEntryRow } from './schema';
import { LONG_TERM_PASS_DAYS, VISITOR_PARKING_MINUTES, VISITOR_PASS_HOURS } from './settings';

type Ctx = Pick<Services, 'database' | 'clock'>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface PassInput extends Omit<VisitorPassBody, 'at'> {
  source: 'desk' | 'gate' | 'portal';
  residentId: number | null;
}

/**
 * Issue a visitor pass: its window (default from the setting), its uses (null for a long-term
 * deliverer's 出入证, whose window the long-term setting caps), car plate and free parking. A pass that
 * waits for its host starts 待确认 and works only once the host confirms.
 */
async function issuePass(tx: DbOrTx, ctx: Ctx, actor: Actor, input: PassInput): Promise<DeskEntryRow> {
  const now = ctx.clock.now();
  const scope = { companyId: actor.companyId, projectId: input.projectId };
  if (input.unitId) {
    const [u] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.id, input.unitId), eq(units.projectId, input.projectId)));
    if (!u) throw badRequest('The unit is not of this project', { unitId: 'not of this project' });
  }
  // One client per transaction: the reads go one after another.
  const hours = await getSetting(tx, VISITOR_PASS_HOURS, scope);
  const parking = await getSetting(tx, VISITOR_PARKING_MINUTES, scope);
  const longDays = await getSetting(tx, LONG_TERM_PASS_DAYS, scope);
  const validFrom = input.validFrom ? new Date(input.validFrom) : now;
  const validUntil = input.validUntil
    ? new Date(input.validUntil)
    : new Date(validFrom.getTime() + (input.longTerm ? longDays * DAY : hours * HOUR));
  if (Number.isNaN(validFrom.getTime()) || Number.isNaN(validUntil.getTime()) || validUntil <= validFrom)
    throw badRequest('A pass ends after it starts', { validUntil: 'after validFrom' });
  if (validUntil.getTime() <= now.getTime())
    throw badRequest('A pass ends after it starts', { validUntil: 'in the past' });
  const maxMs = (input.longTerm ? longDays : 7) * DAY;
  if (validUntil.getTime() - validFrom.getTime() > maxMs)
    throw badRequest('The pass is valid for too long', {
      validUntil: input.longTerm ? `at most ${longDays} days` : 'at most 7 days; use a long-term pass',
    });
  if (!input.longTerm && input.uses === null)
    throw badRequest('Only a long-term pass has unlimited uses', { uses: 'a number' });
  const row = await insertEntry(tx, {
    companyId: actor.companyId,
    projectId: input.projectId,
    register: 'visitor',
    status: input.hostConfirm ? '待确认' : '有效',
    source: input.source,
    unitId: input.unitId ?? null,
    residentId: input.residentId,
    name: input.visitorName,
    phone: input.phone,
    details: {
      plate: input.plate.toUpperCase(),
      parkingMinutes: input.plate ? (input.parkingMinutes ?? parking) : 0,
      purpose: input.purpose,
      headcount: input.headcount,
      longTerm: input.longTerm,
      hostConfirm: input.hostConfirm,
    },
    validFrom,
    validUntil,
    usesAllowed: input.uses,
    createdById: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await recordEvent(tx, actor, now, {
    action: 'desk.visitor_created',
    entityType: 'desk_entry',
    entityId: row.id,
    projectId: row.projectId,
    after: { code: row.code, status: row.status, source: row.source, longTerm: input.longTerm },
  });
  return row;
}

/** Walk-in registration at the desk or the gate (or a long-term pass for a deliverer). */
export async function registerVisitor(ctx: Ctx, auth: AuthContext, body: VisitorPassBody) {
  assertInScope(auth, body.projectId, 'Project');
  return ctx.database.db.transaction((tx) =>
    issuePass(tx, ctx, userActor(auth), { ...body, source: body.at, residentId: null }),
  );
}

/** A resident pre-registers a visitor of one of their units; the resident is the host, so no wait. */
export async function preRegisterVisitor(
  ctx: Ctx,
  portal: PortalContext,
  body: Omit<VisitorPassBody, 'projectId' | 'hostConfirm' | 'at' | 'longTerm'> & { unitId: number },
) {
  const unit = portal.units.find((u) => u.id === body.unitId);
  if (!unit) throw badRequest('Choose one of your units', { unitId: 'not yours' });
  const actor: Actor = { userId: null, companyId: portal.companyId, source: 'channel' };
  return ctx.database.db.transaction((tx) =>
    issuePass(tx, ctx, actor, {
      ...body,
      projectId: unit.projectId,
      hostConfirm: false,
      longTerm: false,
      source: 'portal',
      residentId: unit.residentId,
    }),
  );
}

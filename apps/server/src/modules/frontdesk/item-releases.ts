import { wallClockInstant, zonedDay } from '@guanjia/shared';
import type { approveBody, ItemReleaseBody, rejectBody } from '@guanjia/shared/api';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { type Actor, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError, badRequest } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { unitArrearsSummary } from '../billing/unit-arrears';
import { projectZone } from '../emergencies/roster';
import { units } from '../org/schema';
import type { PortalContext } from '../portal/context';
import { entryInScope, insertEntry, moveEntry } from './engine';
import type { DeskEntryRow } from './schema';
import { RELEASE_FLAG_ARREARS, RELEASE_FLAG_DECORATION } from './settings';

type Ctx = Pick<Services, 'database' | 'clock' | 'queue'>;

/**
 * A unit condition the desk should see before approving a release ('装修中' from the decoration
 * module, for one). Kept as a hook so this module needs no import of a module that may not exist yet:
 * the decoration module calls `registerUnitFlag('decoration', (db, unitId, today) => …)` at import.
 */
export type UnitFlagCheck = (db: DbOrTx, unitId: number, today: string) => Promise<boolean>;
const unitFlags = new Map<'decoration', UnitFlagCheck>();
export function registerUnitFlag(name: 'decoration', check: UnitFlagCheck): void {
  unitFlags.set(name, check);
}

/** The flags of a unit today, each per its setting: 欠费 (overdue bills), 装修中. */
export async function releaseFlags(
  db: DbOrTx,
  scope: { companyId: number; projectId: number },
  unitId: number,
  now: Date,
) {
  const today = zonedDay(now, await projectZone(db, scope.projectId));
  // Called inside transactions (one client): the reads go one after another.
  const arrears = await getSetting(db, RELEASE_FLAG_ARREARS, scope);
  const decoration = await getSetting(db, RELEASE_FLAG_DECORATION, scope);
  const flags: string[] = [];
  if (arrears && (await unitArrearsSummary(db, unitId, today)).owed > 0) flags.push('欠费');
  const deco = unitFlags.get('decoration');
  if (decoration && deco && (await deco(db, unitId, today))) flags.push('装修中');
  return flags;
}

interface ApplyInput extends ItemReleaseBody {
  source: 'desk' | 'portal';
  residentId: number | null;
}

async function apply(tx: DbOrTx, ctx: Ctx, actor: Actor, input: ApplyInput): Promise<DeskEntryRow> {
  const now = ctx.clock.now();
  const [u] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.id, input.unitId), eq(units.projectId, input.projectId)));
  if (!u) throw badRequest('The unit is not of this project', { unitId: 'not of this project' });
  // W-16: the owner applies; a tenant needs the owner's consent on record.
  if (input.relation === '租户' && !input.ownerConsent)
    throw badRequest("A tenant's release needs the owner's consent", {
      ownerConsent: 'required for a tenant',
    });
  const tz = await projectZone(tx, input.projectId);
  const validFrom = wallClockInstant(input.releaseDate, '00:00', tz);
  const validUntil = new Date(wallClockInstant(input.releaseDate, '23:59', tz).getTime() + 60_000);
  if (Number.isNaN(validFrom.getTime()) || validUntil.getTime() <= now.getTime())
    throw badRequest('The release date is in the past', { releaseDate: 'today or later' });
  const flags = await releaseFlags(
    tx,
    { companyId: actor.companyId, projectId: input.projectId },
    input.unitId,
    now,
  );
  const row = await insertEntry(tx, {
    companyId: actor.companyId,
    projectId: input.projectId,
    register: 'release',
    source: input.source,
    unitId: input.unitId,
    residentId: input.residentId,
    name: input.applicantName,
    phone: input.phone,
    details: {
      relation: input.relation,
      ownerConsent: input.ownerConsent,
      items: input.items,
      releaseDate: input.releaseDate,
      plate: input.plate.toUpperCase(),
    },
    flags,
    validFrom,
    validUntil,
    usesAllowed: 1,
    createdById: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await recordEvent(tx, actor, now, {
    action: 'desk.release_created',
    entityType: 'desk_entry',
    entityId: row.id,
    projectId: row.projectId,
    after: { code: row.code, items: input.items, flags },
  });
  return row;
}

export async function applyAtDesk(ctx: Ctx, auth: AuthContext, body: ItemReleaseBody) {
  assertInScope(auth, body.projectId, 'Project');
  return ctx.database.db.transaction((tx) =>
    apply(tx, ctx, userActor(auth), { ...body, source: 'desk', residentId: null }),
  );
}

/** In the portal the relation is the resident's own to the unit; 家属 apply as the owner's household. */
export async function applyInPortal(
  ctx: Ctx,
  portal: PortalContext,
  body: Omit<ItemReleaseBody, 'projectId' | 'relation'>,
) {
  const unit = portal.units.find((u) => u.id === body.unitId);
  if (!unit) throw badRequest('Choose one of your units', { unitId: 'not yours' });
  const actor: Actor = { userId: null, companyId: portal.companyId, source: 'channel' };
  return ctx.database.db.transaction((tx) =>
    apply(tx, ctx, actor, {
      ...body,
      projectId: unit.projectId,
      relation: unit.relation === '租户' ? '租户' : '业主',
      source: 'portal',
      residentId: unit.residentId,
    }),
  );
}

/** The desk approves: flags found now (re-checked, not the application's) must be acknowledged. */
export async function approveRelease(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: z.infer<typeof approveBody>,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await entryInScope(tx, auth, 'release', id, true);
    const flags = row.unitId ? await releaseFlags(tx, row, row.unitId, now) : [];
    if (flags.length && !body.acknowledgeFlags && row.version === body.version && row.status === '待审批')
      throw new AppError(409, 'flagged', 'The unit is flagged; acknowledge the flags to approve', { flags });
    return moveEntry(tx, userActor(auth), now, row, 'approve', 'desk', {
      version: body.version,
      patch: { flags },
      note: { flags, acknowledged: body.acknowledgeFlags },
    });
  });
}

export async function rejectRelease(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: z.infer<typeof rejectBody>,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await entryInScope(tx, auth, 'release', id, true);
    return moveEntry(tx, userActor(auth), now, row, 'reject', 'desk', {
      version: body.version,
      patch: { details: { ...row.details, rejectReason: body.reason } },
      note: { reason: body.reason },
    });
  });
}

import { and, asc, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, inScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion } from '../../platform/db/versioning';
import { type Actor, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { conflict, notFound } from '../../platform/http/errors';
import { insertResident } from '../residents/create-resident';
import { residentPhones, residents, residentUnits } from '../residents/schema';
import { canDecide } from './rules/bindings';
import { portalBindingRequests } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;
type BindingRow = typeof portalBindingRequests.$inferSelect;

/** A request of the caller's company and projects, or 404 (another project's queue is not disclosed). */
export async function bindingInScope(db: DbOrTx, auth: AuthContext, id: number, forUpdate = false) {
  const q = db
    .select()
    .from(portalBindingRequests)
    .where(and(eq(portalBindingRequests.id, id), eq(portalBindingRequests.companyId, auth.companyId)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row || !inScope(auth, row.projectId)) throw notFound('Binding request');
  return row;
}

/**
 * The archive record for the requested person: the project's resident with that phone if there is
 * one (a known owner binding another unit), otherwise a new one — then the unit link.
 */
async function link(tx: DbOrTx, actor: Actor, now: Date, r: BindingRow): Promise<number> {
  const [known] = await tx
    .select({ id: residents.id })
    .from(residentPhones)
    .innerJoin(residents, eq(residents.id, residentPhones.residentId))
    .where(and(eq(residentPhones.e164, r.phone), eq(residents.projectId, r.projectId)))
    .orderBy(asc(residents.id))
    .limit(1);
  const residentId =
    known?.id ??
    (
      await insertResident(tx, actor, now, {
        projectId: r.projectId,
        name: r.name,
        phones: [r.phone],
        preferredChannel: 'sms',
        notes: `住户门户申请 #${r.id}`,
      })
    ).id;
  const link = { relation: r.relation, leaseEndsOn: r.leaseEndsOn };
  await tx
    .insert(residentUnits)
    .values({ residentId, unitId: r.unitId, projectId: r.projectId, ...link })
    .onConflictDoUpdate({ target: [residentUnits.residentId, residentUnits.unitId], set: link });
  await recordEvent(tx, actor, now, {
    action: 'resident.unit_linked',
    entityType: 'resident',
    entityId: residentId,
    projectId: r.projectId,
    after: { unitId: r.unitId, ...link, bindingRequestId: r.id },
  });
  return residentId;
}

async function unlink(tx: DbOrTx, actor: Actor, now: Date, r: BindingRow): Promise<number | null> {
  if (r.targetResidentId === null) return null;
  const gone = await tx
    .delete(residentUnits)
    .where(and(eq(residentUnits.residentId, r.targetResidentId), eq(residentUnits.unitId, r.unitId)))
    .returning();
  await recordEvent(tx, actor, now, {
    action: 'resident.unit_unlinked',
    entityType: 'resident',
    entityId: r.targetResidentId,
    projectId: r.projectId,
    before: gone[0] ? { unitId: r.unitId, relation: gone[0].relation } : null,
    after: { bindingRequestId: r.id },
  });
  return r.targetResidentId;
}

async function decide(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  version: number,
  apply: (tx: DbOrTx, r: BindingRow, now: Date) => Promise<Partial<BindingRow>>,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const r = checkVersion(await bindingInScope(tx, auth, id, true), version, 'Binding request');
    if (!canDecide(r.status)) throw conflict('The request was already decided', { status: r.status });
    const set = await apply(tx, r, now);
    const [row] = await tx
      .update(portalBindingRequests)
      .set({ ...set, decidedBy: auth.userId, decidedAt: now, updatedAt: now, version: r.version + 1 })
      .where(eq(portalBindingRequests.id, r.id))
      .returning();
    if (!row) throw new Error('binding request vanished inside its transaction');
    await recordEvent(tx, userActor(auth), now, {
      action: row.status === '已通过' ? 'portal_binding.approved' : 'portal_binding.rejected',
      entityType: 'portal_binding',
      entityId: row.id,
      projectId: row.projectId,
      before: { status: r.status },
      after: { status: row.status, residentId: row.residentId, reason: row.rejectReason },
    });
    return row;
  });
}

/** Approve: bind/member links the person (creating the archive record if needed); removal unlinks. */
export function approveBinding(ctx: Ctx, auth: AuthContext, id: number, version: number) {
  return decide(ctx, auth, id, version, async (tx, r, now) => {
    const actor = userActor(auth);
    const residentId = r.kind === 'removal' ? await unlink(tx, actor, now, r) : await link(tx, actor, now, r);
    return { status: '已通过', residentId };
  });
}

/** Reject with a reason the requester reads in the portal. */
export function rejectBinding(ctx: Ctx, auth: AuthContext, id: number, version: number, reason: string) {
  return decide(ctx, auth, id, version, async () => ({ status: '已驳回', rejectReason: reason }));
}

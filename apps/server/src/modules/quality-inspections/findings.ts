import type { FindingInput } from '@guanjia/shared/api';
import { uploadUrl } from '@guanjia/shared/api';
import { and, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { can } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError, badRequest, notFound } from '../../platform/http/errors';
import { attachUploads, staffReader } from '../uploads/attach-uploads';
import { assertOfProject } from './create-inspection';
import { inspectionInScope } from './load';
import { type InspectionRow, inspectionFindings, inspections, scoreSheets } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** Only the inspector (or a quality manager) writes an inspection, and only until it is submitted. */
export function assertEditable(auth: AuthContext, r: InspectionRow): void {
  if (r.state === 'submitted' || r.state === 'cancelled')
    throw badRequest('The inspection is already submitted', { state: r.state });
  if (r.inspectorId !== auth.userId && !can(auth, 'quality.manage'))
    throw new AppError(403, 'forbidden', 'Only the inspector writes this inspection');
}

async function startIfPlanned(tx: DbOrTx, r: InspectionRow, now: Date) {
  if (r.state === 'planned')
    await tx
      .update(inspections)
      .set({ state: 'in_progress', startedAt: now, updatedAt: now })
      .where(eq(inspections.id, r.id));
}

/** A defect (or several of a kind) on one item, with its note, photos and place. */
export async function addFinding(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  input: FindingInput,
): Promise<number> {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const r = await inspectionInScope(tx, auth, id, true);
    assertEditable(auth, r);
    const [sheet] = await tx.select().from(scoreSheets).where(eq(scoreSheets.id, r.sheetId));
    const item = sheet?.sections.flatMap((s) => s.items).find((i) => i.key === input.itemId);
    if (!item) throw badRequest('No such item on this sheet', { itemId: input.itemId });
    if (r.notApplicable.includes(item.key))
      throw badRequest('The item is marked not applicable', { itemId: input.itemId });
    if (item.rule === 'record_audit' && input.month && !r.sampledMonths.includes(input.month))
      throw badRequest('The month is not one of the sampled months', {
        month: input.month,
        sampled: r.sampledMonths,
      });
    await assertOfProject(tx, r.projectId, { departmentId: input.departmentId });
    await attachUploads(tx, staffReader(auth), r.projectId, input.photoIds.map(uploadUrl));
    await startIfPlanned(tx, r, now);
    const [f] = await tx
      .insert(inspectionFindings)
      .values({
        inspectionId: r.id,
        itemKey: item.key,
        count: input.count,
        month: item.rule === 'record_audit' ? (input.month ?? r.sampledMonths[0] ?? null) : null,
        note: input.note,
        location: input.location ?? null,
        photoIds: input.photoIds,
        ncType: input.ncType ?? item.ncType ?? null,
        subjectUserId: input.subjectUserId ?? null,
        departmentId: input.departmentId ?? null,
        ownerId: input.ownerId ?? null,
        deadline: input.deadline ? new Date(input.deadline) : null,
        createdBy: auth.userId,
        createdAt: now,
      })
      .returning({ id: inspectionFindings.id });
    if (!f) throw new Error('finding insert returned nothing');
    await tx
      .update(inspections)
      .set({ updatedAt: now, version: r.version + 1 })
      .where(eq(inspections.id, r.id));
    await recordEvent(tx, userActor(auth), now, {
      action: 'inspection.finding_added',
      entityType: 'inspection',
      entityId: r.id,
      projectId: r.projectId,
      after: { findingId: f.id, itemKey: item.key, count: input.count, month: input.month ?? null },
    });
    return f.id;
  });
}

export async function removeFinding(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  findingId: number,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const r = await inspectionInScope(tx, auth, id, true);
    assertEditable(auth, r);
    const [f] = await tx
      .delete(inspectionFindings)
      .where(and(eq(inspectionFindings.id, findingId), eq(inspectionFindings.inspectionId, r.id)))
      .returning();
    if (!f) throw notFound('Finding');
    await tx
      .update(inspections)
      .set({ updatedAt: now, version: r.version + 1 })
      .where(eq(inspections.id, r.id));
    await recordEvent(tx, userActor(auth), now, {
      action: 'inspection.finding_removed',
      entityType: 'inspection',
      entityId: r.id,
      projectId: r.projectId,
      before: { findingId: f.id, itemKey: f.itemKey, count: f.count, note: f.note },
    });
  });
}

/** The sampled months (Q112: the inspector may pick them) and the items not applicable here. */
export async function updateInspection(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  input: { version: number; sampledMonths?: string[]; notApplicable?: string[]; area?: string },
): Promise<InspectionRow> {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const r = checkVersion(await inspectionInScope(tx, auth, id, true), input.version, 'Inspection');
    assertEditable(auth, r);
    const [sheet] = await tx.select().from(scoreSheets).where(eq(scoreSheets.id, r.sheetId));
    const keys = new Set(sheet?.sections.flatMap((s) => s.items.map((i) => i.key)));
    const unknown = input.notApplicable?.find((k) => !keys.has(k));
    if (unknown) throw badRequest('No such item on this sheet', { itemId: unknown });
    const patch = {
      ...(input.sampledMonths ? { sampledMonths: [...new Set(input.sampledMonths)].sort() } : {}),
      ...(input.notApplicable ? { notApplicable: [...new Set(input.notApplicable)] } : {}),
      ...(input.area !== undefined ? { area: input.area } : {}),
    };
    const [u] = await tx
      .update(inspections)
      .set({
        ...patch,
        state: r.state === 'planned' ? 'in_progress' : r.state,
        startedAt: r.startedAt ?? now,
        updatedAt: now,
        version: r.version + 1,
      })
      .where(eq(inspections.id, r.id))
      .returning();
    if (!u) throw new Error('update returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'inspection.updated',
      entityType: 'inspection',
      entityId: r.id,
      projectId: r.projectId,
      before: { sampledMonths: r.sampledMonths, notApplicable: r.notApplicable, area: r.area },
      after: patch,
    });
    return u;
  });
}

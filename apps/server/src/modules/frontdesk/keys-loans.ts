import type { checkoutBody, keyAgreementBody, keyBody, loanBody, returnBody } from '@guanjia/shared/api';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, conflict, notFound, staleVersion } from '../../platform/http/errors';
import { units } from '../org/schema';
import { attachUploads, staffReader } from '../uploads/attach-uploads';
import { entryInScope, insertEntry, moveEntry } from './engine';
import { type DeskItemRow, deskItems } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;
const upload = (id: number | null | undefined) => (id ? `/api/uploads/${id}` : null);

async function unitOfProject(tx: DbOrTx, projectId: number, unitId: number | null | undefined) {
  if (!unitId) return;
  const [u] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.id, unitId), eq(units.projectId, projectId)));
  if (!u) throw badRequest('The unit is not of this project', { unitId: 'not of this project' });
}

export async function itemInScope(
  db: DbOrTx,
  auth: AuthContext,
  id: number,
  lock = false,
): Promise<DeskItemRow> {
  const q = db
    .select()
    .from(deskItems)
    .where(and(eq(deskItems.id, id), eq(deskItems.register, 'key')));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || row.companyId !== auth.companyId) throw notFound('Key');
  assertInScope(auth, row.projectId, 'Key');
  return row;
}

/** A key into the inventory: a unit's key in custody (with its 保管钥匙委托书) or an equipment room's. */
export async function addKey(ctx: Ctx, auth: AuthContext, body: z.infer<typeof keyBody>) {
  assertInScope(auth, body.projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    await unitOfProject(tx, body.projectId, body.unitId);
    await attachUploads(tx, staffReader(auth), body.projectId, [upload(body.agreementUploadId)]);
    const [row] = await tx
      .insert(deskItems)
      .values({
        companyId: auth.companyId,
        projectId: body.projectId,
        register: 'key',
        name: body.name,
        category: body.category,
        unitId: body.unitId ?? null,
        location: body.location,
        agreementUploadId: body.agreementUploadId ?? null,
        note: body.note,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordEvent(tx, userActor(auth), now, {
      action: 'desk.key_added',
      entityType: 'desk_item',
      entityId: row!.id,
      projectId: body.projectId,
      after: { name: body.name, category: body.category },
    });
    return row!;
  });
}

/** The custody agreement (保管钥匙委托书) scanned and put on file. */
export async function fileAgreement(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: z.infer<typeof keyAgreementBody>,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const key = await itemInScope(tx, auth, id, true);
    if (key.version !== body.version) throw staleVersion('Key', body.version, key.version);
    await attachUploads(tx, staffReader(auth), key.projectId, [upload(body.agreementUploadId)]);
    const [row] = await tx
      .update(deskItems)
      .set({ agreementUploadId: body.agreementUploadId, updatedAt: now, version: key.version + 1 })
      .where(eq(deskItems.id, key.id))
      .returning();
    await recordEvent(tx, userActor(auth), now, {
      action: 'desk.key_agreementFiled',
      entityType: 'desk_item',
      entityId: key.id,
      projectId: key.projectId,
      after: { agreementUploadId: body.agreementUploadId },
    });
    return row!;
  });
}

/** 钥匙签收: sign a key out (signature, expected return); the key row lock makes a double sign-out lose. */
export async function checkoutKey(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: z.infer<typeof checkoutBody>,
) {
  const now = ctx.clock.now();
  const due = new Date(body.expectedReturnAt);
  if (Number.isNaN(due.getTime()) || due <= now)
    throw badRequest('The expected return is in the past', { expectedReturnAt: 'later than now' });
  return ctx.database.db.transaction(async (tx) => {
    const key = await itemInScope(tx, auth, id, true);
    if (key.status !== '在库') throw conflict('The key is not in the cabinet', { status: key.status });
    await attachUploads(tx, staffReader(auth), key.projectId, [upload(body.signatureUploadId)]);
    const entry = await insertEntry(tx, {
      companyId: key.companyId,
      projectId: key.projectId,
      register: 'key',
      unitId: key.unitId,
      name: body.borrowerName,
      phone: body.phone,
      itemId: key.id,
      details: {
        purpose: body.purpose,
        signedName: body.signedName,
        signatureUploadId: body.signatureUploadId ?? null,
      },
      dueAt: due,
      createdById: auth.userId,
      createdAt: now,
      updatedAt: now,
    });
    await tx
      .update(deskItems)
      .set({ status: '借出', openEntryId: entry.id, updatedAt: now, version: key.version + 1 })
      .where(eq(deskItems.id, key.id));
    await recordEvent(tx, userActor(auth), now, {
      action: 'desk.key_checkedOut',
      entityType: 'desk_item',
      entityId: key.id,
      projectId: key.projectId,
      after: { entryId: entry.id, borrower: body.borrowerName, expectedReturnAt: due.toISOString() },
    });
    return entry;
  });
}

export async function returnKey(ctx: Ctx, auth: AuthContext, id: number, body: z.infer<typeof returnBody>) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const key = await itemInScope(tx, auth, id, true);
    if (key.status !== '借出' || !key.openEntryId)
      throw conflict('The key is not signed out', { status: key.status });
    const entry = await entryInScope(tx, auth, 'key', key.openEntryId, true);
    const after = await moveEntry(tx, userActor(auth), now, entry, 'return', 'desk', {
      patch: { details: { ...entry.details, returnNote: body.note } },
    });
    await tx
      .update(deskItems)
      .set({ status: '在库', openEntryId: null, updatedAt: now, version: key.version + 1 })
      .where(eq(deskItems.id, key.id));
    return after;
  });
}

/** 借用: a wheelchair, umbrella or tool signed out against an ID shown (W-32), only its last four kept. */
export async function lendItem(ctx: Ctx, auth: AuthContext, body: z.infer<typeof loanBody>) {
  assertInScope(auth, body.projectId, 'Project');
  const now = ctx.clock.now();
  const due = new Date(body.expectedReturnAt);
  if (Number.isNaN(due.getTime()) || due <= now)
    throw badRequest('The expected return is in the past', { expectedReturnAt: 'later than now' });
  return ctx.database.db.transaction(async (tx) => {
    await unitOfProject(tx, body.projectId, body.unitId);
    const entry = await insertEntry(tx, {
      companyId: auth.companyId,
      projectId: body.projectId,
      register: 'loan',
      unitId: body.unitId ?? null,
      name: body.borrowerName,
      phone: body.phone,
      details: {
        category: body.category,
        itemName: body.itemName,
        idKind: body.idKind,
        idLast4: body.idLast4.toUpperCase(),
      },
      dueAt: due,
      createdById: auth.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordEvent(tx, userActor(auth), now, {
      action: 'desk.loan_created',
      entityType: 'desk_entry',
      entityId: entry.id,
      projectId: entry.projectId,
      after: { item: body.itemName, borrower: body.borrowerName },
    });
    return entry;
  });
}

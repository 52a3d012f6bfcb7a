import type { CreateFeeItemBody, EditFeeItemBody } from '@guanjia/shared/api';
import { createFeeItemBody, editFeeItemBody } from '@guanjia/shared/api';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { diff, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { AppError } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { checkFormulaFields } from './fee-item-checks';
import { feeItemInScope } from './fee-item-queries';
import { feeItems } from './schema';
import { LATE_FEE_GRACE_DAYS } from './settings';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** A fee item of a project (收费项目); its code is unique in the project (409). */
export async function createFeeItem(ctx: Ctx, auth: AuthContext, input: CreateFeeItemBody) {
  const body: z.infer<typeof createFeeItemBody> = createFeeItemBody.parse(input);
  assertInScope(auth, body.projectId, 'Project');
  checkFormulaFields(body);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: feeItems.id })
      .from(feeItems)
      .where(and(eq(feeItems.projectId, body.projectId), eq(feeItems.code, body.code)));
    if (taken)
      throw new AppError(409, 'duplicate', 'A fee item with this code already exists in the project', {
        code: body.code,
      });
    const grace =
      body.lateFeeGraceDays ??
      (await getSetting(tx, LATE_FEE_GRACE_DAYS, { companyId: auth.companyId, projectId: body.projectId }));
    const [row] = await tx
      .insert(feeItems)
      .values({
        ...body,
        unitPrice: body.unitPrice ?? null,
        fixedAmount: body.fixedAmount ?? null,
        tiers: body.tiers ?? null,
        lateFeeGraceDays: grace,
        companyId: auth.companyId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'fee_item.created',
      entityType: 'fee_item',
      entityId: row.id,
      projectId: row.projectId,
      after: { ...body, lateFeeGraceDays: grace },
    });
    return row;
  });
}

/**
 * Change a fee item (versioned). A new price applies to runs from now on; bills already made keep
 * their lines (corrections are adjustments, never edits).
 */
export async function editFeeItem(ctx: Ctx, auth: AuthContext, id: number, input: EditFeeItemBody) {
  const body = editFeeItemBody.parse(input);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const item = checkVersion(await feeItemInScope(tx, auth, id, true), body.version, 'Fee item');
    const { version: _v, ...rest } = body;
    const fields = definedOnly(rest);
    checkFormulaFields({
      formula: fields.formula ?? item.formula,
      unitPrice: 'unitPrice' in fields ? fields.unitPrice : item.unitPrice,
      fixedAmount: 'fixedAmount' in fields ? fields.fixedAmount : item.fixedAmount,
      tiers: 'tiers' in fields ? fields.tiers : item.tiers,
    });
    const [row] = await tx
      .update(feeItems)
      .set({ ...fields, version: item.version + 1, updatedAt: now })
      .where(eq(feeItems.id, item.id))
      .returning();
    if (!row) throw new Error('fee item vanished inside its transaction');
    const changed = diff(item as Record<string, unknown>, fields as Record<string, unknown>);
    await recordEvent(tx, userActor(auth), now, {
      action: 'fee_item.updated',
      entityType: 'fee_item',
      entityId: item.id,
      projectId: item.projectId,
      before: changed?.before ?? {},
      after: changed?.after ?? {},
    });
    return row;
  });
}

import type { ContractBody, CreateContractorBody, EditContractorBody } from '@guanjia/shared/api';
import { and, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { diff, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { notFound } from '../../platform/http/errors';
import { contractorInScope } from './contractor-queries';
import { contractorContracts, contractors } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

export async function createContractor(ctx: Ctx, auth: AuthContext, body: CreateContractorBody) {
  assertInScope(auth, body.projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contractors)
      .values({ ...body, companyId: auth.companyId, createdAt: now, updatedAt: now })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'contractor.created',
      entityType: 'contractor',
      entityId: row.id,
      projectId: row.projectId,
      after: { name: row.name, trade: row.trade },
    });
    return row;
  });
}

export async function editContractor(ctx: Ctx, auth: AuthContext, id: number, body: EditContractorBody) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const c = checkVersion(await contractorInScope(tx, auth, id, true), body.version, 'Contractor');
    const { version: _v, ...rest } = body;
    const fields = definedOnly(rest);
    const [row] = await tx
      .update(contractors)
      .set({ ...fields, version: c.version + 1, updatedAt: now })
      .where(eq(contractors.id, c.id))
      .returning();
    const changed = diff(c as Record<string, unknown>, fields as Record<string, unknown>);
    await recordEvent(tx, userActor(auth), now, {
      action: 'contractor.updated',
      entityType: 'contractor',
      entityId: c.id,
      projectId: c.projectId,
      before: changed?.before ?? {},
      after: changed?.after ?? {},
    });
    return row!;
  });
}

/** A contract of the contractor (new, or an existing one replaced by `contractId`). */
export async function saveContract(
  ctx: Ctx,
  auth: AuthContext,
  contractorId: number,
  body: ContractBody,
  contractId?: number,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const c = await contractorInScope(tx, auth, contractorId, true);
    let row: typeof contractorContracts.$inferSelect | undefined;
    if (contractId) {
      [row] = await tx
        .update(contractorContracts)
        .set(body)
        .where(and(eq(contractorContracts.id, contractId), eq(contractorContracts.contractorId, c.id)))
        .returning();
      if (!row) throw notFound('Contract');
    } else {
      [row] = await tx
        .insert(contractorContracts)
        .values({ ...body, contractorId: c.id, projectId: c.projectId, createdAt: now })
        .returning();
    }
    await tx
      .update(contractors)
      .set({ version: c.version + 1, updatedAt: now })
      .where(eq(contractors.id, c.id));
    await recordEvent(tx, userActor(auth), now, {
      action: contractId ? 'contract.updated' : 'contract.created',
      entityType: 'contractor',
      entityId: c.id,
      projectId: c.projectId,
      after: { contractId: row!.id, title: body.title, endsOn: body.endsOn, amountFen: body.amountFen },
    });
    return row!;
  });
}

import type { createCampaignBody, editCampaignBody } from '@guanjia/shared/api';
import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { diff, recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { conflict, notFound } from '../../platform/http/errors';
import { getSetting } from '../../platform/settings/get-setting';
import { type CollectionCampaignRow, collectionCampaigns } from './collection-schema';
import { COLLECTION_LEVEL_DAYS, COLLECTION_MIN_AMOUNT, defaultLevels } from './collection-settings';

type Ctx = Pick<Services, 'database' | 'clock'>;

export const presentCampaign = (c: CollectionCampaignRow) => ({
  id: c.id,
  projectId: c.projectId,
  name: c.name,
  levels: c.levels,
  minAmount: c.minAmount,
  active: c.active,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
  version: c.version,
});

export async function campaignInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false) {
  const q = db.select().from(collectionCampaigns).where(eq(collectionCampaigns.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('Collection campaign');
  assertInScope(auth, row.projectId, 'Collection campaign');
  return row;
}

/** One active campaign per project: a second one is refused until the first is switched off. */
async function assertNoOtherActive(tx: DbOrTx, projectId: number, exceptId: number | null) {
  const [other] = await tx
    .select({ id: collectionCampaigns.id })
    .from(collectionCampaigns)
    .where(
      and(
        eq(collectionCampaigns.projectId, projectId),
        eq(collectionCampaigns.active, true),
        exceptId ? ne(collectionCampaigns.id, exceptId) : undefined,
      ),
    );
  if (other)
    throw conflict('The project already has an active collection campaign', { campaignId: other.id });
}

export async function createCampaign(ctx: Ctx, auth: AuthContext, body: z.infer<typeof createCampaignBody>) {
  assertInScope(auth, body.projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const scope = { companyId: auth.companyId, projectId: body.projectId };
    if (body.active) await assertNoOtherActive(tx, body.projectId, null);
    const levels = body.levels ?? defaultLevels(await getSetting(tx, COLLECTION_LEVEL_DAYS, scope));
    const minAmount = body.minAmount ?? (await getSetting(tx, COLLECTION_MIN_AMOUNT, scope));
    const [row] = await tx
      .insert(collectionCampaigns)
      .values({
        companyId: auth.companyId,
        projectId: body.projectId,
        name: body.name,
        levels: [...levels].sort((a, b) => a.level - b.level),
        minAmount,
        active: body.active,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'collection_campaign.created',
      entityType: 'collection_campaign',
      entityId: row.id,
      projectId: row.projectId,
      after: { name: row.name, levels: row.levels, minAmount: row.minAmount, active: row.active },
    });
    return row;
  });
}

export async function editCampaign(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: z.infer<typeof editCampaignBody>,
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const c = checkVersion(await campaignInScope(tx, auth, id, true), body.version, 'Collection campaign');
    const { version: _v, ...rest } = body;
    const fields = definedOnly(rest);
    if (fields.levels) fields.levels = [...fields.levels].sort((a, b) => a.level - b.level);
    if (fields.active) await assertNoOtherActive(tx, c.projectId, c.id);
    const [row] = await tx
      .update(collectionCampaigns)
      .set({ ...fields, version: c.version + 1, updatedAt: now })
      .where(eq(collectionCampaigns.id, c.id))
      .returning();
    if (!row) throw new Error('campaign vanished inside its transaction');
    const changed = diff(c as Record<string, unknown>, fields as Record<string, unknown>);
    await recordEvent(tx, userActor(auth), now, {
      action: 'collection_campaign.updated',
      entityType: 'collection_campaign',
      entityId: c.id,
      projectId: c.projectId,
      before: changed?.before ?? {},
      after: changed?.after ?? {},
    });
    return row;
  });
}

export async function deleteCampaign(ctx: Ctx, auth: AuthContext, id: number, version: number) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const c = checkVersion(await campaignInScope(tx, auth, id, true), version, 'Collection campaign');
    // Attempts keep their campaign id as history; the campaign itself goes.
    await tx.delete(collectionCampaigns).where(eq(collectionCampaigns.id, c.id));
    await recordEvent(tx, userActor(auth), now, {
      action: 'collection_campaign.deleted',
      entityType: 'collection_campaign',
      entityId: c.id,
      projectId: c.projectId,
      before: { name: c.name, levels: c.levels, minAmount: c.minAmount, active: c.active },
    });
  });
}

import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest } from '../../platform/http/errors';
import type { webhookConfigInput } from './inputs';
import { type DeliveryWebhookRow, deliveryWebhooks } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** The secret is never shown again after it is generated: only whether one is set. */
const present = (projectId: number, row: DeliveryWebhookRow | undefined) => ({
  projectId,
  url: row?.url ?? null,
  hasSecret: Boolean(row?.secret),
  version: row?.version ?? null,
});

export async function readWebhook(db: DbOrTx, auth: AuthContext, projectId: number) {
  assertInScope(auth, projectId, 'Project');
  const [row] = await db.select().from(deliveryWebhooks).where(eq(deliveryWebhooks.projectId, projectId));
  return present(projectId, row);
}

async function upsert(
  ctx: Ctx,
  auth: AuthContext,
  projectId: number,
  version: number | undefined,
  fields: Partial<Pick<DeliveryWebhookRow, 'url' | 'secret'>>,
  action: string,
) {
  assertInScope(auth, projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(deliveryWebhooks)
      .where(eq(deliveryWebhooks.projectId, projectId))
      .for('update');
    if (existing && version !== undefined) checkVersion(existing, version, 'Webhook');
    const [row] = existing
      ? await tx
          .update(deliveryWebhooks)
          .set({ ...fields, updatedAt: now, version: existing.version + 1 })
          .where(eq(deliveryWebhooks.projectId, projectId))
          .returning()
      : await tx
          .insert(deliveryWebhooks)
          .values({ projectId, companyId: auth.companyId, ...fields, createdAt: now, updatedAt: now })
          .returning();
    await recordEvent(tx, userActor(auth), now, {
      action,
      entityType: 'project',
      entityId: projectId,
      projectId,
      before: existing && 'url' in fields ? { url: existing.url } : null,
      after: 'url' in fields ? { url: fields.url } : null,
    });
    return row;
  });
}

export async function saveWebhook(ctx: Ctx, auth: AuthContext, input: z.infer<typeof webhookConfigInput>) {
  const [current] = await ctx.database.db
    .select({ version: deliveryWebhooks.version })
    .from(deliveryWebhooks)
    .where(eq(deliveryWebhooks.projectId, input.projectId));
  if (current && input.version === undefined) throw badRequest('version is required', { path: 'version' });
  const row = await upsert(
    ctx,
    auth,
    input.projectId,
    input.version,
    { url: input.url },
    'delivery.webhook_configured',
  );
  return present(input.projectId, row);
}

/** A new signing secret; the previous one stops working at once. Returned this one time only. */
export async function rotateWebhookSecret(ctx: Ctx, auth: AuthContext, projectId: number) {
  const secret = `gjw_${randomBytes(24).toString('base64url')}`;
  const row = await upsert(ctx, auth, projectId, undefined, { secret }, 'delivery.webhook_secret_rotated');
  return { ...present(projectId, row), secret };
}

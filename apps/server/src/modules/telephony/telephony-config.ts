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
import type { configInput } from './inputs';
import { hashTelephonyToken } from './project-link';
import { telephonyConfigs } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;
type ConfigRow = typeof telephonyConfigs.$inferSelect;

/** The secret itself is never shown again: only whether one is set. */
export const presentConfig = (projectId: number, row: ConfigRow | undefined) => ({
  projectId,
  hasToken: Boolean(row?.tokenHash),
  dialUrl: row?.dialUrl ?? null,
  version: row?.version ?? null,
});

export async function readConfig(db: DbOrTx, auth: AuthContext, projectId: number) {
  assertInScope(auth, projectId, 'Project');
  const [row] = await db.select().from(telephonyConfigs).where(eq(telephonyConfigs.projectId, projectId));
  return presentConfig(projectId, row);
}

export async function saveConfig(ctx: Ctx, auth: AuthContext, input: z.infer<typeof configInput>) {
  assertInScope(auth, input.projectId, 'Project');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const existing = await lock(tx, input.projectId);
    if (existing) {
      if (input.version === undefined) throw badRequest('version is required', { path: 'version' });
      checkVersion(existing, input.version, 'Telephony configuration');
    }
    const row = await upsert(tx, auth, input.projectId, existing, { dialUrl: input.dialUrl }, now);
    await recordEvent(tx, userActor(auth), now, {
      action: 'telephony.configured',
      entityType: 'project',
      entityId: input.projectId,
      projectId: input.projectId,
      before: existing ? { dialUrl: existing.dialUrl } : null,
      after: { dialUrl: row.dialUrl },
    });
    return presentConfig(input.projectId, row);
  });
}

/** A new webhook secret; the previous one stops working at once. Returned this one time only. */
export async function rotateToken(ctx: Ctx, auth: AuthContext, projectId: number) {
  assertInScope(auth, projectId, 'Project');
  const now = ctx.clock.now();
  const token = `gjt_${randomBytes(24).toString('base64url')}`;
  return ctx.database.db.transaction(async (tx) => {
    const existing = await lock(tx, projectId);
    const row = await upsert(tx, auth, projectId, existing, { tokenHash: hashTelephonyToken(token) }, now);
    await recordEvent(tx, userActor(auth), now, {
      action: 'telephony.token_rotated',
      entityType: 'project',
      entityId: projectId,
      projectId,
    });
    return { ...presentConfig(projectId, row), token };
  });
}

async function lock(tx: DbOrTx, projectId: number) {
  const [row] = await tx
    .select()
    .from(telephonyConfigs)
    .where(eq(telephonyConfigs.projectId, projectId))
    .for('update');
  return row;
}

async function upsert(
  tx: DbOrTx,
  auth: AuthContext,
  projectId: number,
  existing: ConfigRow | undefined,
  fields: Partial<Pick<ConfigRow, 'dialUrl' | 'tokenHash'>>,
  now: Date,
): Promise<ConfigRow> {
  const [row] = existing
    ? await tx
        .update(telephonyConfigs)
        .set({ ...fields, updatedAt: now, version: existing.version + 1 })
        .where(eq(telephonyConfigs.projectId, projectId))
        .returning()
    : await tx
        .insert(telephonyConfigs)
        .values({ projectId, companyId: auth.companyId, ...fields, createdAt: now, updatedAt: now })
        .returning();
  if (!row) throw new Error('upsert returned nothing');
  return row;
}

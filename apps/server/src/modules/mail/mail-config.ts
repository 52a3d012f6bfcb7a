import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, conflict } from '../../platform/http/errors';
import type { MailConfigInput } from './inputs';
import { mailConfigs } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;
type ConfigRow = typeof mailConfigs.$inferSelect;

/** The IMAP password is never shown again: only whether one is set. */
export const presentMailConfig = (projectId: number, row: ConfigRow | null | undefined) => ({
  projectId,
  address: row?.address ?? null,
  imapEnabled: row?.imapEnabled ?? false,
  imapHost: row?.imapHost ?? null,
  imapPort: row?.imapPort ?? null,
  imapSecure: row?.imapSecure ?? true,
  imapUser: row?.imapUser ?? null,
  hasImapPassword: Boolean(row?.imapPassword),
  imapMailbox: row?.imapMailbox ?? 'INBOX',
  imapLastPolledAt: row?.imapLastPolledAt?.toISOString() ?? null,
  imapLastError: row?.imapLastError ?? null,
  version: row?.version ?? null,
});

export async function readMailConfig(db: DbOrTx, auth: AuthContext, projectId: number) {
  assertInScope(auth, projectId, 'Project');
  const [row] = await db.select().from(mailConfigs).where(eq(mailConfigs.projectId, projectId));
  return presentMailConfig(projectId, row);
}

export async function saveMailConfig(ctx: Ctx, auth: AuthContext, input: MailConfigInput) {
  assertInScope(auth, input.projectId, 'Project');
  if (input.imapEnabled && !(input.imapHost && input.imapUser))
    throw badRequest('IMAP polling needs a host and a user', { path: 'imapHost' });
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(mailConfigs)
      .where(eq(mailConfigs.projectId, input.projectId))
      .for('update');
    if (existing) {
      if (input.version === undefined) throw badRequest('version is required', { path: 'version' });
      checkVersion(existing, input.version, 'Mail configuration');
    }
    const [taken] = await tx
      .select({ projectId: mailConfigs.projectId })
      .from(mailConfigs)
      .where(eq(mailConfigs.address, input.address));
    if (taken && taken.projectId !== input.projectId)
      throw conflict('Another project already receives mail at this address', { path: 'address' });
    const values = {
      address: input.address,
      imapEnabled: input.imapEnabled,
      imapHost: input.imapHost ?? null,
      imapPort: input.imapPort ?? null,
      imapSecure: input.imapSecure,
      imapUser: input.imapUser ?? null,
      imapMailbox: input.imapMailbox,
      ...(input.imapPassword !== undefined ? { imapPassword: input.imapPassword } : {}),
    };
    const [row] = existing
      ? await tx
          .update(mailConfigs)
          .set({ ...values, version: existing.version + 1, updatedAt: now })
          .where(eq(mailConfigs.id, existing.id))
          .returning()
      : await tx
          .insert(mailConfigs)
          .values({ ...values, companyId: auth.companyId, projectId: input.projectId })
          .returning();
    const shown = presentMailConfig(input.projectId, row);
    await recordEvent(tx, userActor(auth), now, {
      action: 'mail.configured',
      entityType: 'project',
      entityId: input.projectId,
      projectId: input.projectId,
      before: existing ? presentMailConfig(input.projectId, existing) : null,
      after: shown,
    });
    return shown;
  });
}

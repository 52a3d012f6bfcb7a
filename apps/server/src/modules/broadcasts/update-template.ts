import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import { assertKnownVariables } from '../incidents/validate-text';
import type { TemplatePatch } from './inputs';
import { templateInScope } from './queries';
import { messageTemplates } from './schema';
import { assertMayWrite, type Ctx } from './template-access';

export async function updateTemplate(ctx: Ctx, auth: AuthContext, id: number, patch: TemplatePatch) {
  assertKnownVariables(patch.body, 'body');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const t = checkVersion(await templateInScope(tx, auth, id, true), patch.version, 'Template');
    assertMayWrite(auth, t.projectId);
    const { version: _v, ...fields } = patch;
    const [row] = await tx
      .update(messageTemplates)
      .set({ ...fields, version: t.version + 1, updatedAt: now })
      .where(eq(messageTemplates.id, t.id))
      .returning();
    if (!row) throw new Error('template vanished inside its transaction');
    await recordEvent(tx, userActor(auth), now, {
      action: 'message_template.updated',
      entityType: 'message_template',
      entityId: t.id,
      projectId: t.projectId,
      before: { name: t.name, kind: t.kind, body: t.body },
      after: { name: row.name, kind: row.kind, body: row.body },
    });
    return row;
  });
}

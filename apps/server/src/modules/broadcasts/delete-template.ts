import { eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import { templateInScope } from './queries';
import { type MessageTemplateRow, messageTemplates } from './schema';
import { assertMayWrite, type Ctx } from './template-access';

export async function deleteTemplate(ctx: Ctx, auth: AuthContext, id: number, version: number) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx): Promise<MessageTemplateRow> => {
    const t = checkVersion(await templateInScope(tx, auth, id, true), version, 'Template');
    assertMayWrite(auth, t.projectId);
    await tx.delete(messageTemplates).where(eq(messageTemplates.id, t.id));
    await recordEvent(tx, userActor(auth), now, {
      action: 'message_template.deleted',
      entityType: 'message_template',
      entityId: t.id,
      projectId: t.projectId,
      before: { code: t.code, name: t.name, body: t.body },
    });
    return t;
  });
}

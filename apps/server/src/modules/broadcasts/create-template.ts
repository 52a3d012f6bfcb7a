import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { recordEvent } from '../../platform/events/record-event';
import { assertKnownVariables } from '../incidents/validate-text';
import type { TemplateInput } from './inputs';
import { messageTemplates } from './schema';
import { assertCodeFree, assertMayWrite, type Ctx } from './template-access';

/** A saved text, company-wide or a project's own (overriding the company's of the same code). */
export async function createTemplate(ctx: Ctx, auth: AuthContext, input: TemplateInput) {
  assertMayWrite(auth, input.projectId);
  assertKnownVariables(input.body, 'body');
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const projectId = input.projectId ?? null;
    await assertCodeFree(tx, auth.companyId, projectId, input.code);
    const [row] = await tx
      .insert(messageTemplates)
      .values({
        ...input,
        projectId,
        companyId: auth.companyId,
        createdById: auth.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('template insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'message_template.created',
      entityType: 'message_template',
      entityId: row.id,
      projectId,
      after: { code: row.code, name: row.name, kind: row.kind, body: row.body },
    });
    return row;
  });
}

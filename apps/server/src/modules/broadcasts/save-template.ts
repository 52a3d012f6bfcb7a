import { and, eq, isNull } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertCan, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { conflict } from '../../platform/http/errors';
import { assertKnownVariables } from '../incidents/validate-text';
import type { TemplateInput, TemplatePatch } from './inputs';
import { templateInScope } from './queries';
import { type MessageTemplateRow, messageTemplates } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

/** Company-wide templates are the company's settings; a project's own ones are its notice writers'. */
function assertMayWrite(auth: AuthContext, projectId: number | null | undefined): void {
  if (projectId) assertInScope(auth, projectId, 'Project');
  else assertCan(auth, 'settings.write');
}

async function assertCodeFree(tx: DbOrTx, companyId: number, projectId: number | null, code: string) {
  const [clash] = await tx
    .select({ id: messageTemplates.id })
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.companyId, companyId),
        projectId ? eq(messageTemplates.projectId, projectId) : isNull(messageTemplates.projectId),
        eq(messageTemplates.code, code),
      ),
    );
  if (clash) throw conflict('A template with this code exists at this level', { code, id: clash.id });
}

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

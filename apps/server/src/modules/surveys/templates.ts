import type { SurveyTemplate, SurveyTemplateInput, surveyTemplatePatch } from '@guanjia/shared/api';
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import { userActor } from '../../platform/auth/actor';
import { type AuthContext, assertInScope } from '../../platform/auth/context';
import type { DbOrTx } from '../../platform/db/client';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, notFound } from '../../platform/http/errors';
import { scopeIds } from '../org/queries';
import { type SurveyTemplateRow, surveyTemplates } from './schema';
import { STANDARD_SURVEY } from './standard-template';

type Ctx = Pick<Services, 'database' | 'clock'>;

export const presentTemplate = (t: SurveyTemplateRow): SurveyTemplate => ({
  id: t.id,
  projectId: t.projectId,
  name: t.name,
  description: t.description,
  sections: t.sections,
  active: t.active,
  version: t.version,
});

/** Company-wide templates and those of the caller's projects. */
export async function listTemplates(db: DbOrTx, auth: AuthContext, projectId?: number) {
  const scope = projectId ? scopeIds(auth).filter((p) => p === projectId) : scopeIds(auth);
  const rows = await db
    .select()
    .from(surveyTemplates)
    .where(
      and(
        eq(surveyTemplates.companyId, auth.companyId),
        or(
          isNull(surveyTemplates.projectId),
          inArray(surveyTemplates.projectId, scope.length ? scope : [-1]),
        ),
      ),
    )
    .orderBy(asc(surveyTemplates.id));
  return rows.map(presentTemplate);
}

export async function templateInScope(db: DbOrTx, auth: AuthContext, id: number, lock = false) {
  const q = db.select().from(surveyTemplates).where(eq(surveyTemplates.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row || row.companyId !== auth.companyId) throw notFound('Survey template');
  if (row.projectId !== null) assertInScope(auth, row.projectId, 'Survey template');
  return row;
}

/** Question keys are the answer's field names: unique, and at most one overall question. */
function checkSections(sections: SurveyTemplateInput['sections']) {
  const keys = sections.flatMap((s) => s.questions.map((q) => q.key));
  if (new Set(keys).size !== keys.length) throw badRequest('Question keys must be unique');
  const overall = sections.flatMap((s) => s.questions).filter((q) => q.overall);
  if (overall.length > 1) throw badRequest('A questionnaire has one overall question');
  for (const q of sections.flatMap((s) => s.questions))
    if ((q.type === 'single' || q.type === 'multiple') && !q.options?.length)
      throw badRequest('A choice question needs options', { key: q.key });
}

export async function createTemplate(ctx: Ctx, auth: AuthContext, body: SurveyTemplateInput) {
  if (body.projectId) assertInScope(auth, body.projectId, 'Project');
  checkSections(body.sections);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(surveyTemplates)
      .values({
        companyId: auth.companyId,
        projectId: body.projectId ?? null,
        name: body.name,
        description: body.description ?? null,
        sections: body.sections,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'survey_template.created',
      entityType: 'survey_template',
      entityId: row.id,
      projectId: row.projectId,
      after: { name: row.name, questions: body.sections.reduce((n, s) => n + s.questions.length, 0) },
    });
    return presentTemplate(row);
  });
}

export async function updateTemplate(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  body: z.infer<typeof surveyTemplatePatch>,
) {
  if (body.sections) checkSections(body.sections);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const t = checkVersion(await templateInScope(tx, auth, id, true), body.version, 'Survey template');
    const { version: _v, ...rest } = body;
    const [row] = await tx
      .update(surveyTemplates)
      .set({ ...definedOnly(rest), version: t.version + 1, updatedAt: now })
      .where(eq(surveyTemplates.id, t.id))
      .returning();
    await recordEvent(tx, userActor(auth), now, {
      action: 'survey_template.updated',
      entityType: 'survey_template',
      entityId: t.id,
      projectId: t.projectId,
      after: { fields: Object.keys(definedOnly(rest)) },
    });
    return presentTemplate(row!);
  });
}

/** The standard 物业服务满意度调查, company-wide; added once (a second call returns the first). */
export async function addStandardTemplate(ctx: Ctx, auth: AuthContext) {
  const [existing] = await ctx.database.db
    .select()
    .from(surveyTemplates)
    .where(
      and(
        eq(surveyTemplates.companyId, auth.companyId),
        isNull(surveyTemplates.projectId),
        eq(surveyTemplates.name, STANDARD_SURVEY.name),
      ),
    );
  if (existing) return presentTemplate(existing);
  return createTemplate(ctx, auth, { projectId: null, ...STANDARD_SURVEY });
}

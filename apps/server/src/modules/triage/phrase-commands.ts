import { and, asc, eq, sql } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { isUniqueViolation } from '../../platform/db/errors';
import { checkVersion, definedOnly } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { conflict } from '../../platform/http/errors';
import { companyPhrases } from './model-store';
import type { UrgentKind } from './rules/urgency';
import { triagePhrases } from './schema';

type Ctx = Pick<Services, 'database' | 'clock'>;

export async function listPhrases(ctx: Ctx, auth: AuthContext) {
  const { db } = ctx.database;
  await companyPhrases(db, auth.companyId);
  return db
    .select({
      id: triagePhrases.id,
      phrase: triagePhrases.phrase,
      kind: triagePhrases.kind,
      active: triagePhrases.active,
      version: triagePhrases.version,
    })
    .from(triagePhrases)
    .where(eq(triagePhrases.companyId, auth.companyId))
    .orderBy(asc(triagePhrases.kind), asc(triagePhrases.id));
}

/** A new urgent phrase for the company (智能分类 settings): effective on the next suggestion. */
export async function addPhrase(ctx: Ctx, auth: AuthContext, input: { phrase: string; kind: UrgentKind }) {
  const { db } = ctx.database;
  const now = ctx.clock.now();
  await companyPhrases(db, auth.companyId);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(triagePhrases)
        .values({
          companyId: auth.companyId,
          phrase: input.phrase,
          kind: input.kind,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      await recordEvent(tx, userActor(auth), now, {
        action: 'triage.phrase_added',
        entityType: 'triage_phrase',
        entityId: row.id,
        after: { phrase: row.phrase, kind: row.kind },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('This phrase is already in the list', { phrase: input.phrase });
    throw error;
  }
}

/** Switch a phrase off (or on) or change its kind; stale version → 409. */
export async function updatePhrase(
  ctx: Ctx,
  auth: AuthContext,
  id: number,
  patch: { version: number; active?: boolean; kind?: UrgentKind },
) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [found] = await tx
      .select()
      .from(triagePhrases)
      .where(and(eq(triagePhrases.id, id), eq(triagePhrases.companyId, auth.companyId)))
      .for('update');
    const row = checkVersion(found, patch.version, 'Phrase');
    const change = definedOnly({ active: patch.active, kind: patch.kind });
    const [after] = await tx
      .update(triagePhrases)
      .set({ ...change, updatedAt: now, version: sql`${triagePhrases.version} + 1` })
      .where(eq(triagePhrases.id, id))
      .returning();
    if (!after) throw new Error('update returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'triage.phrase_updated',
      entityType: 'triage_phrase',
      entityId: id,
      before: { active: row.active, kind: row.kind },
      after: { active: after.active, kind: after.kind },
    });
    return after;
  });
}

import { and, eq } from 'drizzle-orm';
import { userActor } from '../../platform/auth/actor';
import type { AuthContext } from '../../platform/auth/context';
import { invalidate } from '../../platform/cache/caches';
import { checkVersion } from '../../platform/db/versioning';
import { recordEvent } from '../../platform/events/record-event';
import type { Services } from '../../platform/http/app-types';
import { badRequest, notFound } from '../../platform/http/errors';
import { normalizeTerms } from './rules/synonyms';
import { kbSynonymGroups } from './schema';
import type { SynonymGroupInput, SynonymGroupPatch } from './synonym-group.types';
import { presentSynonymGroup } from './synonym-queries';

type Ctx = Pick<Services, 'database' | 'clock' | 'bus'>;

/** At least two distinct words after normalizing, or the group could never expand a search. */
function termsOf(input: readonly string[]): string[] {
  const terms = normalizeTerms(input);
  if (terms.length < 2)
    throw badRequest('A synonym group needs at least two different words', { terms: input });
  return terms;
}

export async function createSynonymGroup(ctx: Ctx, auth: AuthContext, input: SynonymGroupInput) {
  const terms = termsOf(input.terms);
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(kbSynonymGroups)
      .values({ companyId: auth.companyId, terms, updatedById: auth.userId, createdAt: now, updatedAt: now })
      .returning();
    if (!saved) throw new Error('insert returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'kb.synonyms_created',
      entityType: 'kb_synonym_group',
      entityId: saved.id,
      after: { terms },
    });
    return saved;
  });
  await invalidate(ctx, 'kb-synonyms');
  return presentSynonymGroup(row);
}

export async function updateSynonymGroup(ctx: Ctx, auth: AuthContext, id: number, patch: SynonymGroupPatch) {
  const terms = termsOf(patch.terms);
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(kbSynonymGroups)
      .where(and(eq(kbSynonymGroups.id, id), eq(kbSynonymGroups.companyId, auth.companyId)))
      .for('update');
    const current = checkVersion(existing, patch.version, 'Synonym group');
    const [saved] = await tx
      .update(kbSynonymGroups)
      .set({ terms, updatedById: auth.userId, updatedAt: now, version: current.version + 1 })
      .where(eq(kbSynonymGroups.id, id))
      .returning();
    if (!saved) throw new Error('update returned nothing');
    await recordEvent(tx, userActor(auth), now, {
      action: 'kb.synonyms_updated',
      entityType: 'kb_synonym_group',
      entityId: id,
      before: { terms: current.terms },
      after: { terms },
    });
    return saved;
  });
  await invalidate(ctx, 'kb-synonyms');
  return presentSynonymGroup(row);
}

export async function deleteSynonymGroup(ctx: Ctx, auth: AuthContext, id: number) {
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(kbSynonymGroups)
      .where(and(eq(kbSynonymGroups.id, id), eq(kbSynonymGroups.companyId, auth.companyId)))
      .for('update');
    if (!existing) throw notFound('Synonym group');
    await tx.delete(kbSynonymGroups).where(eq(kbSynonymGroups.id, id));
    await recordEvent(tx, userActor(auth), now, {
      action: 'kb.synonyms_deleted',
      entityType: 'kb_synonym_group',
      entityId: id,
      before: { terms: existing.terms },
    });
  });
  await invalidate(ctx, 'kb-synonyms');
}

import type { DbOrTx } from '../../platform/db/client';
import { getSetting } from '../../platform/settings/get-setting';
import { findForbiddenPhrases } from '../scripts/rules/forbidden';
import { FORBIDDEN_PHRASES } from '../scripts/settings';
import { type QaFlagSource, type QaSubject, qaFlags } from './schema';

export interface FlagTarget {
  companyId: number;
  projectId: number;
  subjectType: QaSubject;
  subjectId: number;
  source: QaFlagSource;
  authorId: number | null;
  text: string;
  at: Date;
}

const EXCERPT = 500;

/**
 * Check a text as it is written against the project's forbidden phrases and keep a flag when any is
 * used. Returns the phrases found (empty: nothing stored) so the caller can put them on its event.
 */
export async function flagForbidden(tx: DbOrTx, target: FlagTarget): Promise<string[]> {
  if (!target.text.trim()) return [];
  const list = await getSetting(tx, FORBIDDEN_PHRASES, {
    companyId: target.companyId,
    projectId: target.projectId,
  });
  const phrases = findForbiddenPhrases(target.text, list).map((f) => f.phrase);
  if (!phrases.length) return [];
  await tx.insert(qaFlags).values({
    companyId: target.companyId,
    projectId: target.projectId,
    subjectType: target.subjectType,
    subjectId: target.subjectId,
    source: target.source,
    authorId: target.authorId,
    phrases,
    excerpt: target.text.slice(0, EXCERPT),
    createdAt: target.at,
  });
  return phrases;
}

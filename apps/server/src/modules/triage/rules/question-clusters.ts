import { clusterBy, overlap, type TextSignature } from './similarity';

export interface QuestionText {
  /** The consultation (ticket) id. */
  id: number;
  sig: TextSignature;
}

export interface QuestionCluster {
  /** The member that reads most like all the others: its text becomes the candidate question. */
  representative: number;
  /** Ticket ids, ascending. */
  members: number[];
}

/**
 * Consultations that found no article, grouped by near-duplicate text (the repeat-issue overlap on
 * MinHash signatures, union-find). Groups smaller than `minSize` are dropped: one resident's odd
 * question is the agent's to answer, a question several residents ask needs one standard answer.
 * The representative has the highest summed overlap with the other members (the "centre" of the
 * group); ties go to the earliest ticket so a re-run picks the same text.
 */
export function groupQuestions(
  items: readonly QuestionText[],
  threshold: number,
  minSize: number,
): QuestionCluster[] {
  const sorted = [...items].sort((a, b) => a.id - b.id);
  const groups = clusterBy(
    sorted.length,
    (i, j) => overlap((sorted[i] as QuestionText).sig, (sorted[j] as QuestionText).sig) >= threshold,
  );
  return groups
    .filter((g) => g.length >= minSize)
    .map((g) => {
      const members = g.map((i) => sorted[i] as QuestionText);
      let best = members[0] as QuestionText;
      let bestScore = -1;
      for (const m of members) {
        const score = members.reduce((sum, o) => (o === m ? sum : sum + overlap(m.sig, o.sig)), 0);
        if (score > bestScore + 1e-9) {
          best = m;
          bestScore = score;
        }
      }
      return { representative: best.id, members: members.map((m) => m.id).sort((a, b) => a - b) };
    });
}

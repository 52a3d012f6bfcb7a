import type { EvaluationGrade, EvaluationItem } from '@guanjia/shared/api';

export interface Bands {
  excellent: number;
  pass: number;
  improve: number;
  improvePercent: number;
  failPercent: number;
}

/**
 * A month's evaluation: each item's score clamped to 0…its weight (an item left out scores its full
 * weight: nothing was found wrong), the total rounded to a whole point, the band, and the share of
 * the fee paid at settlement.
 */
export function scoreEvaluation(
  items: readonly EvaluationItem[],
  scores: Record<string, number>,
  bands: Bands,
) {
  const scored = items.map((item) => {
    const raw = scores[item.key];
    const score = raw === undefined ? item.weight : Math.min(item.weight, Math.max(0, raw));
    return { ...item, score: Math.round(score * 10) / 10 };
  });
  const weight = items.reduce((s, i) => s + i.weight, 0);
  const sum = scored.reduce((s, i) => s + i.score, 0);
  // Items not adding up to 100 are scaled to a score out of 100.
  const total = weight ? Math.round((sum / weight) * 100) : 0;
  const grade = gradeOf(total, bands);
  const settlementPercent =
    grade === '不合格' ? bands.failPercent : grade === '待改进' ? bands.improvePercent : 100;
  return { items: scored, total, grade, settlementPercent };
}

export function gradeOf(total: number, bands: Bands): EvaluationGrade {
  if (total >= bands.excellent) return '优秀';
  if (total >= bands.pass) return '合格';
  if (total >= bands.improve) return '待改进';
  return '不合格';
}

export interface VisitFacts {
  safetyBriefing: boolean;
  siteChecked: boolean | null;
  signedOut: boolean;
}

/**
 * What the month's sign-ins suggest for the items they can show: the share of visits signed in and out,
 * with a safety briefing, with the site checked. Other items are left to the evaluator (full weight).
 */
export function suggestScores(items: readonly EvaluationItem[], visits: readonly VisitFacts[]) {
  const share = (ok: (v: VisitFacts) => boolean) =>
    visits.length ? visits.filter(ok).length / visits.length : 1;
  const basis: Record<string, number> = {
    signIn: share((v) => v.signedOut),
    safetyBriefing: share((v) => v.safetyBriefing),
    siteCheck: share((v) => v.siteChecked === true),
  };
  return items.map((item) => {
    const s = basis[item.key];
    return {
      ...item,
      score: s === undefined ? item.weight : Math.round(item.weight * s * 10) / 10,
      basis: s === undefined ? '' : `${Math.round(s * 100)}%`,
    };
  });
}

import { type SuggestOptions, suggest, type TriageModel } from '../rules/classifier';
import type { Segmenter } from '../rules/features';

export interface EvalCase {
  text: string;
  path: string;
  urgent: boolean;
}

export interface Evaluation {
  n: number;
  top1: number;
  top3: number;
  urgentRecall: number;
  urgentPrecision: number;
  /** expected path → predicted path → count (misses only, for the printed confusion). */
  confusion: Map<string, Map<string, number>>;
  /** Per expected path: [right, total]. */
  perPath: Map<string, [number, number]>;
}

/** Top-1/top-3 accuracy, urgent recall/precision and the confusion of a model on labelled texts. */
export function evaluate(
  model: TriageModel,
  cases: readonly EvalCase[],
  segment: Segmenter | null,
  options: SuggestOptions,
): Evaluation {
  let top1 = 0;
  let top3 = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const confusion = new Map<string, Map<string, number>>();
  const perPath = new Map<string, [number, number]>();
  for (const c of cases) {
    const s = suggest(model, c.text, segment, options);
    const got = s.categories[0]?.path ?? '';
    const stat = perPath.get(c.path) ?? [0, 0];
    stat[1]++;
    if (got === c.path) {
      top1++;
      stat[0]++;
    } else {
      const row = confusion.get(c.path) ?? new Map<string, number>();
      row.set(got, (row.get(got) ?? 0) + 1);
      confusion.set(c.path, row);
    }
    perPath.set(c.path, stat);
    if (s.categories.some((x) => x.path === c.path)) top3++;
    const predicted = s.urgency === 'urgent';
    if (predicted && c.urgent) tp++;
    else if (predicted) fp++;
    else if (c.urgent) fn++;
  }
  const n = cases.length || 1;
  return {
    n: cases.length,
    top1: top1 / n,
    top3: top3 / n,
    urgentRecall: tp + fn ? tp / (tp + fn) : 1,
    urgentPrecision: tp + fp ? tp / (tp + fp) : 1,
    confusion,
    perPath,
  };
}

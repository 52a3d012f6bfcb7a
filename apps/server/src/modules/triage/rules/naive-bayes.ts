/**
 * Multinomial naive Bayes over sparse feature counts, written for this size of problem: training is
 * one pass of counting (100,000 texts in seconds), prediction touches only the features a text has.
 * The model is plain data (labels, per-class totals, per-feature sparse counts) so it is stored as
 * JSON in the database and every node scores with the same one.
 */
export interface NbModel {
  labels: string[];
  /** Documents per label (the prior). */
  docs: number[];
  /** Sum of feature counts per label. */
  totals: number[];
  /** feature → [labelIndex, count, labelIndex, count, …] (flat: half the JSON of nested pairs). */
  features: Record<string, number[]>;
  alpha: number;
}

export interface Example {
  counts: Map<string, number>;
  label: string;
  /** A corrected ticket counts more than one generated sentence (the company's own words). */
  weight?: number;
}

export function trainNb(examples: readonly Example[], alpha = 0.3): NbModel {
  const labelIndex = new Map<string, number>();
  const docs: number[] = [];
  const totals: number[] = [];
  const table = new Map<string, Map<number, number>>();
  for (const ex of examples) {
    let li = labelIndex.get(ex.label);
    if (li === undefined) {
      li = labelIndex.size;
      labelIndex.set(ex.label, li);
      docs.push(0);
      totals.push(0);
    }
    const w = ex.weight ?? 1;
    docs[li] = (docs[li] ?? 0) + w;
    for (const [f, n] of ex.counts) {
      // Presence, not frequency, per document: a long complaint repeating 漏水 is still one leak.
      const c = Math.min(n, 2) * w;
      totals[li] = (totals[li] ?? 0) + c;
      let row = table.get(f);
      if (!row) {
        row = new Map();
        table.set(f, row);
      }
      row.set(li, (row.get(li) ?? 0) + c);
    }
  }
  const features: Record<string, number[]> = {};
  for (const [f, row] of table) {
    const flat: number[] = [];
    for (const [li, c] of row) flat.push(li, Math.round(c * 100) / 100);
    features[f] = flat;
  }
  return { labels: [...labelIndex.keys()], docs, totals, features, alpha };
}

export interface Scored {
  label: string;
  /** Softmax over the (tempered) log-likelihoods: a confidence in [0, 1], summing to 1. */
  p: number;
}

export interface Prediction {
  ranked: Scored[];
  /** Features of the text that the model knows, with how much each pushed the top label. */
  drivers: { feature: string; weight: number }[];
}

export function predictNb(model: NbModel, counts: Map<string, number>): Prediction {
  const L = model.labels.length;
  const V = Object.keys(model.features).length || 1;
  const { alpha } = model;
  const docSum = model.docs.reduce((a, b) => a + b, 0) || 1;
  const scores = new Float64Array(L);
  const base = new Float64Array(L);
  for (let l = 0; l < L; l++) {
    scores[l] = Math.log((model.docs[l] ?? 0) / docSum || 1e-9);
    base[l] = Math.log(alpha / ((model.totals[l] ?? 0) + alpha * V));
  }
  const known: [string, number[], number][] = [];
  let n = 0;
  for (const [f, raw] of counts) {
    const row = model.features[f];
    if (!row) continue;
    const c = Math.min(raw, 2);
    n += c;
    known.push([f, row, c]);
    for (let l = 0; l < L; l++) scores[l] = (scores[l] as number) + c * (base[l] as number);
    for (let i = 0; i < row.length; i += 2) {
      const l = row[i] as number;
      scores[l] = (scores[l] as number) + c * Math.log(((row[i + 1] as number) + alpha) / alpha);
    }
  }
  // Naive Bayes is overconfident by construction (features are far from independent); tempering by
  // the number of features gives confidences an agent can read as such.
  const temper = 1 + n / 6;
  let max = -Infinity;
  for (let l = 0; l < L; l++) max = Math.max(max, (scores[l] as number) / temper);
  let sum = 0;
  const exp = new Float64Array(L);
  for (let l = 0; l < L; l++) {
    exp[l] = Math.exp((scores[l] as number) / temper - max);
    sum += exp[l] as number;
  }
  const ranked = model.labels
    .map((label, l) => ({ label, p: (exp[l] as number) / sum, l }))
    .sort((a, b) => b.p - a.p);
  const top = ranked[0]?.l ?? 0;
  const second = ranked[1]?.l ?? top;
  const drivers = known
    .map(([feature, row, c]) => {
      const countOf = (l: number) => {
        for (let i = 0; i < row.length; i += 2) if (row[i] === l) return row[i + 1] as number;
        return 0;
      };
      const lik = (l: number) => Math.log((countOf(l) + alpha) / ((model.totals[l] ?? 0) + alpha * V));
      return { feature, weight: c * (lik(top) - lik(second)) };
    })
    .filter((d) => d.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 6);
  return { ranked: ranked.map(({ label, p }) => ({ label, p })), drivers };
}

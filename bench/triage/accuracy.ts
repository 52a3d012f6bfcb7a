// bench/triage: the shipped triage model on a held-out fifth of the generated set and on the
// hand-written fresh set — top-1, top-3, urgent recall/precision, per-category confusion — beside a
// keyword-only baseline measured in the same run; suggestion latency p95; retrain on 100,000 tickets.

import { CATEGORY_SEED } from '../../apps/server/src/modules/tickets/category-seed';
import {
  suggest,
  type TrainingText,
  trainTriage,
} from '../../apps/server/src/modules/triage/rules/classifier';
import { assessUrgency, DEFAULT_URGENT_PHRASES } from '../../apps/server/src/modules/triage/rules/urgency';
import { segmenter } from '../../apps/server/src/modules/triage/segmenter';
import {
  type EvalCase,
  type Evaluation,
  evaluate,
} from '../../apps/server/src/modules/triage/training/evaluate';
import { FRESH_SET } from '../../apps/server/src/modules/triage/training/fresh-set';
import { generateTrainingSet } from '../../apps/server/src/modules/triage/training/generate';
import { LEAF_POOLS } from '../../apps/server/src/modules/triage/training/phrases';

const { segment, engine } = segmenter();
const urgentPaths = new Set<string>();
for (const [place, cats] of CATEGORY_SEED)
  for (const [cat, , problems] of cats)
    for (const p of problems)
      if (Array.isArray(p) && p[1] === '急') urgentPaths.add(`${place}/${cat}/${p[0]}`);
const options = { phrases: DEFAULT_URGENT_PHRASES, urgentPaths, urgentCategoryConfidence: 0.8 };

const all = generateTrainingSet();
const train = all.filter((_, i) => i % 5 !== 0);
const heldOut: EvalCase[] = all
  .filter((_, i) => i % 5 === 0)
  .map((x) => ({ text: x.text, path: x.path, urgent: x.urgency === 'urgent' }));
const fresh: EvalCase[] = FRESH_SET.map(([text, path, u]) => ({ text, path, urgent: u === 'u' }));

const t0 = performance.now();
const model = trainTriage(train, segment, engine);
const trainMs = performance.now() - t0;

/**
 * Baseline: keyword-only. Each leaf's keywords are its own name split in two-character pieces plus
 * the name itself; the leaf with most keyword hits wins; urgency is the urgent phrase list without
 * negation handling (what a naive keyword rule would do).
 */
function keywordBaseline(cases: EvalCase[]): Evaluation {
  const keys = LEAF_POOLS.map((l) => {
    const name = l.path.split('/').slice(1).join('');
    const grams = new Set<string>();
    for (let i = 0; i + 2 <= name.length; i++) grams.add(name.slice(i, i + 2));
    return { path: l.path, grams: [...grams] };
  });
  let top1 = 0;
  let top3 = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const c of cases) {
    const ranked = keys
      .map((k) => ({ path: k.path, n: k.grams.filter((g) => c.text.includes(g)).length }))
      .sort((a, b) => b.n - a.n);
    if (ranked[0]?.path === c.path) top1++;
    if (ranked.slice(0, 3).some((r) => r.path === c.path)) top3++;
    const u = DEFAULT_URGENT_PHRASES.some((p) => c.text.includes(p.phrase));
    if (u && c.urgent) tp++;
    else if (u) fp++;
    else if (c.urgent) fn++;
  }
  const n = cases.length;
  return {
    n,
    top1: top1 / n,
    top3: top3 / n,
    urgentRecall: tp / (tp + fn || 1),
    urgentPrecision: tp / (tp + fp || 1),
    confusion: new Map(),
    perPath: new Map(),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
function row(name: string, e: Evaluation) {
  return `${name.padEnd(28)} n=${String(e.n).padStart(4)}  top-1 ${pct(e.top1).padStart(7)}  top-3 ${pct(e.top3).padStart(7)}  urgent recall ${e.urgentRecall.toFixed(3)}  precision ${e.urgentPrecision.toFixed(3)}`;
}

const heldEval = evaluate(model, heldOut, segment, options);
const freshEval = evaluate(model, fresh, segment, options);
console.log(
  `triage bench — segmenter: ${engine}; trained on ${train.length} generated texts in ${trainMs.toFixed(0)} ms`,
);
console.log('targets: top-1 ≥ 85 %, top-3 ≥ 95 %, urgent recall ≥ 0.98 with precision ≥ 0.8\n');
console.log(row('model, held-out (generated)', heldEval));
console.log(row('baseline, held-out', keywordBaseline(heldOut)));
console.log(row('model, fresh (hand-written)', freshEval));
console.log(row('baseline, fresh', keywordBaseline(fresh)));
const ngrams = trainTriage(train, null, 'ngrams');
console.log(row('n-grams only, fresh', evaluate(ngrams, fresh, null, options)));

console.log('\nper-category on the fresh set (right/total; misses → predicted ×n):');
for (const [path, [right, total]] of [...freshEval.perPath.entries()].sort()) {
  const miss = [...(freshEval.confusion.get(path)?.entries() ?? [])].map(([p, n]) => `${p} ×${n}`).join(', ');
  console.log(`  ${path.padEnd(24)} ${right}/${total}${miss ? `  → ${miss}` : ''}`);
}

// Latency: one suggestion as the API computes it (features, two models, urgency rules).
const times: number[] = [];
for (let round = 0; round < 3; round++)
  for (const c of fresh) {
    const s = performance.now();
    suggest(model, c.text, segment, options);
    times.push(performance.now() - s);
  }
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
const base = [];
for (const c of fresh) {
  const s = performance.now();
  assessUrgency(c.text, DEFAULT_URGENT_PHRASES);
  base.push(performance.now() - s);
}
base.sort((a, b) => a - b);
console.log(
  `\nsuggestion latency: p50 ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms (target ≤ 20 ms); baseline rules alone p95 ${(base[Math.floor(0.95 * base.length)] ?? 0).toFixed(2)} ms`,
);

// Nightly retrain on 100,000 tickets: the shipped set plus 100,000 corrected tickets (generated
// with another seed, weighted as corrections are).
const big: TrainingText[] = [
  ...all,
  ...generateTrainingSet(Math.ceil(100_000 / LEAF_POOLS.length), 7)
    .slice(0, 100_000)
    .map((x) => ({ ...x, weight: 3 })),
];
const r0 = performance.now();
const retrained = trainTriage(big, segment, engine);
const retrainS = (performance.now() - r0) / 1000;
const size = JSON.stringify(retrained).length;
console.log(
  `retrain on ${big.length} texts: ${retrainS.toFixed(1)} s (target ≤ 60 s), model ${(size / 1e6).toFixed(1)} MB JSON; fresh top-1 after: ${pct(evaluate(retrained, fresh, segment, options).top1)}`,
);

import type { SheetRule } from '@guanjia/shared';

/** The numbers the rules run on; each is a per-project setting with its seed default (settings.ts). */
export interface ScoringParams {
  /** Q112: how many months a record audit samples. */
  sampledMonths: number;
  /** Q110: −0.5 per defective record. */
  recordDeduction: number;
  /** Q110: a month with more than this many defects scores 0. */
  recordMonthZeroAbove: number;
  /** Q111: −2 per on-site defect. */
  onSiteDeduction: number;
  /** Q111: more than this many defects scores the item 0. */
  onSiteZeroAbove: number;
}

export const SEED_PARAMS: ScoringParams = {
  sampledMonths: 2,
  recordDeduction: 0.5,
  recordMonthZeroAbove: 10,
  onSiteDeduction: 2,
  onSiteZeroAbove: 5,
};

export interface SheetItemDef {
  key: string;
  title: string;
  points: number;
  rule: SheetRule;
}
export interface SheetSectionDef {
  key: string;
  title: string;
  items: SheetItemDef[];
}

/** A finding as the rules see it: how many defects, and for a record audit which sampled month. */
export interface FindingFacts {
  itemKey: string;
  count: number;
  month?: string | null;
}

export interface ItemScore {
  key: string;
  points: number;
  score: number;
  deduction: number;
  defects: number;
  applicable: boolean;
  /** Per sampled month (record audits only). */
  months?: { month: string; defects: number; score: number }[];
}
export interface SectionScore {
  key: string;
  points: number;
  score: number;
  items: ItemScore[];
}
export interface SheetScore {
  sections: SectionScore[];
  /** The sheet's full points (all non-veto items). */
  fullPoints: number;
  /** Points of the applicable items: the base the total is rescaled from. */
  applicablePoints: number;
  rawScore: number;
  /** Rescaled to the full points, so an N/A item neither helps nor hurts; 0 when vetoed. */
  total: number;
  /** The total on a 100-point scale (campaign acceptance, Q114). */
  percent: number;
  vetoed: boolean;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * R1 record audit (Q110): the item's points split evenly over the sampled months; each month loses the
 * deduction per defect down to 0, and a month with more than the limit scores 0 outright. Defects filed
 * without a month (or in a month not sampled) count against the first sampled month.
 */
export function scoreRecordAudit(
  points: number,
  findings: readonly FindingFacts[],
  sampled: readonly string[],
  p: ScoringParams,
): { score: number; months: { month: string; defects: number; score: number }[] } {
  const months = sampled.length
    ? [...sampled]
    : Array.from({ length: p.sampledMonths }, (_, i) => `#${i + 1}`);
  const perMonth = points / months.length;
  const defects = new Map<string, number>(months.map((m) => [m, 0]));
  for (const f of findings) {
    const m = f.month && defects.has(f.month) ? f.month : months[0]!;
    defects.set(m, (defects.get(m) ?? 0) + f.count);
  }
  const rows = months.map((month) => {
    const n = defects.get(month) ?? 0;
    const score = n > p.recordMonthZeroAbove ? 0 : Math.max(0, perMonth - n * p.recordDeduction);
    return { month, defects: n, score: round2(score) };
  });
  return { score: round2(rows.reduce((s, r) => s + r.score, 0)), months: rows };
}

/** R2 on-site check (Q111): the deduction per defect down to 0; more than the limit scores 0. */
export function scoreOnSite(points: number, defects: number, p: ScoringParams): number {
  if (defects > p.onSiteZeroAbove) return 0;
  return round2(Math.max(0, points - defects * p.onSiteDeduction));
}

/**
 * The whole sheet: every item by its rule, N/A items out of both the score and the base (the total is
 * rescaled to the sheet's full points), and any defect on a veto item (一票否决) scores the sheet 0.
 */
export function scoreSheet(
  sections: readonly SheetSectionDef[],
  findings: readonly FindingFacts[],
  opts: { notApplicable?: readonly string[]; sampledMonths?: readonly string[]; params?: ScoringParams },
): SheetScore {
  const p = opts.params ?? SEED_PARAMS;
  const na = new Set(opts.notApplicable ?? []);
  const sampled = opts.sampledMonths ?? [];
  let vetoed = false;
  let fullPoints = 0;
  let applicablePoints = 0;
  let rawScore = 0;
  const out: SectionScore[] = sections.map((section) => {
    const items: ItemScore[] = section.items.map((item) => {
      const mine = findings.filter((f) => f.itemKey === item.key && f.count > 0);
      const defects = mine.reduce((s, f) => s + f.count, 0);
      const points = item.rule === 'veto' ? 0 : item.points;
      fullPoints += points;
      const applicable = !na.has(item.key);
      if (!applicable) return { key: item.key, points, score: 0, deduction: 0, defects, applicable };
      let score = points;
      let months: ItemScore['months'];
      if (item.rule === 'record_audit') {
        const r = scoreRecordAudit(points, mine, sampled, p);
        score = r.score;
        months = r.months;
      } else if (item.rule === 'on_site') score = scoreOnSite(points, defects, p);
      else if (item.rule === 'pass_fail') score = defects > 0 ? 0 : points;
      else if (defects > 0) vetoed = true;
      applicablePoints += points;
      rawScore += score;
      return {
        key: item.key,
        points,
        score,
        deduction: round2(points - score),
        defects,
        applicable,
        ...(months ? { months } : {}),
      };
    });
    const live = items.filter((i) => i.applicable);
    return {
      key: section.key,
      points: live.reduce((s, i) => s + i.points, 0),
      score: round2(live.reduce((s, i) => s + i.score, 0)),
      items,
    };
  });
  const total = vetoed || applicablePoints === 0 ? 0 : round2((rawScore / applicablePoints) * fullPoints);
  return {
    sections: out,
    fullPoints,
    applicablePoints,
    rawScore: round2(rawScore),
    total,
    percent: fullPoints ? round2((total / fullPoints) * 100) : 0,
    vetoed,
  };
}

/**
 * Q112: the two (or configured number of) months a record audit samples, drawn at random from the
 * twelve months before the inspection; `random` is injected so tests are deterministic.
 */
export function pickSampleMonths(
  now: { year: number; month: number },
  count: number,
  random: () => number,
): string[] {
  const pool: string[] = [];
  for (let i = 1; i <= 12; i++) {
    const d = new Date(Date.UTC(now.year, now.month - 1 - i, 1));
    pool.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  const picked: string[] = [];
  while (picked.length < Math.min(count, pool.length)) {
    const idx = Math.floor(random() * pool.length);
    picked.push(...pool.splice(idx, 1));
  }
  return picked.sort();
}

import {
  SATISFACTION_LEVELS,
  SATISFIED_LEVELS,
  type SurveyAnswers,
  type SurveyChannel,
  type SurveyQuestion,
  type SurveySection,
} from '@guanjia/shared/api';

/**
 * The survey formulas (R07), written once here and used by the answer's tallies, the results route, the
 * report and the tests:
 *
 *   coverage (Q81)      = households that answered ÷ households of the campaign
 *   satisfaction (Q82)  = households answering 满意 or 非常满意 on the overall question
 *                         ÷ households that answered the overall question
 *   per dimension       = households satisfied on the dimension ÷ households rating it, where a household
 *                         is satisfied on a dimension when more than half of its rated answers there are
 *                         satisfied (a 5-point scale ≥ 4, a 10-point scale or NPS ≥ 8, or 满意/非常满意)
 *
 * A household answers once (one token); a household with several residents is still one household,
 * and if several answers reach a household only the latest counts.
 */
export const OVERALL = '';

export const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : 0);

/** One answer as satisfied (true), not satisfied (false), or not a rating (null). */
export function satisfiedAnswer(q: SurveyQuestion, value: unknown): boolean | null {
  if (value === undefined || value === null || value === '') return null;
  switch (q.type) {
    case 'scale5':
      return typeof value === 'number' ? value >= 4 : null;
    case 'scale10':
    case 'nps':
      return typeof value === 'number' ? value >= 8 : null;
    case 'single':
      if (typeof value !== 'string') return null;
      if (SATISFIED_LEVELS.includes(value)) return true;
      return (SATISFACTION_LEVELS as readonly string[]).includes(value) ? false : null;
    default:
      return null;
  }
}

export interface HouseholdScore {
  /** The overall question: satisfied, not, or not answered. */
  overall: boolean | null;
  /** Each dimension the household rated: satisfied or not. */
  dimensions: Record<string, boolean>;
}

export function scoreHousehold(sections: readonly SurveySection[], answers: SurveyAnswers): HouseholdScore {
  let overall: boolean | null = null;
  const rated = new Map<string, { yes: number; all: number }>();
  for (const q of sections.flatMap((s) => s.questions)) {
    const verdict = satisfiedAnswer(q, answers[q.key]);
    if (verdict === null) continue;
    if (q.overall) overall = verdict;
    if (q.dimension) {
      const d = rated.get(q.dimension) ?? { yes: 0, all: 0 };
      d.all += 1;
      if (verdict) d.yes += 1;
      rated.set(q.dimension, d);
    }
  }
  const dimensions: Record<string, boolean> = {};
  for (const [name, d] of rated) dimensions[name] = d.yes * 2 > d.all;
  return { overall, dimensions };
}

/** What the answer must satisfy: known keys, required questions present, values of the question's kind. */
export function answerProblems(sections: readonly SurveySection[], answers: SurveyAnswers): string[] {
  const problems: string[] = [];
  const questions = sections.flatMap((s) => s.questions);
  const keys = new Set(questions.map((q) => q.key));
  for (const key of Object.keys(answers)) if (!keys.has(key)) problems.push(`${key}: unknown question`);
  for (const q of questions) {
    const v = answers[q.key];
    if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) {
      if (q.required) problems.push(`${q.key}: required`);
      continue;
    }
    const ok = (() => {
      switch (q.type) {
        case 'scale5':
          return typeof v === 'number' && v >= 1 && v <= 5;
        case 'scale10':
          return typeof v === 'number' && v >= 1 && v <= 10;
        case 'nps':
          return typeof v === 'number' && v >= 0 && v <= 10;
        case 'single':
          return typeof v === 'string' && (!q.options || q.options.includes(v));
        case 'multiple':
          return Array.isArray(v) && v.every((x) => !q.options || q.options.includes(x));
        case 'text':
          return typeof v === 'string';
      }
    })();
    if (!ok) problems.push(`${q.key}: not a valid ${q.type} answer`);
  }
  return problems;
}

/** One counter row: a campaign's zone and dimension ('' = the overall question). */
export interface Tally {
  zoneId: number;
  dimension: string;
  households: number;
  responded: number;
  answered: number;
  satisfied: number;
  byChannel: Partial<Record<SurveyChannel, number>>;
}

/** The tally increments one household's answer brings (zone row per dimension, plus the overall row). */
export function tallyIncrements(zoneId: number, channel: SurveyChannel, score: HouseholdScore): Tally[] {
  const rows: Tally[] = [
    {
      zoneId,
      dimension: OVERALL,
      households: 0,
      responded: 1,
      answered: score.overall === null ? 0 : 1,
      satisfied: score.overall ? 1 : 0,
      byChannel: { [channel]: 1 },
    },
  ];
  for (const [dimension, yes] of Object.entries(score.dimensions))
    rows.push({
      zoneId,
      dimension,
      households: 0,
      responded: 0,
      answered: 1,
      satisfied: yes ? 1 : 0,
      byChannel: {},
    });
  return rows;
}

export interface ZoneInfo {
  id: number;
  name: string;
}

export interface Targets {
  coverage: number;
  satisfaction: number;
}

/** Results from the counters: the formulas above, per campaign, per dimension and per zone. */
export function resultsFromTallies(tallies: readonly Tally[], zones: readonly ZoneInfo[], targets: Targets) {
  const overall = tallies.filter((t) => t.dimension === OVERALL);
  const sum = (rows: readonly Tally[], k: 'households' | 'responded' | 'answered' | 'satisfied') =>
    rows.reduce((a, r) => a + r[k], 0);
  const households = sum(overall, 'households');
  const responded = sum(overall, 'responded');
  const overallAnswered = sum(overall, 'answered');
  const satisfied = sum(overall, 'satisfied');
  const dims = new Map<string, { answered: number; satisfied: number }>();
  for (const t of tallies) {
    if (t.dimension === OVERALL) continue;
    const d = dims.get(t.dimension) ?? { answered: 0, satisfied: 0 };
    d.answered += t.answered;
    d.satisfied += t.satisfied;
    dims.set(t.dimension, d);
  }
  const channels = new Map<SurveyChannel, number>();
  for (const t of overall)
    for (const [c, n] of Object.entries(t.byChannel) as [SurveyChannel, number][])
      channels.set(c, (channels.get(c) ?? 0) + n);
  const zoneName = new Map(zones.map((z) => [z.id, z.name]));
  return {
    households,
    responded,
    coverage: ratio(responded, households),
    overallAnswered,
    satisfied,
    satisfaction: ratio(satisfied, overallAnswered),
    targets,
    byDimension: [...dims]
      .map(([dimension, d]) => ({
        dimension,
        answered: d.answered,
        satisfied: d.satisfied,
        satisfaction: ratio(d.satisfied, d.answered),
        belowTarget: d.answered > 0 && ratio(d.satisfied, d.answered) < targets.satisfaction,
      }))
      .sort((a, b) => a.satisfaction - b.satisfaction || a.dimension.localeCompare(b.dimension)),
    byZone: overall
      .map((t) => ({
        zoneId: t.zoneId || null,
        zoneName: zoneName.get(t.zoneId) ?? '未分片区',
        households: t.households,
        responded: t.responded,
        coverage: ratio(t.responded, t.households),
        satisfied: t.satisfied,
        overallAnswered: t.answered,
        satisfaction: ratio(t.satisfied, t.answered),
      }))
      .sort((a, b) => b.satisfaction - a.satisfaction || b.coverage - a.coverage),
    byChannel: [...channels].map(([channel, n]) => ({ channel, responded: n })),
  };
}

export interface HouseholdAnswer {
  unitId: number;
  answeredAt: Date;
  channel: SurveyChannel;
  answers: SurveyAnswers;
}

/**
 * The same results computed from scratch (the reference the counters are tested against): households
 * of the campaign with their zones, and every answer received — the latest per household counts.
 */
export function computeResults(
  sections: readonly SurveySection[],
  households: readonly { unitId: number; zoneId: number }[],
  answers: readonly HouseholdAnswer[],
  zones: readonly ZoneInfo[],
  targets: Targets,
) {
  const zoneOf = new Map(households.map((h) => [h.unitId, h.zoneId]));
  const latest = new Map<number, HouseholdAnswer>();
  for (const a of answers) {
    if (!zoneOf.has(a.unitId)) continue;
    const seen = latest.get(a.unitId);
    if (!seen || seen.answeredAt <= a.answeredAt) latest.set(a.unitId, a);
  }
  const tallies = new Map<string, Tally>();
  const add = (t: Tally) => {
    const key = `${t.zoneId}|${t.dimension}`;
    const row = tallies.get(key) ?? {
      ...t,
      households: 0,
      responded: 0,
      answered: 0,
      satisfied: 0,
      byChannel: {},
    };
    row.households += t.households;
    row.responded += t.responded;
    row.answered += t.answered;
    row.satisfied += t.satisfied;
    for (const [c, n] of Object.entries(t.byChannel) as [SurveyChannel, number][])
      row.byChannel[c] = (row.byChannel[c] ?? 0) + n;
    tallies.set(key, row);
  };
  for (const h of households)
    add({
      zoneId: h.zoneId,
      dimension: OVERALL,
      households: 1,
      responded: 0,
      answered: 0,
      satisfied: 0,
      byChannel: {},
    });
  for (const a of latest.values())
    for (const t of tallyIncrements(
      zoneOf.get(a.unitId) ?? 0,
      a.channel,
      scoreHousehold(sections, a.answers),
    ))
      add(t);
  return resultsFromTallies([...tallies.values()], zones, targets);
}

import type { SeriesRow } from '../registry';

/**
 * The formulas of the analytics cards that are not a plain count, written once: the console, the
 * Excel export, the PDF, the digest and the league table all call these.
 */

/** A share: null (no data) when there is nothing to divide by — never 0 %, which means "none of them". */
export function rateOf(value: number, base: number | null | undefined): number | null {
  if (base === null || base === undefined || base <= 0) return null;
  return value / base;
}

export interface HealthPart {
  key: string;
  weight: number;
  /** 0..1, already oriented so that 1 is good; null = no data. */
  rate: number | null;
}

/**
 * Project health 0–100: the weighted mean of the parts that have data, the weights of the others
 * spread over the rest (a project without a call center is not punished for it). Null when no part
 * has data or every weight is 0.
 */
export function healthScore(parts: readonly HealthPart[]): number | null {
  let weight = 0;
  let sum = 0;
  for (const p of parts) {
    if (p.rate === null || p.weight <= 0) continue;
    weight += p.weight;
    sum += p.weight * Math.min(1, Math.max(0, p.rate));
  }
  if (weight === 0) return null;
  return Math.round((sum / weight) * 1000) / 10;
}

/** A group's score: the mean of its members' scores that have one (null when none has). */
export function meanScore(scores: readonly (number | null)[]): number | null {
  const known = scores.filter((s): s is number => s !== null);
  if (!known.length) return null;
  return Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 10) / 10;
}

/** Local days (YYYY-MM-DD) from the day of `from` up to the day before `to` (window [from, to)). */
export function localDays(from: Date, to: Date, timeZone: string): string[] {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const days: string[] = [];
  const last = fmt.format(new Date(to.getTime() - 1));
  let day = fmt.format(from);
  // Stepping by calendar day on the date string avoids DST drift; capped at ~3 years of days.
  for (let i = 0; i < 1100 && day <= last; i += 1) {
    days.push(day);
    day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  }
  return days;
}

export const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

/**
 * Rows (x, name, value) into one value list per name along `categories` (or the x values in order of
 * first appearance); a missing cell is `missing` (0 for counts, null = no data for rates).
 */
export function pivot(
  rows: readonly SeriesRow[],
  categories: readonly string[] | undefined,
  missing: 0 | null,
): { categories: string[]; data: { name: string; values: (number | null)[] }[] } {
  const xs = categories ? [...categories] : [...new Set(rows.map((r) => r.x))];
  const index = new Map(xs.map((x, i) => [x, i]));
  const byName = new Map<string, (number | null)[]>();
  for (const r of rows) {
    const i = index.get(r.x);
    if (i === undefined) continue;
    let values = byName.get(r.name);
    if (!values) {
      values = xs.map(() => missing);
      byName.set(r.name, values);
    }
    values[i] = r.value === null ? null : (values[i] ?? 0) + r.value;
  }
  return { categories: xs, data: [...byName.entries()].map(([name, values]) => ({ name, values })) };
}

/** Ageing bucket of an open item by whole days open: the backlog chart's x axis. */
export const AGE_BUCKETS = ['<1天', '1-3天', '3-7天', '7-30天', '>30天'] as const;
export function ageBucket(days: number): (typeof AGE_BUCKETS)[number] {
  if (days < 1) return '<1天';
  if (days < 3) return '1-3天';
  if (days < 7) return '3-7天';
  if (days < 30) return '7-30天';
  return '>30天';
}

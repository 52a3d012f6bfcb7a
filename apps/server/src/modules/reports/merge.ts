import type { AggregateRow } from './aggregate-sql';
import { addTo, type Histogram } from './rules/histogram';
import type { HistogramCells } from './schema';

type Counts = Omit<AggregateRow, 'day' | 'type' | 'category' | 'arrive' | 'fix'>;
const COUNTS: (keyof Counts)[] = [
  'total',
  'met',
  'breached',
  'open',
  'callbacksDue',
  'callbacksOnTime',
  'scoreSum',
  'scoreCount',
  'satisfied',
  'rated',
];

const cellsOf = (h: Histogram): HistogramCells =>
  [...h.entries()].sort((a, b) => a[0] - b[0]).map(([bucket, b]) => [bucket, b.count, b.sum]);

/** Rows of several days (or parts of a range) added up per type and category, under one `day` key. */
export function mergeRows(rows: readonly AggregateRow[], day: string): AggregateRow[] {
  const groups = new Map<string, { row: AggregateRow; arrive: Histogram; fix: Histogram }>();
  for (const r of rows) {
    const key = `${r.type}\u0000${r.category}`;
    let g = groups.get(key);
    if (!g) {
      const zero = Object.fromEntries(COUNTS.map((k) => [k, 0])) as Counts;
      g = {
        row: { ...zero, day, type: r.type, category: r.category, arrive: [], fix: [] },
        arrive: new Map(),
        fix: new Map(),
      };
      groups.set(key, g);
    }
    for (const k of COUNTS) g.row[k] += r[k];
    for (const [bucket, count, sum] of r.arrive) addTo(g.arrive, bucket, count, sum);
    for (const [bucket, count, sum] of r.fix) addTo(g.fix, bucket, count, sum);
  }
  return [...groups.values()].map((g) => ({ ...g.row, arrive: cellsOf(g.arrive), fix: cellsOf(g.fix) }));
}

import type { Database } from '../../platform/db/client';
import { aggregate } from './aggregate-sql';
import { mergeRows } from './merge';
import { ensureDays, ensureMonths, readRows, settledBefore, withoutJit } from './rollup';
import { fullDaysWithin, nextDay, splitMonths, startOfLocalDay } from './rules/days';
import { addTo, type Histogram, percentile } from './rules/histogram';
import type { HistogramCells } from './schema';

const r1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
const histogram = (cells: HistogramCells): Histogram => {
  const h: Histogram = new Map();
  for (const [bucket, count, sum] of cells) addTo(h, bucket, count, sum);
  return h;
};

/**
 * SLA compliance per type × category (the second level of the tree) for tickets created in [from, to).
 * Whole settled months and days (two days old) come from the rollup, refreshed first where writes
 * touched them; the edges of the range and the last two days are aggregated live. Median and p90 come
 * from merged histograms (exact for a single value, else within a bucket: 1 min below 2 h).
 */
export async function slaReport(
  database: Database,
  projectId: number,
  from: Date,
  to: Date,
  now: Date,
  timeZone: string,
) {
  const days = fullDaysWithin(from, to, timeZone).filter((d) => d < settledBefore(now, timeZone));
  const { months, rest } = splitMonths(days);
  await ensureDays(database, projectId, timeZone, rest, now);
  await ensureMonths(database, projectId, timeZone, months, now);
  const first = days[0];
  const last = days[days.length - 1];
  const live: [Date, Date][] =
    first && last
      ? [
          [from, startOfLocalDay(first, timeZone)],
          [startOfLocalDay(nextDay(last), timeZone), to],
        ]
      : [[from, to]];
  const { db } = database;
  const [byMonth, byDay, fresh] = await Promise.all([
    readRows(db, projectId, 'month', months),
    readRows(db, projectId, 'day', rest),
    withoutJit(database, (tx) =>
      aggregate(
        tx,
        projectId,
        timeZone,
        live.filter(([a, b]) => a < b),
        false,
      ),
    ),
  ]);
  const groups = mergeRows([...byMonth, ...byDay, ...fresh], '');
  // Code-point order, as PostgreSQL's "C" ordering of the first version of this report gave.
  groups.sort((a, b) => (a.type === b.type ? (a.category < b.category ? -1 : 1) : a.type < b.type ? -1 : 1));
  return groups.map((g) => {
    const arrive = histogram(g.arrive);
    const fix = histogram(g.fix);
    return {
      type: g.type,
      category: g.category,
      total: g.total,
      met: g.met,
      breached: g.breached,
      open: g.open,
      arriveMinutes: { median: r1(percentile(arrive, 0.5)), p90: r1(percentile(arrive, 0.9)) },
      fixMinutes: { median: r1(percentile(fix, 0.5)), p90: r1(percentile(fix, 0.9)) },
      callbacks: {
        due: g.callbacksDue,
        onTime: g.callbacksOnTime,
        onTimeRate: g.callbacksDue ? g.callbacksOnTime / g.callbacksDue : null,
      },
      satisfaction: {
        average: g.scoreCount ? r1(g.scoreSum / g.scoreCount) : null,
        satisfiedRate: g.rated ? g.satisfied / g.rated : null,
      },
    };
  });
}

/**
 * Durations kept as histograms so a year of them can be summed from daily rows: buckets of one
 * minute below two hours, ten minutes below a day, an hour below a week, then a day. Each bucket keeps
 * its count and the sum of its values, and stands for their mean: a bucket holding one value (or equal
 * values) is exact, any other is off by less than its width.
 */
export type Histogram = Map<number, { count: number; sum: number }>;

export function bucketOf(minutes: number): number {
  const m = Math.max(0, minutes);
  if (m < 120) return Math.floor(m);
  if (m < 1440) return 120 + Math.floor((m - 120) / 10);
  if (m < 10_080) return 252 + Math.floor((m - 1440) / 60);
  return 396 + Math.floor((m - 10_080) / 1440);
}

/** The same bucket function in SQL (for the rollup and the live query), over a column of minutes. */
export const BUCKET_SQL = (column: string) => `(case
  when ${column} < 120 then floor(greatest(${column}, 0))
  when ${column} < 1440 then 120 + floor((${column} - 120) / 10)
  when ${column} < 10080 then 252 + floor((${column} - 1440) / 60)
  else 396 + floor((${column} - 10080) / 1440) end)::int`;

export function addTo(into: Histogram, bucket: number, count: number, sum: number): void {
  const b = into.get(bucket);
  if (b) {
    b.count += count;
    b.sum += sum;
  } else into.set(bucket, { count, sum });
}

/** Like percentile_cont: interpolated between the two neighbouring values, buckets standing for their mean. */
export function percentile(h: Histogram, p: number): number | null {
  const buckets = [...h.entries()]
    .filter(([, b]) => b.count > 0)
    .sort((a, b) => a[0] - b[0])
    .map(([, b]) => ({ count: b.count, value: b.sum / b.count }));
  const n = buckets.reduce((s, b) => s + b.count, 0);
  if (!n) return null;
  const pos = p * (n - 1);
  const valueAt = (k: number) => {
    let seen = 0;
    for (const b of buckets) {
      seen += b.count;
      if (k < seen) return b.value;
    }
    return buckets[buckets.length - 1]?.value ?? 0;
  };
  const lo = valueAt(Math.floor(pos));
  const hi = valueAt(Math.ceil(pos));
  return lo + (hi - lo) * (pos - Math.floor(pos));
}

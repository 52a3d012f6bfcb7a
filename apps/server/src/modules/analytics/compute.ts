import type {
  AnalyticsCard,
  AnalyticsDashboard,
  AnalyticsDrillList,
  AnalyticsSeries,
} from '@guanjia/shared/api';
import { type SQL, sql } from 'drizzle-orm';
import type { CardDef, DashboardDef, KpiContext, RowSource, SeriesDef, SeriesRow } from './registry';
import { pivot, rateOf } from './rules/kpi';

type Rows = { rows: Record<string, unknown>[] };
const rowsOf = async (c: KpiContext, q: ReturnType<CardDef['records']>) =>
  ((await c.db.execute(q)) as unknown as Rows).rows;

/** The drill's address: the same window and project, so the list counts what the card counted. */
export function drillOf(dashboard: string, card: string, c: Pick<KpiContext, 'projectId' | 'from' | 'to'>) {
  return {
    path: `/api/analytics/${dashboard}/drill/${card}`,
    query: { projectId: String(c.projectId), from: c.from.toISOString(), to: c.to.toISOString() },
  };
}

/** A card's value: count(*) over its records query. */
export async function cardValue(c: KpiContext, card: CardDef): Promise<number> {
  const [row] = await rowsOf(c, sql`select count(*)::int as n from (${card.records(c)}) r`);
  return Number(row?.n ?? 0);
}

/**
 * At most this many of one dashboard's queries run at once. On PostgreSQL each takes a connection from
 * the pool (10), so a dashboard never holds more than two; on PGlite, with its single connection, they
 * simply queue.
 */
const AT_ONCE = 2;

/** Run the tasks, at most AT_ONCE at a time. */
async function runBounded(tasks: readonly (() => Promise<void>)[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let task = tasks[next++]; task; task = tasks[next++]) await task();
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, tasks.length) }, worker));
}

/**
 * Tasks that put every card's value into `values`: one query per row source (each of its cards a
 * `count(*) filter`), one per card without a source.
 */
function cardTasks(c: KpiContext, cards: readonly CardDef[], values: Map<string, number>) {
  const tasks: (() => Promise<void>)[] = [];
  const bySource = new Map<RowSource, { key: string; where: (c: KpiContext) => SQL }[]>();
  for (const card of cards) {
    if (!card.source) {
      tasks.push(async () => {
        values.set(card.key, await cardValue(c, card));
      });
      continue;
    }
    const group = bySource.get(card.source.rows) ?? [];
    group.push({ key: card.key, where: card.source.where });
    bySource.set(card.source.rows, group);
  }
  for (const [rows, group] of bySource) {
    tasks.push(async () => {
      const counts = sql.join(
        group.map((g, i) => sql`count(*) filter (where ${g.where(c)})::int as ${sql.raw(`n${i}`)}`),
        sql`, `,
      );
      const [row] = await rowsOf(c, sql`select ${counts} ${rows.from(c)} where ${rows.where(c)}`);
      for (const [i, g] of group.entries()) values.set(g.key, Number(row?.[`n${i}`] ?? 0));
    });
  }
  return tasks;
}

/** The cards as the console shows them, from their values: each with its base, rate and drill. */
function presentCards(c: KpiContext, def: DashboardDef, values: Map<string, number>): AnalyticsCard[] {
  return def.cards.map((card) => {
    const value = values.get(card.key) ?? 0;
    const baseDef = card.base ? def.cards.find((b) => b.key === card.base) : undefined;
    const baseValue = baseDef ? (values.get(baseDef.key) ?? 0) : null;
    return {
      key: card.key,
      label: card.label,
      value,
      drill: drillOf(def.key, card.key, c),
      base:
        baseDef && baseValue !== null
          ? {
              key: baseDef.key,
              label: baseDef.label,
              value: baseValue,
              drill: drillOf(def.key, baseDef.key, c),
            }
          : null,
      rate: baseDef ? rateOf(value, baseValue) : null,
      good: card.good ?? null,
    };
  });
}

export async function computeSeries(c: KpiContext, s: SeriesDef): Promise<AnalyticsSeries> {
  let rows: SeriesRow[];
  if ('sql' in s.rows) {
    rows = (await rowsOf(c, s.rows.sql(c))).map((r) => ({
      x: String(r.x),
      name: String(r.name ?? s.label),
      value: r.value === null || r.value === undefined ? null : Number(r.value),
    }));
  } else rows = await s.rows.compute(c);
  const { categories, data } = pivot(rows, s.categories?.(c), s.missing ?? 0);
  return { key: s.key, label: s.label, chart: s.chart, categories, data };
}

export async function computeDashboard(c: KpiContext, def: DashboardDef): Promise<AnalyticsDashboard> {
  const values = new Map<string, number>();
  const series: AnalyticsSeries[] = [];
  await runBounded([
    ...cardTasks(c, def.cards, values),
    ...def.series.map((s, i) => async () => {
      series[i] = await computeSeries(c, s);
    }),
  ]);
  const cards = presentCards(c, def, values);
  return {
    dashboard: def.key,
    title: def.title,
    projectId: c.projectId,
    from: c.from.toISOString(),
    to: c.to.toISOString(),
    timeZone: c.timeZone,
    cards,
    series,
  };
}

const cell = (v: unknown): string | number | null => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  // Timestamps come back as strings from PGlite/pg raw queries: normalise to ISO for the console.
  if (typeof v === 'string' && /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d/.test(v)) {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? v : d.toISOString();
  }
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
};

/** The records a card counts, a page of them, and their total — the same query as the card's value. */
export async function drillList(
  c: KpiContext,
  def: DashboardDef,
  card: CardDef,
  page: number,
  pageSize: number,
): Promise<AnalyticsDrillList> {
  const total = await cardValue(c, card);
  const rows = await rowsOf(
    c,
    sql`select * from (${card.records(c)}) r order by 1 desc limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  return {
    dashboard: def.key,
    card: card.key,
    label: card.label,
    columns: [...card.columns],
    items: rows.map((r) => Object.fromEntries(card.columns.map((col) => [col.key, cell(r[col.key])]))),
    total,
    page,
    pageSize,
  };
}

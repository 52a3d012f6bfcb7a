import type { Permission } from '@guanjia/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';

/**
 * The analytics framework: a dashboard is ONE file that calls `defineDashboard` with its cards and
 * series, imported once from `dashboards/index.ts`. Nothing else needs to change to add one (the
 * routes, Excel export, drill lists, console pages and the per-card drill test all read this registry).
 */

/** What every formula sees: one project, a half-open window [from, to) and the project's zone. */
export interface KpiContext {
  db: DbOrTx;
  projectId: number;
  companyId: number;
  from: Date;
  to: Date;
  timeZone: string;
  now: Date;
  /** What the dashboard's `prepare` answered (per-project settings its formulas use, e.g. Q01's target). */
  params: Readonly<Record<string, number>>;
}

export type DrillColumnKind = 'text' | 'number' | 'time';
export interface DrillColumn {
  key: string;
  label: string;
  kind: DrillColumnKind;
}

/**
 * A card counts records. Its formula is ONE SQL query (`records`) selecting those records, one row
 * each, with the drill columns as its columns (and `id` first): the card's value is `count(*)` over it
 * and the drill list pages through it — the same query, so the list's total is the card's value by
 * construction. Keep PII (phone numbers, names of residents) out of the columns.
 */
export interface CardDef {
  key: string;
  label: string;
  records: (c: KpiContext) => SQL;
  columns: readonly DrillColumn[];
  /** Another card of the same dashboard this one is a share of (on-time ÷ due). */
  base?: string;
  good?: 'high' | 'low';
  /** Set by `sourcedCard`: the shared rows and this card's condition on them (see RowSource). */
  source?: { rows: RowSource; where: (c: KpiContext) => SQL };
}

/**
 * Rows several cards of a dashboard filter further (the window's tickets, their SLA clocks…). Their
 * values are counted in one pass over the rows, `count(*) filter (where …)` per card, instead of one
 * query per card: a dashboard reads its tickets once, not twenty times.
 */
export interface RowSource {
  /** `from …` with its joins: the tables `select` and `where` name. */
  from: (c: KpiContext) => SQL;
  /** Which of those rows belong to the source; a card's condition narrows it further. */
  where: (c: KpiContext) => SQL;
  select: SQL;
  /** The drill list's columns of its cards (a card may name fewer). */
  columns: readonly DrillColumn[];
}

/**
 * A card over a row source. Its records query is built from the same two fragments the batched count
 * uses — `select <columns> <from> where <the source's rows> and (<the card's condition>)` — so the drill
 * list's total is still its value.
 */
export function sourcedCard(
  rows: RowSource,
  condition: SQL | ((c: KpiContext) => SQL),
  card: Omit<CardDef, 'records' | 'source' | 'columns'> & { columns?: readonly DrillColumn[] },
): CardDef {
  const where = typeof condition === 'function' ? condition : () => condition;
  return {
    columns: rows.columns,
    ...card,
    records: (c) => sql`select ${rows.select} ${rows.from(c)} where ${rows.where(c)} and (${where(c)})`,
    source: { rows, where },
  };
}

/** A series row: x (category), the line/row name, and the figure. */
export interface SeriesRow {
  x: string;
  name: string;
  value: number | null;
}

/**
 * A chart's data: either one SQL query answering rows (x, name, value), or a pure function of the
 * context (for figures computed from other sources, e.g. rollups). `categories` fixes the x axis
 * (all days of the window, 24 hours…) so a missing x shows as 0/no data rather than disappearing.
 */
export interface SeriesDef {
  key: string;
  label: string;
  chart: 'line' | 'bar' | 'pie' | 'heatmap';
  rows: { sql: (c: KpiContext) => SQL } | { compute: (c: KpiContext) => Promise<SeriesRow[]> };
  categories?: (c: KpiContext) => string[];
  /** What a missing (x, name) cell is: 0 for counts, null (no data) for rates and averages. */
  missing?: 0 | null;
}

export interface DashboardDef {
  key: string;
  title: string;
  /** Besides analytics.read: the module's own read permission, so a dashboard never shows more than its lists. */
  permission: Permission;
  cards: readonly CardDef[];
  series: readonly SeriesDef[];
  /** Read once per request before the formulas run: settings they depend on, as `c.params`. */
  prepare?: (c: Omit<KpiContext, 'params'>) => Promise<Record<string, number>>;
}

const dashboards = new Map<string, DashboardDef>();

export function defineDashboard(def: DashboardDef): DashboardDef {
  if (dashboards.has(def.key)) throw new Error(`dashboard ${def.key} defined twice`);
  const keys = new Set(def.cards.map((c) => c.key));
  for (const c of def.cards)
    if (c.base && !keys.has(c.base)) throw new Error(`card ${def.key}.${c.key}: unknown base ${c.base}`);
  dashboards.set(def.key, def);
  return def;
}

export const findDashboard = (key: string) => dashboards.get(key);
export const allDashboards = () => [...dashboards.values()];

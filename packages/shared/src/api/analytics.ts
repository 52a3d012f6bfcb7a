import { z } from 'zod';

/**
 * Management analytics (issue 21). A dashboard answers cards and series; every card is a count of
 * records with the drill that lists exactly them (`total` of the drill list = `value`). A rate is the
 * card over its `base` card (another count with its own drill): `rate` is null when the base is 0 —
 * "no data", shown apart from a real 0 %.
 */
export const ANALYTICS_DASHBOARDS = [
  'service',
  'callcenter',
  'people',
  'money',
  'operations',
  'emergencies',
] as const;

export const drillSchema = z.object({
  path: z.string(),
  query: z.record(z.string(), z.string()),
});
export type AnalyticsDrill = z.infer<typeof drillSchema>;

export const analyticsCardSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().int(),
  drill: drillSchema,
  /** The denominator card's key, value and drill when this card is read as a share of it. */
  base: z
    .object({ key: z.string(), label: z.string(), value: z.number().int(), drill: drillSchema })
    .nullable(),
  /** value ÷ base.value, null when there is no base or the base is 0 (no data). */
  rate: z.number().nullable(),
  /** Whether a higher share is better (on-time) or worse (breached) — for the colour only. */
  good: z.enum(['high', 'low']).nullable(),
});
export type AnalyticsCard = z.infer<typeof analyticsCardSchema>;

export const analyticsSeriesSchema = z.object({
  key: z.string(),
  label: z.string(),
  chart: z.enum(['line', 'bar', 'pie', 'heatmap']),
  /** The x axis (days, hours, names…). */
  categories: z.array(z.string()),
  /** One line/bar per entry; for a heat map each entry is a row (y) and `values` follow `categories`. */
  data: z.array(z.object({ name: z.string(), values: z.array(z.number().nullable()) })),
});
export type AnalyticsSeries = z.infer<typeof analyticsSeriesSchema>;

export const analyticsDashboardSchema = z.object({
  dashboard: z.string(),
  title: z.string(),
  projectId: z.number().int(),
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  cards: z.array(analyticsCardSchema),
  series: z.array(analyticsSeriesSchema),
});
export type AnalyticsDashboard = z.infer<typeof analyticsDashboardSchema>;

export const analyticsDashboardListSchema = z.object({
  items: z.array(z.object({ key: z.string(), title: z.string(), permission: z.string() })),
});

export const drillColumnSchema = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['text', 'number', 'time']),
});

export const analyticsDrillSchema = z.object({
  dashboard: z.string(),
  card: z.string(),
  label: z.string(),
  columns: z.array(drillColumnSchema),
  items: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AnalyticsDrillList = z.infer<typeof analyticsDrillSchema>;

export const healthRowSchema = z.object({
  projectId: z.number().int(),
  projectName: z.string(),
  region: z.string(),
  /** 0–100, null when none of the weighted KPIs had data. */
  score: z.number().nullable(),
  parts: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      weight: z.number(),
      rate: z.number().nullable(),
      value: z.number().int(),
      base: z.number().int(),
      drill: drillSchema,
    }),
  ),
});
export const healthLeagueSchema = z.object({
  from: z.string(),
  to: z.string(),
  group: z.object({ name: z.string(), score: z.number().nullable() }),
  regions: z.array(
    z.object({ name: z.string(), score: z.number().nullable(), projects: z.array(healthRowSchema) }),
  ),
});
export type HealthLeague = z.infer<typeof healthLeagueSchema>;

export const bigScreenSchema = z.object({
  projectId: z.number().int(),
  at: z.string(),
  callsToday: z.number().int(),
  callsAnswered: z.number().int(),
  callsAbandoned: z.number().int(),
  ticketsToday: z.number().int(),
  openTickets: z.number().int(),
  slaAtRisk: z.number().int(),
  slaBreached: z.number().int(),
  activeIncidents: z.array(
    z.object({ id: z.number().int(), kind: z.string(), title: z.string(), startsAt: z.string() }),
  ),
  activeEmergencies: z.array(
    z.object({
      id: z.number().int(),
      type: z.string(),
      level: z.string(),
      place: z.string(),
      status: z.string(),
    }),
  ),
  ticketsByHour: z.array(z.number().int()),
  buildings: z.array(
    z.object({ id: z.number().int(), name: z.string(), open: z.number().int(), atRisk: z.number().int() }),
  ),
});
export type BigScreen = z.infer<typeof bigScreenSchema>;

import type { HealthLeague } from '@guanjia/shared/api';
import { sql } from 'drizzle-orm';
import type { AuthContext } from '../../platform/auth/context';
import { can } from '../../platform/auth/context';
import { readTimeZone } from '../../platform/clock/time-zone';
import type { DbOrTx } from '../../platform/db/client';
import { getSetting } from '../../platform/settings/get-setting';
import { cardValue, drillOf } from './compute';
import { findDashboard, type KpiContext } from './registry';
import { healthScore, meanScore, rateOf } from './rules/kpi';
import { HEALTH_WEIGHTS, PROJECT_REGION } from './settings';
import { windowOf } from './window';

type WeightKey = keyof typeof HEALTH_WEIGHTS.defaultValue;

/**
 * The parts of the score: a card over its base (already a "good" share) or 1 − a bad share. Each reuses
 * a dashboard card's formula, so the league table's numbers are the dashboards' numbers.
 */
const PARTS: { key: WeightKey; label: string; dashboard: string; card: string; invert: boolean }[] = [
  { key: 'sla', label: 'SLA 未超时', dashboard: 'service', card: 'breached', invert: true },
  { key: 'satisfaction', label: '回访满意率', dashboard: 'service', card: 'satisfied', invert: false },
  { key: 'firstContact', label: '首问解决率', dashboard: 'service', card: 'first_contact', invert: false },
  { key: 'calls', label: '三声内接听率', dashboard: 'callcenter', card: 'answered_fast', invert: false },
  { key: 'collection', label: '收费率', dashboard: 'money', card: 'bills_paid', invert: false },
  { key: 'maintenance', label: '保养按时率', dashboard: 'operations', card: 'tasks_on_time', invert: false },
  {
    key: 'rectification',
    label: '整改按期关闭率',
    dashboard: 'quality',
    card: 'rect_on_time',
    invert: false,
  },
  {
    key: 'surveySatisfaction',
    label: '问卷满意率',
    dashboard: 'residents',
    card: 'survey_satisfied',
    invert: false,
  },
  // Visits done ÷ planned rather than Q84's coverage: coverage is a yearly figure, so over a league
  // window of days it would read near 0 % for every estate; a project without planned visits has no data.
  { key: 'visits', label: '走访完成率', dashboard: 'residents', card: 'visits_done', invert: false },
];

/** The parts' labels, for the English dictionary's completeness test. */
export const HEALTH_PART_LABELS: readonly string[] = PARTS.map((p) => p.label);

export async function projectHealth(c: KpiContext, auth: AuthContext, name: string, region: string) {
  const weights = await getSetting(c.db, HEALTH_WEIGHTS, { companyId: c.companyId, projectId: c.projectId });
  const parts: HealthLeague['regions'][number]['projects'][number]['parts'] = [];
  for (const p of PARTS) {
    const def = findDashboard(p.dashboard);
    const card = def?.cards.find((x) => x.key === p.card);
    const baseCard = def?.cards.find((x) => x.key === card?.base);
    // A part the caller may not read (no billing.read…) counts as no data rather than leaking its figure.
    if (!def || !card || !baseCard || !can(auth, def.permission)) continue;
    const ctx = { ...c, params: def.prepare ? await def.prepare(c) : {} };
    const value = await cardValue(ctx, card);
    const base = await cardValue(ctx, baseCard);
    const share = rateOf(value, base);
    parts.push({
      key: p.key,
      label: p.label,
      weight: weights[p.key],
      rate: share === null ? null : p.invert ? 1 - share : share,
      value,
      base,
      drill: drillOf(p.dashboard, p.card, c),
    });
  }
  return {
    projectId: c.projectId,
    projectName: name,
    region,
    score: healthScore(parts.map((p) => ({ key: p.key, weight: p.weight, rate: p.rate }))),
    parts,
  };
}

/**
 * Every project in the caller's scope, scored over the window, grouped company → region → project. The
 * window's bare dates are read in each project's own zone (an estate in Urumqi closes its day later);
 * the league's own from/to are those of the company's zone, Asia/Shanghai, for its heading.
 */
export async function healthLeague(
  db: DbOrTx,
  auth: AuthContext,
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
): Promise<HealthLeague> {
  const window = windowOf(query, 'Asia/Shanghai', now);
  const res = (await db.execute(sql`
    select p.id, p.name, p.timezone, c.name as company from projects p join companies c on c.id = p.company_id
     where p.id = any(${sql.param([...auth.projectIds])}::bigint[]) order by p.id`)) as unknown as {
    rows: { id: string | number; name: string; timezone: string; company: string }[];
  };
  const rows = [];
  for (const p of res.rows) {
    const projectId = Number(p.id);
    const region = await getSetting(db, PROJECT_REGION, { companyId: auth.companyId, projectId });
    const timeZone = readTimeZone(p.timezone, 'projects.timezone');
    const own = windowOf(query, timeZone, now);
    const c: KpiContext = {
      db,
      projectId,
      companyId: auth.companyId,
      from: own.from,
      to: own.to,
      timeZone,
      now,
      params: {},
    };
    rows.push(await projectHealth(c, auth, p.name, region));
  }
  const regions = new Map<string, typeof rows>();
  for (const r of rows) regions.set(r.region, [...(regions.get(r.region) ?? []), r]);
  const byScore = (a: { score: number | null }, b: { score: number | null }) =>
    (b.score ?? -1) - (a.score ?? -1);
  const regionList = [...regions.entries()]
    .map(([name, projects]) => ({
      name,
      score: meanScore(projects.map((x) => x.score)),
      projects: projects.sort(byScore),
    }))
    .sort(byScore);
  return {
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    group: { name: res.rows[0]?.company ?? '', score: meanScore(rows.map((r) => r.score)) },
    regions: regionList,
  };
}

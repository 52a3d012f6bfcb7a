// Live results of a satisfaction campaign (GET /api/survey-campaigns/:id/results: households, coverage,
// satisfaction, per dimension and per zone) over 200,000 households in 10 zones, half of them answered,
// written set-based with generate_series; the counters are filled as the answers would have filled them.
// Prints p50/p95 beside a baseline measured in the same run: a plain count(*) of the campaign's
// invitations, and the same rates aggregated from the invitations themselves. Asserts nothing.
//
//   BENCH_ENGINES=postgres[,pglite]   BENCH_HOUSEHOLDS=200000   BENCH_HOUSEHOLDS_PGLITE=20000   BENCH_RUNS=30

import { eq } from 'drizzle-orm';
import { campaignResults } from '../../apps/server/src/modules/surveys/queries';
import { surveyCampaigns } from '../../apps/server/src/modules/surveys/schema';
import type { AuthContext } from '../../apps/server/src/platform/auth/context';
import type { Database } from '../../apps/server/src/platform/db/client';
import { migrate } from '../../apps/server/src/platform/db/migrate';
import { onEachEngine } from '../lib/engines';
import { ms, seconds, summarize, table, time, verdict } from '../lib/stats';

const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres').split(',').map((e) => e.trim());
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TARGET_P95_MS = 300;
const DIMENSIONS = ['客服', '工程维修', '秩序', '环境', '绿化', '收费'];

async function build(database: Database, households: number) {
  const q = (text: string, params: unknown[] = []) => database.query(text, params);
  const [company] = await database.query<{ id: string }>(
    "insert into companies (name, code) values ('压测物业', 'bench-surveys') returning id",
  );
  const c = Number(company!.id);
  const [project] = await database.query<{ id: string }>(
    "insert into projects (company_id, code, name) values ($1, 'MYDC', '满意度压测小区') returning id",
    [c],
  );
  const p = Number(project!.id);
  await q(
    `insert into buildings (project_id, code, name, sort_order) select $1, g::text, g || '号楼', g from generate_series(1, 200) g`,
    [p],
  );
  await q(
    `insert into units (project_id, building_id, room, label, status)
     select $1, b.id, g::text, b.code || '-' || g, '已入住'
       from generate_series(1, $2::int) g join buildings b on b.project_id = $1 and b.code = (((g - 1) % 200) + 1)::text`,
    [p, households],
  );
  await q(
    `insert into zones (company_id, project_id, code, name, sort_order) select $1, $2, 'Z' || g, g || '区', g from generate_series(1, 10) g`,
    [c, p],
  );
  await q(
    `insert into zone_buildings (zone_id, building_id, project_id)
     select z.id, b.id, $1 from buildings b join zones z on z.project_id = $1 and z.code = 'Z' || (((b.code::int - 1) % 10) + 1)
      where b.project_id = $1`,
    [p],
  );
  const [tpl] = await database.query<{ id: string }>(
    `insert into survey_templates (company_id, name, sections) values ($1, '物业服务满意度调查', '[]'::jsonb) returning id`,
    [c],
  );
  const [campaign] = await database.query<{ id: string }>(
    `insert into survey_campaigns (company_id, project_id, template_id, name, starts_on, ends_on, sections, channels, households)
     values ($1, $2, $3, '压测调查', '2026-06-01', '2026-06-30', '[]'::jsonb, '{portal,sms,phone,paper}', $4) returning id`,
    [c, p, tpl!.id, households],
  );
  const k = Number(campaign!.id);
  // Every other household answered; 3 in 4 of them satisfied overall.
  await q(
    `insert into survey_invitations (campaign_id, project_id, unit_id, zone_id, token, answered_at, channel, overall_satisfied)
     select $1, $2, u.id, zb.zone_id, md5(u.id::text || 'bench'),
            case when u.id % 2 = 0 then timestamptz '2026-06-10 10:00+08' end,
            case when u.id % 2 = 0 then (array['portal','sms','phone','paper'])[u.id % 4 + 1] end,
            case when u.id % 2 = 0 then u.id % 8 <> 0 end
       from units u join zone_buildings zb on zb.building_id = u.building_id where u.project_id = $2`,
    [k, p],
  );
  // The counters, as the answers' transactions would have left them.
  await q(
    `insert into survey_tallies (campaign_id, zone_id, dimension, households, responded, answered, satisfied, by_channel)
     select $1, zone_id, '', count(*), count(answered_at), count(overall_satisfied), count(*) filter (where overall_satisfied),
            jsonb_build_object('portal', count(*) filter (where channel = 'portal'), 'sms', count(*) filter (where channel = 'sms'),
                               'phone', count(*) filter (where channel = 'phone'), 'paper', count(*) filter (where channel = 'paper'))
       from survey_invitations where campaign_id = $1 group by zone_id`,
    [k],
  );
  for (const [i, d] of DIMENSIONS.entries())
    await q(
      `insert into survey_tallies (campaign_id, zone_id, dimension, answered, satisfied)
       select $1, zone_id, $2, count(answered_at), count(*) filter (where answered_at is not null and (unit_id + $3) % 5 <> 0)
         from survey_invitations where campaign_id = $1 group by zone_id`,
      [k, d, i],
    );
  await q('analyze survey_invitations');
  await q('analyze survey_tallies');
  return { projectId: p, companyId: c, campaignId: k };
}

async function measure(engine: 'postgres' | 'pglite', database: Database) {
  const households = Number(
    engine === 'pglite'
      ? (process.env.BENCH_HOUSEHOLDS_PGLITE ?? 20_000)
      : (process.env.BENCH_HOUSEHOLDS ?? 200_000),
  );
  await migrate(database);
  const [{ projectId, companyId, campaignId }, buildMs] = await time(() => build(database, households));
  const auth: AuthContext = {
    userId: 0,
    companyId,
    username: 'bench',
    displayName: 'bench',
    locale: 'zh-CN',
    permissions: new Set(),
    projectIds: [projectId],
    allProjects: true,
    sessionId: 0,
  };
  const { db } = database;
  const [campaign] = await db.select().from(surveyCampaigns).where(eq(surveyCampaigns.id, campaignId));
  const sample = async (fn: () => Promise<unknown>) => {
    for (let i = 0; i < 3; i++) await fn();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    return summarize(times);
  };
  const baseline = await sample(() =>
    database.query('select count(*) from survey_invitations where campaign_id = $1', [campaignId]),
  );
  const scan = await sample(() =>
    database.query(
      `select zone_id, count(*), count(answered_at), count(overall_satisfied), count(*) filter (where overall_satisfied)
         from survey_invitations where campaign_id = $1 group by zone_id`,
      [campaignId],
    ),
  );
  const results = await sample(() => campaignResults(db, auth, campaign!));
  const zoneLimited = await sample(() =>
    campaignResults(db, { ...auth, zoneIds: [1], zoneBuildingIds: [] }, campaign!),
  );
  const r = await campaignResults(db, auth, campaign!);
  console.log(
    `\n== ${engine}: ${households.toLocaleString()} households in 10 zones (built in ${seconds(buildMs)}); coverage ${(r.coverage * 100).toFixed(1)} %, satisfaction ${(r.satisfaction * 100).toFixed(1)} %`,
  );
  table([
    ['query', 'p50', 'p95', 'target', ''],
    ['baseline: count(*) of the campaign’s invitations', ms(baseline.p50), ms(baseline.p95), '', ''],
    ['baseline: rates aggregated from the invitations', ms(scan.p50), ms(scan.p95), '', ''],
    [
      'GET /api/survey-campaigns/:id/results',
      ms(results.p50),
      ms(results.p95),
      ms(TARGET_P95_MS),
      verdict(results.p95 <= TARGET_P95_MS),
    ],
    [
      '… as a butler limited to one zone',
      ms(zoneLimited.p50),
      ms(zoneLimited.p95),
      ms(TARGET_P95_MS),
      verdict(zoneLimited.p95 <= TARGET_P95_MS),
    ],
  ]);
}

await onEachEngine(ENGINES, measure);

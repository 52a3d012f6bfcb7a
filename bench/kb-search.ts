// Knowledge-base search bench: 5,000 Chinese articles (the standard answers, varied per estate and
// year), `GET /api/kb/articles?q=` through the real HTTP stack (session auth included) with 2-, 3- and
// 4-character queries and mixed multi-word ones, on PostgreSQL and the embedded engine. The baseline,
// measured in the same run, is the unfiltered first page: what the HTTP stack and scoping cost alone.
// Prints figures, asserts nothing.
//
//   BENCH_KB_ARTICLES=5000      articles in the company
//   BENCH_ITERATIONS=60         measured requests per case (after 5 warm-up requests)
//   BENCH_ENGINES=postgres,pglite
//   BENCH_KB_URL                a PostgreSQL database to use as is (else a scratch one from
//                               TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
//   BENCH_EXPLAIN=1             print EXPLAIN ANALYZE of the slowest case's main query
import { count } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app';
import { searchTextOf } from '../apps/server/src/modules/knowledge/rules/search-terms';
import { kbArticles } from '../apps/server/src/modules/knowledge/schema';
import { STANDARD_ARTICLES } from '../apps/server/src/modules/knowledge/standard-articles';
import { companies } from '../apps/server/src/platform/auth/schema';
import { createMemoryBus } from '../apps/server/src/platform/bus/memory-bus';
import { systemClock } from '../apps/server/src/platform/clock/clock';
import { type Database, openDatabase } from '../apps/server/src/platform/db/client';
import { migrate } from '../apps/server/src/platform/db/migrate';
import type { App, Services } from '../apps/server/src/platform/http/app-types';
import { createLocalQueue } from '../apps/server/src/platform/jobs/local-queue';
import { seedIfEmpty } from '../apps/server/src/seed/seed-if-empty';
import { createScratchPostgres } from '../apps/server/src/testing/test-database';
import { testConfig } from '../apps/server/src/testing/test-server';
import { ms, ratio, seconds, summarize, table, time, verdict } from './lib/stats';

const ARTICLES = Number(process.env.BENCH_KB_ARTICLES ?? 5_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 60);
const WARMUP = 5;
const BUDGET_P95_MS = 50;
const ADMIN_PASSWORD = 'bench-admin-1';
const ENGINES = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',').map((e) => e.trim());
process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';

const ESTATES = [
  '翠湖花园',
  '锦绣华庭',
  '阳光城',
  '金域蓝湾',
  '滨江壹号',
  '御景湾',
  '紫薇苑',
  '天悦府',
  '碧桂园',
  '香樟雅苑',
  '世纪广场',
  '东方明珠苑',
  '清华园',
  '星河湾',
  '桃源居',
  '丽景华府',
  '龙湖天街',
  '万科城',
];
const SEASONS = ['春季', '夏季', '汛期', '冬季', '春节期间', '国庆期间'];
const EXTRAS = [
  '如业主对处理结果不满意，可升级至客服主管。',
  '夜间来电由值班人员登记，次日上午回访。',
  '涉及费用的，以项目公示的收费标准为准。',
  '紧急情况先处置后补单，并在系统中注明原因。',
  '老人、残障业主可预约上门办理。',
  '请提醒业主保留相关票据和照片。',
];

const QUERIES: { label: string; q: string[] }[] = [
  { label: '2 characters', q: ['漏水', '停车', '电梯', '装修', '快递', '门禁', '噪音', '宠物'] },
  {
    label: '3 characters',
    q: ['物业费', '停车场', '水电费', '垃圾桶', '充电桩', '报修单', '监控室', '消防栓'],
  },
  {
    label: '4 characters',
    q: ['装修押金', '电梯困人', '厨房漏水', '车位续费', '投诉处理', '空调安装', '门禁卡丢', '绿化养护'],
  },
  {
    label: 'mixed words',
    q: ['厨房 水管 漏水', '停车 月卡 续费', '装修 噪音 投诉', '快递 丢失', '物业费 发票'],
  },
];

/** The standard answers, once per estate and season: realistic text, realistic overlap. */
function generated(companyId: number, n: number, now: Date) {
  return Array.from({ length: n }, (_, i) => {
    const base = STANDARD_ARTICLES[i % STANDARD_ARTICLES.length]!;
    const estate = ESTATES[Math.floor(i / STANDARD_ARTICLES.length) % ESTATES.length]!;
    const season = SEASONS[i % SEASONS.length]!;
    const a = {
      category: base.category,
      tags: [...base.tags, estate],
      title: `${estate}${season}：${base.title}`,
      body: `${base.body}\n${estate}${season}补充：${EXTRAS[i % EXTRAS.length]}（第${i + 1}号）`,
      visibility: base.visibility,
    };
    return { ...a, companyId, searchText: searchTextOf(a), createdAt: now, updatedAt: now };
  });
}

async function prepare(database: Database): Promise<Services> {
  await migrate(database);
  const services: Services = {
    config: testConfig(),
    database,
    clock: systemClock,
    bus: createMemoryBus(),
    queue: createLocalQueue(database, systemClock),
  };
  await seedIfEmpty(services, { adminPassword: ADMIN_PASSWORD, demo: false });
  const { db } = database;
  const [company] = await db.select({ id: companies.id }).from(companies).limit(1);
  if (!company) throw new Error('no company');
  const [have] = await db.select({ n: count() }).from(kbArticles);
  const missing = ARTICLES - (have?.n ?? 0);
  if (missing > 0) {
    const [, insertMs] = await time(async () => {
      const rows = generated(company.id, missing, systemClock.now());
      for (let i = 0; i < rows.length; i += 500) await db.insert(kbArticles).values(rows.slice(i, i + 500));
      await database.query('analyze kb_articles');
    });
    console.log(`  +${missing.toLocaleString('en-US')} articles in ${seconds(insertMs)}`);
  }
  return services;
}

async function sample(app: App, token: string, urls: string[]): Promise<{ samples: number[]; hits: number }> {
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return (res.json() as { total: number }).total;
  };
  for (let i = 0; i < WARMUP; i++) await get(urls[i % urls.length]!);
  const samples: number[] = [];
  let hits = 0;
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    hits += await get(urls[i % urls.length]!);
    samples.push(performance.now() - start);
  }
  return { samples, hits: Math.round(hits / ITERATIONS) };
}

async function benchEngine(engine: string, database: Database): Promise<string[][]> {
  console.log(`\n-- ${engine}`);
  const services = await prepare(database);
  const app = await buildApp(services);
  await app.ready();
  const rows: string[][] = [];
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    const token = (login.json() as { token: string }).token;
    const baseline = summarize((await sample(app, token, ['/api/kb/articles?pageSize=20'])).samples);
    rows.push([engine, 'baseline: unfiltered page 1', '—', ms(baseline.p50), ms(baseline.p95), '×1.0', '']);
    let slowest = { p95: 0, q: '' };
    const everything: string[] = [];
    for (const c of QUERIES) {
      const urls = c.q.map((q) => `/api/kb/articles?pageSize=20&q=${encodeURIComponent(q)}`);
      everything.push(...urls);
      const { samples, hits } = await sample(app, token, urls);
      const s = summarize(samples);
      if (s.p95 > slowest.p95) slowest = { p95: s.p95, q: c.q[0]! };
      rows.push([
        engine,
        c.label,
        String(hits),
        ms(s.p50),
        ms(s.p95),
        ratio(s.p50, baseline.p50),
        verdict(s.p95 <= BUDGET_P95_MS),
      ]);
    }
    const mixed = summarize(
      (
        await sample(
          app,
          token,
          everything.sort(() => 0.5 - Math.random()),
        )
      ).samples,
    );
    rows.push([
      engine,
      'all of the above, shuffled',
      '—',
      ms(mixed.p50),
      ms(mixed.p95),
      ratio(mixed.p50, baseline.p50),
      verdict(mixed.p95 <= BUDGET_P95_MS),
    ]);
    if (process.env.BENCH_EXPLAIN === '1') await explain(database, slowest.q);
  } finally {
    await app.close();
    await services.queue.stop();
  }
  return rows;
}

async function explain(database: Database, q: string) {
  const plan = await database.query<{ 'QUERY PLAN': string }>(
    `explain analyze select id from kb_articles where guanjia_bigrams(search_text) && $1::text[] limit 20`,
    [[...q].slice(0, -1).map((c, i) => c + [...q][i + 1])],
  );
  console.log(`  EXPLAIN ${q}:\n${plan.map((r) => `    ${r['QUERY PLAN']}`).join('\n')}`);
}

const results: string[][] = [
  ['engine', 'query', 'total hits', 'p50 ms', 'p95 ms', 'p50 vs baseline', `p95 ≤ ${BUDGET_P95_MS}`],
];
for (const engine of ENGINES) {
  if (engine === 'postgres') {
    const scratch = process.env.BENCH_KB_URL ? null : await createScratchPostgres();
    const database = await openDatabase({ url: process.env.BENCH_KB_URL ?? scratch?.url, poolSize: 4 });
    try {
      results.push(...(await benchEngine('postgres', database)));
    } finally {
      await database.close();
      await scratch?.drop();
    }
  } else {
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      results.push(...(await benchEngine('pglite', database)));
    } finally {
      await database.close();
    }
  }
}
console.log(
  `\n== KB search over ${ARTICLES.toLocaleString('en-US')} articles (${ITERATIONS} requests per case)`,
);
table(results);

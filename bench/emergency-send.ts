// Emergency send bench: a whole-project 停水 emergency to every resident of a 2,000-resident project,
// from POST /api/incidents to the last delivery sent (log provider, so the outbox itself is measured),
// with one send job per resident (how it was: jobs rewritten to the single-delivery payload the
// handler still accepts) against batched jobs (how it is). Prints figures and the ratio; asserts nothing.
import type { Database } from '../apps/server/src/platform/db/client';
import { registerWorkers } from '../apps/server/src/workers';
import { BENCH_ADMIN_PASSWORD, type LargeSizes, largeApp, onEachEngine } from './lib/large-database';
import { ratio, seconds, table } from './lib/stats';

const RESIDENTS = Number(process.env.BENCH_EMERGENCY_RESIDENTS ?? 2_000);

interface Run {
  engine: string;
  mode: 'per-resident jobs' | 'batched jobs';
  deliveries: number;
  jobs: number;
  queueMs: number;
  sendMs: number;
  firstDeliveryMs: number;
}

/** The old shape: one `delivery.send` job per delivery, as queueDeliveries wrote them before batching. */
async function explodeIntoSingleJobs(database: Database, incidentId: number): Promise<void> {
  await database.query(
    `with gone as (delete from jobs where name = 'delivery.send' and state = 'pending'
                    and payload->'deliveryIds' is not null returning payload, run_at, max_attempts)
     insert into jobs (name, payload, run_at, max_attempts)
     select 'delivery.send', jsonb_build_object('deliveryId', d.id), d.created_at, 5
       from deliveries d where d.source_type = 'incident' and d.source_id = $1 order by d.id`,
    [incidentId],
  );
}

async function measure(engine: string, database: Database, sizes: LargeSizes): Promise<Run[]> {
  const { app, services } = await largeApp(database, sizes);
  registerWorkers(services);
  const inject = async (method: 'POST', url: string, token: string | null, payload: object) => {
    const res = await app.inject({
      method,
      url,
      payload,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.json() as Record<string, unknown>;
  };
  const admin = String(
    (
      await inject('POST', '/api/auth/login', null, {
        username: 'admin',
        password: process.env.BENCH_ADMIN_PASSWORD ?? BENCH_ADMIN_PASSWORD,
      })
    ).token,
  );
  const [project] = await database.query<{ id: string | number }>(
    "select id from projects where code = 'YCXQ'",
  );
  const projectId = Number(project?.id);
  const runs: Run[] = [];
  for (const mode of ['per-resident jobs', 'batched jobs'] as const) {
    const t0 = performance.now();
    const incident = await inject('POST', '/api/incidents', admin, {
      projectId,
      kind: '停水',
      emergency: true,
      title: `压测小区全区停水（${mode}）`,
      residentText: '尊敬的{{resident.name}}：因主管爆裂，{{unit.label}}所在小区临时停水，正在抢修。',
    });
    const queueMs = performance.now() - t0;
    const id = Number(incident.id);
    if (mode === 'per-resident jobs') await explodeIntoSingleJobs(database, id);
    const [jobs] = await database.query<{ n: string | number }>(
      `select count(*) as n from jobs where name = 'delivery.send' and state = 'pending'`,
    );
    const t1 = performance.now();
    await services.queue.drain();
    const sendMs = performance.now() - t1;
    const [row] = await database.query<{ n: string | number; sent: string | number; first: number | null }>(
      `select count(*) as n, count(*) filter (where d.status = 'sent') as sent,
              extract(epoch from (i.first_delivery_at - i.created_at)) * 1000 as first
         from deliveries d join incidents i on i.id = d.source_id
        where d.source_type = 'incident' and d.source_id = $1 group by i.id`,
      [id],
    );
    if (Number(row?.sent) !== Number(row?.n)) {
      const why = await database.query(
        `select status, last_error, count(*) as n from deliveries where source_type = 'incident' and source_id = $1
          group by 1, 2 union all select 'job:' || state, last_error, count(*) from jobs where name = 'delivery.send' group by 1, 2`,
        [id],
      );
      throw new Error(`${mode}: ${row?.sent} of ${row?.n} sent ${JSON.stringify(why)}`);
    }
    runs.push({
      engine,
      mode,
      deliveries: Number(row?.n),
      jobs: Number(jobs?.n),
      queueMs,
      sendMs,
      firstDeliveryMs: Number(row?.first ?? Number.NaN),
    });
    console.log(`  ${engine} ${mode}: ${row?.n} deliveries sent in ${seconds(sendMs)}`);
  }
  await app.close();
  return runs;
}

async function main() {
  const sizes = { tickets: 0, residents: RESIDENTS };
  const runs = await onEachEngine({ postgres: sizes, pglite: sizes }, measure);
  console.log(
    `\n== Whole-project emergency to ${RESIDENTS.toLocaleString('en-US')} residents (log provider)`,
  );
  table([
    [
      'engine',
      'send jobs',
      'deliveries',
      'jobs',
      'incident POST',
      'drain (all sent)',
      'Q60 first delivery',
      'vs per-resident',
    ],
    ...runs.map((r) => {
      const base = runs.find((b) => b.engine === r.engine && b.mode === 'per-resident jobs');
      return [
        r.engine,
        r.mode,
        String(r.deliveries),
        String(r.jobs),
        seconds(r.queueMs),
        seconds(r.sendMs),
        seconds(r.firstDeliveryMs),
        base && base !== r ? `${ratio(base.sendMs, r.sendMs)} faster` : '',
      ];
    }),
  ]);
}

await main();

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { createMemoryBus } from '../platform/bus/memory-bus';
import { ControllableClock } from '../platform/clock/clock';
import { openDatabase } from '../platform/db/client';
import { migrate } from '../platform/db/migrate';
import type { App, Services } from '../platform/http/app-types';
import { createLocalQueue } from '../platform/jobs/local-queue';
import { createScratchPostgres, testDbKind } from '../testing/test-database';
import { testConfig } from '../testing/test-server';
import { DEMO_PASSWORD, DEMO_STAFF } from './demo-estate';
import { type SeedResult, seedIfEmpty } from './seed-if-empty';

let services: Services;
let app: App;
let seeded: SeedResult | null;
let drop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const scratch = testDbKind() === 'postgres' ? await createScratchPostgres() : null;
  drop = scratch?.drop;
  const database = await openDatabase(scratch ? { url: scratch.url, poolSize: 5 } : { dataDir: 'memory://' });
  await migrate(database);
  const clock = new ControllableClock();
  services = {
    config: testConfig({ databaseUrl: scratch?.url }),
    database,
    clock,
    testClock: clock,
    bus: createMemoryBus(),
    queue: createLocalQueue(database, clock),
  };
  seeded = await seedIfEmpty(services, { adminPassword: 'admin-pass-1' });
  app = await buildApp(services);
  await app.ready();
  // A year of bills for 1,700 homes is ~20 s of the seed on PGlite; a busy machine doubles it.
}, 300_000);

afterAll(async () => {
  await app?.close();
  await services?.queue.stop();
  await services?.database.close();
  await drop?.();
});

async function login(username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  expect(res.statusCode, `${username}: ${res.body}`).toBe(200);
  return (res.json() as { token: string }).token;
}

async function get<T>(token: string, url: string): Promise<T> {
  const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

describe('demo estate on first start', () => {
  it('puts 锦绣花园’s arrears under a 催缴 campaign: promises kept and broken, a visit, a dispute', async () => {
    const admin = await login('admin', 'admin-pass-1');
    const campaign = (
      await get<{ items: { projectId: number; levels: unknown[] }[] }>(admin, '/api/collection-campaigns')
    ).items[0];
    expect(campaign?.levels).toHaveLength(4);
    const p = campaign!.projectId;
    const arrears = await get<{ owingUnits: number }>(admin, `/api/arrears?projectId=${p}`);
    expect(arrears.owingUnits).toBeGreaterThan(3);
    const attempts = await get<{ items: { promiseState: string | null; level: number | null }[] }>(
      admin,
      `/api/collection-attempts?projectId=${p}&pageSize=200`,
    );
    const states = attempts.items.map((a) => a.promiseState);
    expect(states).toContain('kept');
    expect(states).toContain('broken');
    expect(attempts.items.some((a) => a.level !== null)).toBe(true);
    const door = await get<{ total: number }>(admin, `/api/door-collections?projectId=${p}`);
    expect(door.total).toBeGreaterThan(0);
  });

  it('seats the desk at phone extensions and opens the IVR’s queues in both projects', async () => {
    const token = await login('cs_supervisor');
    const queues = await get<{ items: { name: string }[] }>(token, '/api/queues?pageSize=50');
    expect(queues.items.map((q) => q.name).sort()).toEqual(
      ['人工', '人工', '咨询', '咨询', '投诉建议', '投诉建议', '报修', '报修'].sort(),
    );
    const seats = await get<{ items: { username: string; extension: string | null }[] }>(
      token,
      '/api/telephony/extensions?pageSize=200',
    );
    expect(seats.items.find((s) => s.username === 'agent1')?.extension).toBe('8001');
  });

  it('gives the QA seat flagged notes and transcripts, a sample and one scored finding', async () => {
    const qa = await login('qa1');
    const flags = await get<{ items: { source: string; phrases: string[] }[] }>(qa, '/api/qa/flags');
    expect(flags.items.map((f) => f.source).sort()).toEqual(['note', 'transcript']);
    const agent = await login('agent1');
    const mine = await get<{ items: { status: string; total: number | null; deductions: object }[] }>(
      agent,
      '/api/qa/reviews',
    );
    expect(mine.items.filter((r) => r.status === '已评分')).toEqual([
      expect.objectContaining({ total: 80, deductions: { greeting: 10, language: 10 } }),
    ]);
  });

  it('shows a chased (催单) leak with its resident note, and masks ID numbers for the 座席', async () => {
    const agent = await login('agent1');
    const list = await get<{ items: { id: number; residentId: number | null; urgeCount: number }[] }>(
      agent,
      `/api/tickets?q=${encodeURIComponent('厨房水管漏水')}&pageSize=50`,
    );
    const chased = list.items.find((x) => x.urgeCount === 2);
    expect(chased?.residentId).toBeTruthy();
    const overview = await get<{
      resident: { piiMasked: boolean };
      tickets: { items: { id: number }[] };
      notes: { total: number };
    }>(agent, `/api/residents/${chased!.residentId}/overview`);
    expect(overview.resident.piiMasked).toBe(true);
    expect(overview.tickets.items.map((x) => x.id)).toContain(chased!.id);
    expect(overview.notes.total).toBe(1);
  });

  it('gives every project a mailbox and shows e-mail tickets with a thread', async () => {
    const token = await login('admin', 'admin-pass-1');
    const list = await get<{ items: { id: number; projectId: number }[] }>(
      token,
      '/api/projects?pageSize=50',
    );
    const boxes = await Promise.all(
      list.items.map((p) => get<{ address: string | null }>(token, `/api/mail/config?projectId=${p.id}`)),
    );
    expect(boxes.every((b) => b.address?.endsWith('.guanjia.local'))).toBe(true);
    const tickets = await get<{ items: { id: number; channel: string }[] }>(
      token,
      '/api/tickets?pageSize=200',
    );
    const threads = await Promise.all(
      tickets.items
        .filter((t) => t.channel === 'email')
        .map((t) => get<{ total: number }>(token, `/api/tickets/${t.id}/emails`)),
    );
    expect(threads.map((t) => t.total).sort()).toEqual([1, 2]);
  });

  it('gives 锦绣花园 departments, complaints in every state, a 督办 on a technician and a 投诉预警', async () => {
    const token = await login('cs_supervisor');
    const departments = await get<{ items: { name: string; members: unknown[] }[] }>(
      token,
      '/api/departments',
    );
    expect(departments.items.map((d) => d.name)).toEqual(['工程部', '秩序部', '环境部', '客服部']);
    expect(departments.items.every((d) => d.members.length > 0)).toBe(true);
    const ledger = await get<{
      items: { status: string; reviewState: string | null; supervised: boolean }[];
    }>(token, '/api/complaints?pageSize=100');
    const states = new Set(ledger.items.map((c) => `${c.status}/${c.reviewState ?? '-'}`));
    for (const s of ['处理中/-', '处理中/pending', '处理中/rejected', '待回访/approved', '已关闭/approved'])
      expect(states, s).toContain(s);
    expect(ledger.items.some((c) => c.supervised)).toBe(true);
    const warnings = await get<{ items: { rule: string }[] }>(token, '/api/complaints/warnings');
    expect(warnings.items.some((w) => w.rule === 'cluster')).toBe(true);
    const mine = await get<{ items: unknown[] }>(await login('tech_plumber'), '/api/supervisions?mine=true');
    expect(mine.items).toHaveLength(1);
  });

  it('gives 锦绣花园 patrol routes with a graded week, a store with a stocktake, and three contractors', async () => {
    const boss = await login('eng_supervisor');
    const routes = await get<{ items: { name: string; points: unknown[] }[] }>(boss, '/api/patrol-routes');
    expect(routes.items.map((r) => [r.name, r.points.length])).toEqual([
      ['安管夜间巡更', 8],
      ['工程日常巡检', 6],
    ]);
    const done = await get<{ total: number; items: { counts: { missed: number; late: number } }[] }>(
      boss,
      '/api/patrols?pageSize=200&status=漏检',
    );
    expect(done.total).toBe(1);
    const materials = await get<{ total: number }>(boss, '/api/materials');
    expect(materials.total).toBe(30);
    const takes = await get<{ items: { status: string; differences: number }[] }>(boss, '/api/stocktakes');
    expect(takes.items[0]).toMatchObject({ status: 'closed', differences: 2 });
    const outs = await get<{ items: { workOrderNumber: string | null }[] }>(
      boss,
      '/api/stock-movements?kind=out',
    );
    expect(outs.items.length).toBeGreaterThan(0);
    expect(outs.items.every((m) => m.workOrderNumber)).toBe(true);
    const contractors = await get<{ items: { trade: string; lastGrade: string | null }[] }>(
      boss,
      '/api/contractors',
    );
    expect(contractors.items.map((c) => c.trade)).toEqual(['电梯维保', '消防维保', '绿化外包']);
    expect(contractors.items.every((c) => c.lastGrade)).toBe(true);
  });

  it('reports what it created', () => {
    expect(seeded?.summary).toMatch(
      /^2 projects, 18 buildings, 1,989 units, 3,\d{3} residents, 23 staff; \d+ demo tickets; 4 departments, 7 complaints, \d+ complaint warnings; 2 demo incidents, 3 demo notices; 4 message templates, 2 planned outages; 6 fee items, \d+ meter readings, \d+ bills over 12 months; \d+ payments, 3 online \(测试支付\), [01] deposit refund; 34 knowledge-base articles$/,
    );
  });

  it('gives 锦绣花园 fee items and a year of bills, most of them paid', async () => {
    const admin = await login('admin', 'admin-pass-1');
    const items = await get<{ items: { code: string; unitCount: number }[] }>(admin, '/api/fee-items');
    expect(items.items.map((i) => i.code)).toEqual(['WYF', 'GTSD', 'LJQY', 'SF', 'TCF', 'ZXYJ', 'CDSYF']);
    const runs = await get<{ items: { status: string }[]; total: number }>(admin, '/api/billing-runs');
    expect(runs.total).toBe(12);
    expect(runs.items.every((r) => r.status === 'done')).toBe(true);
    const all = await get<{ total: number }>(admin, '/api/bills');
    expect(all.total).toBeGreaterThanOrEqual(10_000);
    // The payments step leaves about 9 % of units owing: some bills stay unpaid, most are settled.
    const unpaid = await get<{ items: { balance: number; billedAmount: number }[]; total: number }>(
      admin,
      '/api/bills?status=unpaid',
    );
    expect(unpaid.total).toBeGreaterThan(0);
    expect(unpaid.total).toBeLessThan(all.total / 4);
    expect(unpaid.items.every((b) => b.balance === b.billedAmount && b.billedAmount > 0)).toBe(true);
  });

  it('writes every row the plan holds, and one summary event', async () => {
    const q = (sql: string) =>
      services.database.query<{ n: string | number }>(sql).then((r) => Number(r[0]?.n));
    expect(await q('select count(*) as n from units')).toBe(1989);
    expect(await q('select count(*) as n from residents')).toBeGreaterThan(2800);
    expect(await q('select count(*) as n from resident_phones')).toBeGreaterThan(
      await q('select count(*) as n from residents'),
    );
    expect(await q("select count(*) as n from events where action = 'demo.seeded'")).toBe(1);
    // Reserved ids left the sequences ahead of the rows: the next insert must not collide. (The
    // sequence's last value, not currval, which exists only on the pool connection that drew it.)
    expect(
      await q(
        "select count(*) as n from units where id > pg_sequence_last_value(pg_get_serial_sequence('units', 'id')::regclass)",
      ),
    ).toBe(0);
  });

  it('gives every demo account its role, scope and the one shared demo password hash', async () => {
    const rows = await services.database.query<{
      username: string;
      role: string;
      projects: string | number;
      password_hash: string;
    }>(
      `select u.username, r.code as role, u.password_hash, (select count(*) from user_projects up where up.user_id = u.id) as projects
         from users u join user_roles ur on ur.user_id = u.id join roles r on r.id = ur.role_id where u.username <> 'admin'`,
    );
    expect(rows.map((r) => r.username).sort()).toEqual(DEMO_STAFF.map((s) => s.username).sort());
    for (const s of DEMO_STAFF) {
      const row = rows.find((r) => r.username === s.username);
      expect(row?.role, s.username).toBe(s.role);
      expect(Number(row?.projects), s.username).toBe(s.projects.length);
    }
    expect(new Set(rows.map((r) => r.password_hash)).size).toBe(1);
  });

  it('lets demo accounts log in with the demo password', async () => {
    for (const username of ['pm_jinxiu', 'tech_plumber']) {
      const me = await get<{ projectIds: number[]; allProjects: boolean }>(
        await login(username),
        '/api/auth/me',
      );
      expect(me.allProjects).toBe(false);
      expect(me.projectIds.length).toBe(DEMO_STAFF.find((s) => s.username === username)?.projects.length);
    }
    const admin = await get<{ projectIds: number[] }>(await login('admin', 'admin-pass-1'), '/api/auth/me');
    expect(admin.projectIds.length).toBe(2);
  });

  it('keeps the tower manager out of 锦绣花园', async () => {
    const token = await login('pm_tower');
    const page = await get<{ total: number; items: { units: { label: string }[] }[] }>(
      token,
      '/api/residents?q=3-2-1201',
    );
    expect(page.total).toBe(0);
    const tower = await get<{ total: number }>(token, '/api/residents');
    expect(tower.total).toBeGreaterThan(150);
    expect(tower.total).toBeLessThan(400);
  });

  it('finds residents by 房号, phone tail, pinyin and name through the API', async () => {
    const token = await login('agent1');
    const byUnit = await get<{ items: { name: string; units: { label: string; relation: string }[] }[] }>(
      token,
      '/api/residents?q=3-2-1201',
    );
    expect(byUnit.items.length).toBeGreaterThan(0);
    expect(
      byUnit.items.some((r) => r.units.some((u) => u.label === '3-2-1201' && u.relation === '业主')),
    ).toBe(true);
    const someone = byUnit.items[0]!;
    const [resident] = await services.database.query<{ national: string; name_initials: string }>(
      'select p.national, r.name_initials from residents r join resident_phones p on p.resident_id = r.id where r.name = $1 limit 1',
      [someone.name],
    );
    const byPhone = await get<{ items: { name: string }[] }>(token, `/api/residents?q=${resident!.national}`);
    expect(byPhone.items.map((r) => r.name)).toContain(someone.name);
    const byTail = await get<{ total: number }>(token, `/api/residents?q=${resident!.national.slice(-4)}`);
    expect(byTail.total).toBeGreaterThan(0);
    const byInitials = await get<{ total: number }>(token, `/api/residents?q=${resident!.name_initials}`);
    expect(byInitials.total).toBeGreaterThan(0);
    const wang = await get<{ total: number }>(token, `/api/residents?q=${encodeURIComponent('王')}`);
    expect(wang.total).toBeGreaterThan(100);
  });

  it('gives the 班长, a project manager and the 主管 SLA alert channels', async () => {
    const rows = await services.database.query<{ username: string; channels: string[] }>(
      'select u.username, c.channels from staff_channels c join users u on u.id = c.user_id order by u.username',
    );
    expect(rows.map((r) => [r.username, r.channels])).toEqual([
      ['cs_lead', ['email']],
      ['cs_supervisor', ['wechat']],
      ['pm_jinxiu', ['sms', 'email']],
    ]);
  });

  it('fills the 前台服务 registers: passes, parcels on the shelf, release slips, a key out, a loan', async () => {
    const admin = await login('admin', 'admin-pass-1');
    const count = async (url: string) => (await get<{ total: number }>(admin, url)).total;
    expect(await count('/api/visitor-passes')).toBeGreaterThanOrEqual(6);
    expect(await count('/api/parcels?status=待取')).toBeGreaterThanOrEqual(4);
    expect(await count('/api/item-releases?status=已放行')).toBe(1);
    expect(await count('/api/keys')).toBe(4);
    expect(await count('/api/loans?status=借出')).toBe(1);
  });

  it('inspects 锦绣花园 against the Sunac sheet: 整改单 closed, overdue and open, a campaign with both bands', async () => {
    const quality = await login('quality1');
    const rects = await get<{ items: { state: string; overdue: boolean }[] }>(
      quality,
      '/api/rectifications?pageSize=50',
    );
    expect(rects.items.map((r) => r.state)).toEqual(expect.arrayContaining(['open', 'closed']));
    expect(rects.items.some((r) => r.overdue)).toBe(true);
    const campaigns = await get<{ items: { id: number }[] }>(quality, '/api/quality-campaigns');
    const results = await get<{ rows: { band: string | null }[] }>(
      quality,
      `/api/quality-campaigns/${campaigns.items[0]!.id}/results`,
    );
    expect(results.rows.map((r) => r.band)).toContain('excellent');
    const agent = await login('agent1');
    const hidden = await app.inject({
      method: 'GET',
      url: '/api/inspections?mode=mystery',
      headers: { authorization: `Bearer ${agent}` },
    });
    expect(hidden.statusCode).toBe(403);
  });

  it('does nothing on the second start', async () => {
    expect(await seedIfEmpty(services)).toBeNull();
  });
});

import type {
  EquipmentDetail,
  InspectionTask,
  InspectionTaskDetail,
  MaintenanceReport,
} from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { tickets } from '../tickets/schema';
import { ok, onDuty } from '../tickets/testing/helpers';
import { generateTasks } from './generate-tasks';
import { sweepMissed } from './jobs';
import { maintenancePlans } from './schema';

let t: TestServer;
let admin: string;
let tech: string;
let techB: string;
let engSupervisor: string;
let pump: { id: number; qr: string };
let pumpB: { id: number; qr: string };

const dayAt = (day: number, hour = 9) =>
  new Date(`2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const page = <T>(path: string, token = tech) => ok<{ items: T[]; total: number }>(t, 'GET', path, token);

async function pumpTaskOf(day: number) {
  const date = `2026-11-${String(day).padStart(2, '0')}`;
  const list = await page<InspectionTask>(
    `/api/inspection-tasks?equipmentId=${pump.id}&due=${date}&pageSize=50`,
  );
  const task = list.items.find((x) => x.title.startsWith('水泵、变频控制柜'));
  if (!task) throw new Error(`no pump task on ${date}`);
  return task;
}

const answers = (pressure: number) => [
  { itemId: 'pressure', value: pressure },
  { itemId: 'vfd', pass: true },
  { itemId: 'tank', pass: true },
];

async function submit(taskId: number, key: string, items: unknown[], token = tech) {
  return t.request('POST', `/api/inspection-tasks/${taskId}/results`, {
    token,
    body: { idempotencyKey: key, items },
  });
}

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(dayAt(1, 8));
  const f = t.fixture;
  [admin, tech, techB] = await Promise.all([t.login('admin'), t.login('tech_a'), t.login('tech_b')]);
  const staff = await t.request('POST', '/api/staff', {
    token: admin,
    body: {
      username: 'eng_sup_a',
      displayName: '工程主管甲',
      password: 'eng-pass-123',
      roleIds: [f.roleIds.eng_supervisor],
      projectIds: [f.projectA],
    },
  });
  expect(staff.statusCode, staff.body).toBe(201);
  engSupervisor = await t.login('eng_sup_a', 'eng-pass-123');
  const equipment = (projectId: number, code: string) =>
    ok<{ id: number; qr: string }>(
      t,
      'POST',
      '/api/equipment',
      admin,
      {
        projectId,
        code,
        name: '1号生活水泵',
        system: '给排水',
        type: '水泵',
        location: '3号楼 B1 水泵房',
        brand: '威乐',
        model: 'MVI 1608',
        importance: 'A',
        warrantyEnd: '2026-11-20',
      },
      201,
    );
  pump = await equipment(f.projectA, 'GPS-001');
  pumpB = await equipment(f.projectB, 'GPS-001');
});
afterAll(() => t?.close());

describe('equipment ledger', () => {
  it('a code is unique per project; ?q= finds by code, name or brand', async () => {
    const dup = await t.request('POST', '/api/equipment', {
      token: admin,
      body: { projectId: t.fixture.projectA, code: 'GPS-001', name: '重复', system: '给排水' },
    });
    expect(dup.statusCode).toBe(409);
    const found = await page<{ code: string; warrantyEnding: boolean }>(
      `/api/equipment?projectId=${t.fixture.projectA}&q=${encodeURIComponent('威乐')}`,
    );
    expect(found.items.map((e) => e.code)).toEqual(['GPS-001']);
    // Q72: the warranty ends within a month.
    expect(found.items[0]?.warrantyEnding).toBe(true);
  });

  it('a patch changes only what it names', async () => {
    const before = await ok<{ version: number; brand: string; importance: string }>(
      t,
      'GET',
      `/api/equipment/${pump.id}`,
      admin,
    );
    const after = await ok<{ name: string; brand: string; importance: string; location: string }>(
      t,
      'PATCH',
      `/api/equipment/${pump.id}`,
      admin,
      { version: before.version, name: '1号生活水泵（变频）' },
    );
    expect(after).toMatchObject({
      name: '1号生活水泵（变频）',
      brand: '威乐',
      importance: 'A',
      location: '3号楼 B1 水泵房',
    });
  });

  it('prints a sheet of QR labels', async () => {
    const res = await t.request('GET', `/api/equipment/labels.pdf?ids=${pump.id}`, { token: admin });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('scanning a label opens the equipment; a label of another project is refused clearly', async () => {
    const scan = await ok<{ equipmentId: number; path: string }>(
      t,
      'GET',
      `/api/scan?code=${encodeURIComponent(pump.qr)}`,
      tech,
    );
    expect(scan.equipmentId).toBe(pump.id);
    const other = await t.request('GET', `/api/scan?code=${encodeURIComponent(pumpB.qr)}`, {
      token: tech,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.message).toBe('该标签属于其他项目，不能在本项目扫码');
    const junk = await t.request('GET', '/api/scan?code=hello', { token: tech });
    expect(junk.statusCode).toBe(400);
    expect((await t.request('GET', `/api/equipment/${pumpB.id}`, { token: tech })).statusCode).toBe(404);
  });
});

describe('a month of inspections under the scenario clock', () => {
  let failedTask: number;
  let workOrderId: number;

  it('按系统生成计划 makes the §3.8 plans of 给排水 with a horizon of tasks', async () => {
    const res = await ok<{ created: number; tasks: number }>(
      t,
      'POST',
      '/api/maintenance-plans/generate',
      admin,
      {
        projectId: t.fixture.projectA,
        systems: ['给排水'],
      },
    );
    expect(res.created).toBeGreaterThanOrEqual(10);
    expect(res.tasks).toBeGreaterThan(30);
    const again = await ok<{ created: number; skipped: number }>(
      t,
      'POST',
      '/api/maintenance-plans/generate',
      admin,
      {
        projectId: t.fixture.projectA,
        systems: ['给排水'],
      },
    );
    expect(again).toMatchObject({ created: 0, skipped: res.created });
  });

  it('runs the month: most on time, some late, some missed, one failed reading → one work order', async () => {
    const { db } = t.services.database;
    for (let day = 1; day <= 30; day++) {
      t.clock.set(dayAt(day, 9));
      if (day % 7 === 1) tech = await t.login('tech_a');
      await generateTasks(db, t.fixture.projectA, t.clock.now());
      await sweepMissed(t.services, t.clock.now());
      if (day % 9 === 4) continue; // missed (days 4, 13, 22)
      const task = await pumpTaskOf(day);
      const late = day % 10 === 7;
      if (late) t.clock.set(dayAt(day + 1, 8)); // days 7, 17, 27: done the next morning
      const pressure = day === 12 || day === 14 ? 0.82 : 0.45;
      const res = await submit(task.id, `pump-${day}`, answers(pressure));
      expect(res.statusCode, res.body).toBe(200);
      const detail = res.json() as InspectionTaskDetail;
      expect(detail.status).toBe('done');
      expect(detail.onTime).toBe(!late);
      if (pressure > 0.6) {
        const failed = detail.results.find((r) => r.itemId === 'pressure')!;
        expect(failed.failed).toBe(true);
        expect(failed.workOrderId).toBeTypeOf('number');
        if (day === 12) {
          failedTask = task.id;
          workOrderId = failed.workOrderId!;
        } else {
          // Day 14: the same equipment and item while the repair is open → joins it.
          expect(failed.workOrderId).toBe(workOrderId);
        }
      }
    }
    const repairs = await db.select().from(tickets).where(eq(tickets.channel, 'inspection'));
    expect(repairs).toHaveLength(1);
    expect(repairs[0]).toMatchObject({ type: '报修', projectId: t.fixture.projectA });
  });

  it('a second submit with the same key answers the same; another key is refused', async () => {
    tech = await t.login('tech_a');
    const before = await ok<InspectionTaskDetail>(t, 'GET', `/api/inspection-tasks/${failedTask}`, tech);
    const again = await submit(failedTask, 'pump-12', answers(0.82));
    expect(again.statusCode).toBe(200);
    const after = again.json() as InspectionTaskDetail;
    expect(after.results).toEqual(before.results);
    expect(after.completedAt).toBe(before.completedAt);
    const other = await submit(failedTask, 'someone-else', answers(0.5));
    expect(other.statusCode).toBe(409);
  });

  it('readings are validated against the item type', async () => {
    const pending = await page<InspectionTask>(
      `/api/inspection-tasks?equipmentId=${pump.id}&status=pending&pageSize=50`,
    );
    const task = pending.items.find((x) => x.title.startsWith('水泵、变频控制柜'))!;
    const bad = await submit(task.id, 'bad-1', [{ itemId: 'pressure', pass: true }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('invalid_answer');
    const unknown = await submit(task.id, 'bad-2', [{ itemId: 'nope', pass: true }]);
    expect(unknown.statusCode).toBe(400);
  });

  it('the work order is completed → the failed item shows it', async () => {
    [admin, tech] = await Promise.all([t.login('admin'), t.login('tech_a')]);
    await onDuty(t, admin, t.fixture.users.tech_a);
    const wo = await ok<{ id: number; version: number; status: string }>(
      t,
      'GET',
      `/api/work-orders/${workOrderId}`,
      admin,
    );
    let v = wo.version;
    if (wo.status === '待派单') {
      const d = await ok<{ version: number }>(t, 'POST', `/api/work-orders/${workOrderId}/dispatch`, admin, {
        version: v,
        technicianId: t.fixture.users.tech_a,
      });
      v = d.version;
    }
    for (const action of ['accept', 'arrive']) {
      const r = await ok<{ version: number }>(t, 'POST', `/api/work-orders/${workOrderId}/${action}`, tech, {
        version: v,
      });
      v = r.version;
    }
    await ok(t, 'POST', `/api/work-orders/${workOrderId}/complete`, tech, {
      version: v,
      result: '更换出口压力阀',
    });
    const task = await ok<InspectionTaskDetail>(t, 'GET', `/api/inspection-tasks/${failedTask}`, tech);
    expect(task.results.find((r) => r.itemId === 'pressure')).toMatchObject({
      workOrderId,
      workOrderStatus: '已完成',
    });
    const eq1 = await ok<EquipmentDetail>(t, 'GET', `/api/equipment/${pump.id}`, tech);
    expect(eq1.openWorkOrders).toEqual([]);
    expect(eq1.recentTasks.length).toBeGreaterThan(0);
  });

  it('R12 counts the month per system: done vs planned, on time, missed, defects, MTTR', async () => {
    t.clock.set(dayAt(30, 20));
    // Sessions expire over a simulated month: sign in again.
    [admin, tech] = await Promise.all([t.login('admin'), t.login('tech_a')]);
    engSupervisor = await t.login('eng_sup_a', 'eng-pass-123');
    const r = await ok<MaintenanceReport>(
      t,
      'GET',
      `/api/reports/maintenance?projectId=${t.fixture.projectA}&month=2026-11`,
      engSupervisor,
    );
    const water = r.bySystem.find((s) => s.system === '给排水')!;
    expect(water.planned).toBeGreaterThan(water.done);
    expect(water.done).toBeGreaterThanOrEqual(26);
    expect(water.onTime).toBe(water.done - 3);
    expect(water.defects).toBe(1);
    expect(r.repairs).toBe(1);
    expect(r.mttrHours).toBeTypeOf('number');
    // No patrol routes in this fixture: none planned, none missed.
    expect(r.missedPatrolPoints).toBe(0);
    const xlsx = await t.request(
      'GET',
      `/api/reports/maintenance?projectId=${t.fixture.projectA}&month=2026-11&format=xlsx`,
      {
        token: admin,
      },
    );
    expect(xlsx.statusCode).toBe(200);
  });
});

describe('the 5-missed rule', () => {
  it('a plan whose last 5 tasks were missed warns the 工程主管 once', async () => {
    t.clock.set(dayAt(1, 8));
    const plan = await ok<{ id: number }>(
      t,
      'POST',
      '/api/maintenance-plans',
      admin,
      {
        projectId: t.fixture.projectA,
        name: '地下室排水沟巡查',
        system: '给排水',
        target: 'system',
        frequency: { kind: 'daily' },
        startDate: '2026-11-01',
        items: [{ id: 'ok', label: '排水沟通畅', kind: 'pass' }],
      },
      201,
    );
    for (let day = 2; day <= 7; day++) {
      t.clock.set(dayAt(day, 9));
      await sweepMissed(t.services, t.clock.now());
    }
    const [row] = await t.services.database.db
      .select()
      .from(maintenancePlans)
      .where(eq(maintenancePlans.id, plan.id));
    expect(row?.missedWarningAt).not.toBeNull();
    engSupervisor = await t.login('eng_sup_a', 'eng-pass-123');
    const bell = await ok<{ items: { kind: string; body: string }[] }>(
      t,
      'GET',
      '/api/notifications',
      engSupervisor,
    );
    const warnings = bell.items.filter(
      (n) => n.kind === 'assets.missed' && n.body.includes('地下室排水沟巡查'),
    );
    expect(warnings).toHaveLength(1);
    const warned = await page<{ id: number }>(
      `/api/maintenance-plans?projectId=${t.fixture.projectA}&warned=true`,
      admin,
    );
    expect(warned.items.map((p) => p.id)).toContain(plan.id);
  });
});

describe('checklist versions', () => {
  it('new items make version 2: unanswered tasks ahead take it, a done task keeps the one it was done with', async () => {
    t.clock.set(dayAt(10, 8));
    admin = await t.login('admin');
    tech = await t.login('tech_a');
    const plan = await ok<{ id: number; version: number; checklistVersion: number }>(
      t,
      'POST',
      '/api/maintenance-plans',
      admin,
      {
        projectId: t.fixture.projectA,
        name: '1号生活水泵专项巡检',
        system: '给排水',
        target: 'equipment',
        equipmentId: pump.id,
        frequency: { kind: 'weekdays', weekdays: [1, 3, 5] },
        startDate: '2026-11-09',
        items: [{ id: 'noise', label: '运行无异响', kind: 'pass' }],
      },
      201,
    );
    expect(plan.checklistVersion).toBe(1);
    const tasks = await page<InspectionTask>(`/api/inspection-tasks?planId=${plan.id}&pageSize=50`);
    // Mon/Wed/Fri from today (Tue 10 Nov): Wed 11, Fri 13, Mon 16 …
    expect(tasks.items.slice(0, 3).map((x) => x.dueDate)).toEqual(['2026-11-11', '2026-11-13', '2026-11-16']);
    const first = tasks.items[0]!;
    const done = await submit(first.id, 'v1-done', [{ itemId: 'noise', pass: true }]);
    expect(done.statusCode, done.body).toBe(200);
    const edited = await ok<{ checklistVersion: number; items: { id: string }[] }>(
      t,
      'PATCH',
      `/api/maintenance-plans/${plan.id}`,
      admin,
      {
        version: plan.version,
        items: [
          { id: 'noise', label: '运行无异响', kind: 'pass' },
          { id: 'temp', label: '电机温度', kind: 'number', min: 0, max: 70, unit: '℃' },
        ],
      },
    );
    expect(edited.checklistVersion).toBe(2);
    const kept = await ok<InspectionTaskDetail>(t, 'GET', `/api/inspection-tasks/${first.id}`, tech);
    expect(kept.checklistVersion).toBe(1);
    expect(kept.items.map((i) => i.id)).toEqual(['noise']);
    const next = await ok<InspectionTaskDetail>(
      t,
      'GET',
      `/api/inspection-tasks/${tasks.items[1]!.id}`,
      tech,
    );
    expect(next.checklistVersion).toBe(2);
    expect(next.items.map((i) => i.id)).toEqual(['noise', 'temp']);
  });
});

describe('scope', () => {
  it('tech_b sees no task or equipment of project A', async () => {
    [tech, techB] = await Promise.all([t.login('tech_a'), t.login('tech_b')]);
    const list = await page<InspectionTask>('/api/inspection-tasks?pageSize=200', techB);
    expect(list.items.every((x) => x.projectId === t.fixture.projectB)).toBe(true);
    expect(
      (await t.request('GET', `/api/inspection-tasks/${(await pumpTaskOf(30)).id}`, { token: techB }))
        .statusCode,
    ).toBe(404);
  });
});

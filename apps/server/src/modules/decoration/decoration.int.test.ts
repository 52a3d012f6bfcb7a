import type { Decoration, MoveIn } from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { payments, refunds } from '../billing/payments-schema';
import { bills } from '../billing/schema';
import { runQ41 } from '../move-ins/jobs';
import { rectifications } from '../rectifications/schema';
import { generateInspections } from './inspections';

/** 装修 (W-14) from application to refund, and 入住 (W-13, Q41), under the scenario clock. */
let t: TestServer;
let admin: string;
const at = (s: string) => new Date(`${s}+08:00`);

async function ok<T>(method: string, url: string, body?: unknown, status = 200): Promise<T> {
  const res = await t.request(method, url, { token: admin, body });
  expect(res.statusCode, `${method} ${url} ${res.body}`).toBe(status);
  return res.json() as T;
}
const closeRect = (id: number, now: Date) =>
  t.services.database.db
    .update(rectifications)
    .set({ state: 'closed', closedAt: now })
    .where(eq(rectifications.id, id));

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(at('2026-12-01T09:00:00'));
  admin = await t.login('admin');
}, 120_000);
afterAll(async () => t?.close());

describe('a decoration case (W-14)', () => {
  it('runs from application to deposit refund with daily inspections', async () => {
    let d = await ok<Decoration>(
      'POST',
      '/api/decorations',
      {
        unitId: t.fixture.unitsA[0],
        applicantName: '张伟',
        applicantPhone: '13812345678',
        company: '上海美家装饰工程有限公司',
        foreman: '刘师傅',
        foremanPhone: '13900002222',
        scope: '厨卫翻新、木地板铺设',
        startsOn: '2026-12-02',
        endsOn: '2026-12-06',
        workers: [
          { name: '刘建国', trade: '泥工' },
          { name: '陈小军', trade: '水电' },
        ],
      },
      201,
    );
    expect(d).toMatchObject({ state: 'applied', depositFen: 200_000 });
    expect(d.number).toMatch(/^ZX20261201\d{4}$/);
    const pass = d.workers[0]!.passCode;
    const verify = (code: string) =>
      ok<{ valid: boolean; reason: string }>('POST', '/api/decorations/worker-passes/verify', { code });
    expect(await verify(pass)).toMatchObject({ valid: false, reason: 'not_active' });
    expect(await verify('DW-1-nonsense')).toMatchObject({ valid: false, reason: 'unknown' });
    // No permit before the agreement and the deposit.
    const early = await t.request('POST', `/api/decorations/${d.id}/actions`, {
      token: admin,
      body: { action: 'approve', version: d.version },
    });
    expect(early.json()).toMatchObject({ error: { details: { reason: 'agreement_missing' } } });
    d = await ok('POST', `/api/decorations/${d.id}/agreement`, { signedBy: '张伟', version: d.version });
    d = await ok('POST', `/api/decorations/${d.id}/deposit`, {
      amountFen: 200_000,
      method: 'wechat',
      version: d.version,
    });
    // The deposit is a 装修押金 bill, paid at the desk in the same step.
    expect(d.depositBillId).not.toBeNull();
    expect(d.depositPaymentId).not.toBeNull();
    const [bill] = await t.services.database.db.select().from(bills).where(eq(bills.id, d.depositBillId!));
    expect(bill).toMatchObject({
      unitId: t.fixture.unitsA[0],
      billedAmount: 200_000,
      paidAmount: 200_000,
      balance: 0,
      sourceType: 'decoration',
      sourceId: d.id,
    });
    const [payment] = await t.services.database.db
      .select()
      .from(payments)
      .where(eq(payments.id, d.depositPaymentId!));
    expect(payment).toMatchObject({ amount: 200_000, method: 'pos' });
    d = await ok('POST', `/api/decorations/${d.id}/actions`, { action: 'approve', version: d.version });
    expect(d.state).toBe('approved');
    expect(await verify(pass)).toMatchObject({ valid: true, reason: 'ok', workerName: '刘建国' });
    const pdf = await t.request('GET', `/api/decorations/${d.id}/permit.pdf`, { token: admin });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    // Work starts only after the floor-drain seepage test.
    const noTest = await t.request('POST', `/api/decorations/${d.id}/actions`, {
      token: admin,
      body: { action: 'start', version: d.version },
    });
    expect(noTest.json()).toMatchObject({ error: { details: { reason: 'seepage_missing' } } });
    d = await ok('POST', `/api/decorations/${d.id}/seepage-test`, {
      passed: true,
      ownerSigned: true,
      version: d.version,
    });
    t.clock.set(at('2026-12-02T08:00:00'));
    d = await ok('POST', `/api/decorations/${d.id}/actions`, { action: 'start', version: d.version });
    expect(d.state).toBe('in_progress');

    // One inspection task a day while the site is active, however often the job runs.
    expect(await generateInspections(t.services)).toBe(1);
    expect(await generateInspections(t.services)).toBe(0);
    d = await ok('GET', `/api/decorations/${d.id}`);
    const first = d.inspections[0]!;
    expect(first).toMatchObject({ day: '2026-12-02', state: 'open' });
    const done = await ok<{ rectificationIds: number[] }>(
      'POST',
      `/api/decorations/${d.id}/inspections/${first.id}`,
      {
        ok: false,
        findings: [{ title: '卫生间防水层破损', detail: '淋浴区墙角' }],
      },
    );
    expect(done.rectificationIds).toHaveLength(1);
    const [rect] = await t.services.database.db
      .select()
      .from(rectifications)
      .where(eq(rectifications.id, done.rectificationIds[0]!));
    expect(rect).toMatchObject({ sourceType: 'decoration', sourceId: d.id, unitId: t.fixture.unitsA[0] });
    t.clock.set(at('2026-12-03T08:00:00'));
    expect(await generateInspections(t.services)).toBe(1);
    t.clock.set(at('2026-12-04T08:00:00'));
    expect(await generateInspections(t.services)).toBe(1);
    d = await ok('GET', `/api/decorations/${d.id}`);
    expect(d.inspections.map((i) => [i.day, i.state])).toEqual([
      ['2026-12-04', 'open'],
      ['2026-12-03', 'missed'],
      ['2026-12-02', 'done'],
    ]);

    // Final acceptance: the closed-water test must run 48 hours and pass.
    d = await ok('POST', `/api/decorations/${d.id}/actions`, {
      action: 'request_acceptance',
      version: d.version,
    });
    d = await ok('POST', `/api/decorations/${d.id}/water-test/start`, { version: d.version });
    t.clock.set(at('2026-12-05T08:00:00'));
    const short = await t.request('POST', `/api/decorations/${d.id}/water-test/end`, {
      token: admin,
      body: { result: 'pass', version: d.version },
    });
    expect(short.statusCode).toBe(409);
    t.clock.set(at('2026-12-06T08:30:00'));
    d = await ok('POST', `/api/decorations/${d.id}/water-test/end`, {
      result: 'pass',
      note: '无渗漏',
      version: d.version,
    });
    expect(d.waterTestResult).toBe('pass');
    const open = await t.request('POST', `/api/decorations/${d.id}/actions`, {
      token: admin,
      body: { action: 'accept', version: d.version },
    });
    expect(open.json()).toMatchObject({ error: { details: { reason: 'rectifications_open' } } });
    await closeRect(rect!.id, t.clock.now());
    d = await ok('POST', `/api/decorations/${d.id}/actions`, { action: 'accept', version: d.version });
    d = await ok('POST', `/api/decorations/${d.id}/actions`, { action: 'refund', version: d.version });
    expect(d).toMatchObject({ state: 'refunded' });
    expect(d.depositRefundedAt).not.toBeNull();
    // The refund went through billing: a deposit refund of the whole amount, and the bill stays settled.
    const [refund] = await t.services.database.db
      .select()
      .from(refunds)
      .where(eq(refunds.id, d.depositRefundId!));
    expect(refund).toMatchObject({ kind: 'deposit', billId: d.depositBillId, amount: 200_000 });
    const [after] = await t.services.database.db.select().from(bills).where(eq(bills.id, d.depositBillId!));
    expect(after).toMatchObject({ paidAmount: 0, adjustedAmount: -200_000, balance: 0 });
    // No more inspections once accepted, and the passes no longer open the gate.
    t.clock.set(at('2026-12-07T08:00:00'));
    expect(await generateInspections(t.services)).toBe(0);
    expect((await verify(pass)).valid).toBe(false);
    // Part of the unit's archive.
    const byUnit = await ok<{ items: { id: number }[] }>(
      'GET',
      `/api/decorations?unitId=${t.fixture.unitsA[0]}`,
    );
    expect(byUnit.items.map((i) => i.id)).toContain(d.id);
  });
});

describe('a move-in case (W-13, Q41)', () => {
  it('works the checklist, turns defects into rectifications and answers the owner per Q41', async () => {
    t.clock.set(at('2026-12-07T10:00:00'));
    let m = await ok<MoveIn>(
      'POST',
      '/api/move-ins',
      { unitId: t.fixture.unitsA[1], ownerName: '王芳', ownerPhone: '13912340001' },
      201,
    );
    const dup = await t.request('POST', '/api/move-ins', {
      token: admin,
      body: { unitId: t.fixture.unitsA[1], ownerName: '王芳', ownerPhone: '13912340001' },
    });
    expect(dup.statusCode).toBe(409);
    const short = await ok<{ id: number; rectificationId: number; long: boolean }>(
      'POST',
      `/api/move-ins/${m.id}/defects`,
      { location: '主卧窗框', description: '密封胶开裂', fixDays: 2 },
      201,
    );
    const long = await ok<{ id: number; long: boolean }>(
      'POST',
      `/api/move-ins/${m.id}/defects`,
      { location: '客厅地面', description: '地砖空鼓需返工', fixDays: 30 },
      201,
    );
    expect([short.long, long.long]).toEqual([false, true]);
    m = await ok('GET', `/api/move-ins/${m.id}`);
    const incomplete = await t.request('POST', `/api/move-ins/${m.id}/complete`, {
      token: admin,
      body: { version: m.version },
    });
    expect(incomplete.json()).toMatchObject({ error: { details: { reason: 'steps_missing' } } });
    for (const step of ['documents', 'agreements', 'meters', 'inspection', 'keys'] as const)
      m = await ok('POST', `/api/move-ins/${m.id}/steps`, {
        step,
        items: step === 'keys' ? ['入户门钥匙×3', '信报箱钥匙×1'] : [],
        readings: step === 'meters' ? [{ meter: '水表', reading: 12 }] : [],
        version: m.version,
      });
    m = await ok('POST', `/api/move-ins/${m.id}/complete`, { version: m.version });
    expect(m.state).toBe('completed');
    const receipt = await t.request('GET', `/api/move-ins/${m.id}/key-receipt.pdf`, { token: admin });
    expect(receipt.statusCode).toBe(200);

    // The short fix is done on Friday; the owner is answered, due within a working day (Monday).
    t.clock.set(at('2026-12-11T16:00:00'));
    await closeRect(short.rectificationId, t.clock.now());
    t.clock.set(at('2026-12-11T16:20:00'));
    expect(await runQ41(t.services)).toEqual({ replied: 1, progress: 0 });
    m = await ok('GET', `/api/move-ins/${m.id}`);
    const answered = m.defects.find((d) => d.id === short.id)!;
    expect(answered.repliedAt).not.toBeNull();
    expect(answered.replyDueAt).toBe(at('2026-12-14T16:00:00').toISOString());
    // The long one reports progress a week after it was opened, then weekly.
    t.clock.set(at('2026-12-14T10:00:00'));
    expect(await runQ41(t.services)).toEqual({ replied: 0, progress: 1 });
    expect(await runQ41(t.services)).toEqual({ replied: 0, progress: 0 });
    t.clock.set(at('2026-12-21T10:00:00'));
    expect(await runQ41(t.services)).toEqual({ replied: 0, progress: 1 });
    await t.services.queue.drain();
    admin = await t.login('admin');
    const sent = await ok<{ items: { subject: string }[] }>(
      'GET',
      '/api/deliveries?sourceType=move_in&pageSize=50',
    );
    expect(sent.items.map((s) => s.subject)).toEqual(
      expect.arrayContaining(['【维修完成回复】', '【整改进度】']),
    );
  });
});

import type { DeskEntry, DeskItem, GateAnswer } from '@guanjia/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { ok } from '../tickets/testing/helpers';
import { sweepDesk } from './jobs';

/** The front-desk registers on one engine, under the scenario clock. */
let t: TestServer;
let admin: string;
let agent: string;
const at = (s: string) => new Date(`${s}+08:00`);
const ZHANG = '13812345678';

async function portalLogin(phone: string): Promise<string> {
  const sent = await t.request('POST', '/api/portal/auth/code', { body: { phone } });
  expect(sent.statusCode, sent.body).toBe(202);
  await t.services.queue.drain();
  const res = await t.request('GET', '/api/deliveries?pageSize=50', { token: admin });
  const items = (res.json() as { items: { recipient: string; body: string }[] }).items;
  const code = /验证码为(\d{6})/.exec(items.find((d) => d.recipient === `+86${phone}`)?.body ?? '')?.[1];
  const login = await t.request('POST', '/api/portal/auth/login', { body: { phone, code } });
  expect(login.statusCode, login.body).toBe(200);
  return (login.json() as { token: string }).token;
}

const verify = (code: string, url = '/api/visitor-passes/verify') =>
  ok<GateAnswer>(t, 'POST', url, admin, { code });

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(at('2026-12-06T09:00:00'));
  [admin, agent] = await Promise.all([t.login('admin'), t.login('agent_a')]);
});
afterAll(async () => t?.close());

describe('visitor passes (W-33)', () => {
  it('lets a pass through as many times as allowed, then says why it refuses', async () => {
    const pass = await ok<DeskEntry>(
      t,
      'POST',
      '/api/visitor-passes',
      agent,
      {
        projectId: t.fixture.projectA,
        unitId: t.fixture.unitsA[0],
        visitorName: '快递小哥',
        plate: '沪a12345',
        uses: 2,
      },
      201,
    );
    expect(pass).toMatchObject({
      status: '有效',
      usesAllowed: 2,
      details: { plate: '沪A12345', parkingMinutes: 120 },
    });
    expect(await verify(pass.code)).toMatchObject({
      valid: true,
      reason: null,
      kind: 'visitor',
      usesLeft: 1,
    });
    expect(await verify(pass.code.toLowerCase())).toMatchObject({ valid: true, usesLeft: 0 });
    expect(await verify(pass.code)).toMatchObject({ valid: false, reason: 'used_up' });
    expect((await ok<DeskEntry>(t, 'GET', `/api/visitor-passes/${pass.id}`, agent)).status).toBe('已用完');
    expect(await verify('V-NOSUCH00')).toMatchObject({ valid: false, reason: 'unknown' });
    expect(await verify('not a pass at all')).toMatchObject({ valid: false, reason: 'unknown' });
  });

  it('refuses a revoked pass and an expired one, and the sweep expires the no-show', async () => {
    const mk = (body: Record<string, unknown>) =>
      ok<DeskEntry>(
        t,
        'POST',
        '/api/visitor-passes',
        agent,
        { projectId: t.fixture.projectA, visitorName: '来访', ...body },
        201,
      );
    const revoked = await mk({});
    await ok(t, 'POST', `/api/visitor-passes/${revoked.id}/revoke`, agent, { reason: '业主取消' });
    expect(await verify(revoked.code)).toMatchObject({ valid: false, reason: 'revoked' });
    const noShow = await mk({});
    const pending = await mk({ hostConfirm: true });
    expect(pending.status).toBe('待确认');
    t.clock.set(at('2026-12-06T14:00:00'));
    expect(await verify(noShow.code)).toMatchObject({ valid: false, reason: 'expired' });
    const swept = await sweepDesk(t.services);
    expect(swept.expired).toBeGreaterThanOrEqual(2);
    expect((await ok<DeskEntry>(t, 'GET', `/api/visitor-passes/${noShow.id}`, agent)).status).toBe('已过期');
    t.clock.set(at('2026-12-06T09:00:00'));
  });

  it('refuses concurrent uses beyond the allowed number (the conditional update)', async () => {
    const pass = await ok<DeskEntry>(
      t,
      'POST',
      '/api/visitor-passes',
      agent,
      { projectId: t.fixture.projectA, visitorName: '装修送货', uses: 2 },
      201,
    );
    const answers = await Promise.all(Array.from({ length: 6 }, () => verify(pass.code, '/api/gate/verify')));
    expect(answers.filter((a) => a.valid)).toHaveLength(2);
    expect(answers.filter((a) => !a.valid).every((a) => a.reason === 'used_up')).toBe(true);
    const after = await ok<DeskEntry>(t, 'GET', `/api/visitor-passes/${pass.id}`, agent);
    expect(after).toMatchObject({ usesCount: 2, status: '已用完' });
  });

  it('gives a regular deliverer a long-term pass with unlimited uses; the resident pre-registers and shares a QR', async () => {
    const milk = await ok<DeskEntry>(
      t,
      'POST',
      '/api/visitor-passes',
      agent,
      { projectId: t.fixture.projectA, visitorName: '光明送奶', longTerm: true, uses: null, purpose: '送奶' },
      201,
    );
    expect(milk.usesAllowed).toBeNull();
    for (let i = 0; i < 3; i++) expect((await verify(milk.code)).valid).toBe(true);
    const short = await t.request('POST', '/api/visitor-passes', {
      token: agent,
      body: { projectId: t.fixture.projectA, visitorName: 'x', uses: null },
    });
    expect(short.statusCode).toBe(400);

    const zhang = await portalLogin(ZHANG);
    const mine = await ok<DeskEntry>(
      t,
      'POST',
      '/api/portal/visitor-passes',
      zhang,
      { unitId: t.fixture.unitsA[0], visitorName: '表妹', plate: '沪B00001' },
      201,
    );
    expect(mine).toMatchObject({ source: 'portal', status: '有效' });
    const png = await t.request('GET', `/api/portal/visitor-passes/${mine.id}/qr.png`, { token: zhang });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    const list = await ok<{ items: DeskEntry[] }>(t, 'GET', '/api/portal/visitor-passes', zhang);
    expect(list.items.map((p) => p.id)).toContain(mine.id);
    expect(await verify(`https://gj.example/p?pass=${mine.code}`)).toMatchObject({ valid: true });
    const other = await t.request('POST', '/api/portal/visitor-passes', {
      token: zhang,
      body: { unitId: t.fixture.unitsA[1], visitorName: '别人家' },
    });
    expect(other.statusCode).toBe(400);
    const slip = await t.request('GET', `/api/visitor-passes/${mine.id}/slip.pdf`, { token: agent });
    expect(slip.statusCode).toBe(200);
    expect(slip.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });
});

describe('parcels (W-17)', () => {
  it('logs in three fields, tells the resident at once, reminds after N days and hands over by code', async () => {
    const parcel = await ok<DeskEntry>(
      t,
      'POST',
      '/api/parcels',
      agent,
      { projectId: t.fixture.projectA, phone: ZHANG, carrier: '顺丰', shelf: 'A-03' },
      201,
    );
    expect(parcel).toMatchObject({
      status: '待取',
      unitId: t.fixture.unitsA[0],
      details: { shelf: 'A-03', carrier: '顺丰' },
    });
    const zhang = await portalLogin(ZHANG);
    const seen = await ok<{ items: DeskEntry[] }>(t, 'GET', '/api/portal/parcels', zhang);
    const mine = seen.items.find((p) => p.id === parcel.id);
    expect(mine?.details.pickupCode).toMatch(/^\d{6}$/);
    const log = await ok<{ items: { sourceType: string; body: string }[] }>(
      t,
      'GET',
      '/api/deliveries?pageSize=100',
      admin,
    );
    expect(log.items.some((d) => d.sourceType === 'desk' && d.body.includes('A-03'))).toBe(true);

    t.clock.set(at('2026-12-09T10:00:00'));
    expect((await sweepDesk(t.services)).reminded).toBeGreaterThanOrEqual(1);
    const wrong = await t.request('POST', `/api/parcels/${parcel.id}/pickup`, {
      token: agent,
      body: { pickupCode: '000000' },
    });
    expect(wrong.statusCode).toBe(422);
    const done = await ok<DeskEntry>(t, 'POST', `/api/parcels/${parcel.id}/pickup`, agent, {
      pickupCode: String(mine?.details.pickupCode),
    });
    expect(done).toMatchObject({ status: '已取件', details: { pickedUpBy: 'code' } });
    const again = await t.request('POST', `/api/parcels/${parcel.id}/pickup`, {
      token: agent,
      body: { signedName: '张伟' },
    });
    expect(again.statusCode).toBe(409);
    const shelf = await t.request('GET', `/api/parcels/shelf.xlsx?projectId=${t.fixture.projectA}`, {
      token: admin,
    });
    expect(shelf.statusCode).toBe(200);
    t.clock.set(at('2026-12-06T09:00:00'));
  });
});

describe('item release (W-16)', () => {
  it('goes from the portal application through approval to the gate, once', async () => {
    const zhang = await portalLogin(ZHANG);
    const slip = await ok<DeskEntry>(
      t,
      'POST',
      '/api/portal/item-releases',
      zhang,
      {
        unitId: t.fixture.unitsA[0],
        applicantName: '张伟',
        items: [{ name: '旧沙发', qty: 1 }],
        releaseDate: '2026-12-06',
      },
      201,
    );
    expect(slip.status).toBe('待审批');
    expect(await verify(slip.code, '/api/item-releases/verify')).toMatchObject({
      valid: false,
      reason: 'pending',
    });
    const stale = await t.request('POST', `/api/item-releases/${slip.id}/approve`, {
      token: agent,
      body: { version: 9 },
    });
    expect(stale.statusCode).toBe(409);
    const approved = await ok<DeskEntry>(t, 'POST', `/api/item-releases/${slip.id}/approve`, agent, {
      version: slip.version,
    });
    expect(approved.status).toBe('已批准');
    const gate = await verify(slip.code, '/api/item-releases/verify');
    expect(gate).toMatchObject({ valid: true, kind: 'release' });
    expect(gate.lines.join()).toContain('旧沙发×1');
    expect(await verify(slip.code, '/api/item-releases/verify')).toMatchObject({
      valid: false,
      reason: 'used_up',
    });
    expect((await ok<DeskEntry>(t, 'GET', `/api/item-releases/${slip.id}`, agent)).status).toBe('已放行');
  });

  it('asks a tenant for the owner’s consent', async () => {
    const res = await t.request('POST', '/api/item-releases', {
      token: agent,
      body: {
        projectId: t.fixture.projectA,
        unitId: t.fixture.unitsA[1],
        applicantName: '租客',
        relation: '租户',
        items: [{ name: '冰箱', qty: 1 }],
        releaseDate: '2026-12-06',
      },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('keys and loans', () => {
  it('signs a key out with a signature, refuses a second sign-out, reminds when overdue and takes it back', async () => {
    const key = await ok<DeskItem>(
      t,
      'POST',
      '/api/keys',
      agent,
      { projectId: t.fixture.projectA, name: '1栋水泵房', category: '设备房', location: '钥匙柜 A1' },
      201,
    );
    const out = await ok<DeskEntry>(
      t,
      'POST',
      `/api/keys/${key.id}/checkout`,
      agent,
      {
        borrowerName: '王师傅',
        signedName: '王师傅',
        expectedReturnAt: at('2026-12-06T11:00:00').toISOString(),
      },
      201,
    );
    expect(out).toMatchObject({ register: 'key', status: '借出', itemId: key.id });
    const twice = await t.request('POST', `/api/keys/${key.id}/checkout`, {
      token: agent,
      body: {
        borrowerName: '李',
        signedName: '李',
        expectedReturnAt: at('2026-12-06T12:00:00').toISOString(),
      },
    });
    expect(twice.statusCode).toBe(409);
    t.clock.set(at('2026-12-06T12:00:00'));
    expect((await sweepDesk(t.services)).overdue).toBeGreaterThanOrEqual(1);
    const listed = await ok<{ items: DeskItem[] }>(
      t,
      'GET',
      `/api/keys?projectId=${t.fixture.projectA}`,
      agent,
    );
    expect(listed.items.find((k) => k.id === key.id)).toMatchObject({ status: '借出', overdue: true });
    const back = await ok<DeskEntry>(t, 'POST', `/api/keys/${key.id}/return`, agent, {});
    expect(back.status).toBe('已归还');
    t.clock.set(at('2026-12-06T09:00:00'));
  });

  it('lends a wheelchair against an ID shown and takes it back', async () => {
    const loan = await ok<DeskEntry>(
      t,
      'POST',
      '/api/loans',
      agent,
      {
        projectId: t.fixture.projectA,
        category: '轮椅',
        itemName: '轮椅 1 号',
        borrowerName: '王芳',
        phone: '13912340001',
        idKind: '身份证',
        idLast4: '1233',
        expectedReturnAt: at('2026-12-07T18:00:00').toISOString(),
      },
      201,
    );
    expect(loan).toMatchObject({ status: '借出', itemName: '轮椅 1 号' });
    expect(loan.phone).not.toBe('13912340001');
    const back = await ok<DeskEntry>(t, 'POST', `/api/loans/${loan.id}/return`, agent, {});
    expect(back.status).toBe('已归还');
  });
});

import type { Contractor, ContractorEvaluation, ContractorVisit } from '@guanjia/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { ok, type TicketView } from '../tickets/testing/helpers';
import { contractorMonthSummary } from './evaluations';
import { remindExpiringContracts } from './expiry-job';

/** W-27 under the scenario clock: a contract near its end, a visit signed in and out, the month's score. */
let t: TestServer;
let admin: string;
let tech: string;
let otis: Contractor;
let woNumber: string;
const at = (s: string) => new Date(`${s}+08:00`);

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(at('2026-11-10T09:00:00'));
  [admin, tech] = await Promise.all([t.login('admin'), t.login('tech_a')]);
  otis = await ok<Contractor>(
    t,
    'POST',
    '/api/contractors',
    admin,
    {
      projectId: t.fixture.projectA,
      name: '奥的斯电梯（中国）有限公司',
      trade: '电梯维保',
      systems: ['电梯'],
      contacts: [{ name: '周工', phone: '13900001111', role: '现场负责人' }],
      credentials: '特种设备作业人员证 T2024-0311',
    },
    201,
  );
  const ticket = await ok<TicketView>(
    t,
    'POST',
    '/api/tickets',
    admin,
    {
      projectId: t.fixture.projectA,
      type: '报修',
      unitId: t.fixture.unitsA[0],
      description: '2号梯平层不准',
      contactPhone: '13812345678',
    },
    201,
  );
  woNumber = ticket.workOrders[0]!.number;
});
afterAll(async () => t?.close());

describe('a maintenance contractor (W-27)', () => {
  it('keeps contracts and flags one ending within the reminder period', async () => {
    await ok(
      t,
      'POST',
      `/api/contractors/${otis.id}/contracts`,
      admin,
      {
        title: '2026年度电梯维保合同',
        scope: '6台直梯半月保养，故障30分钟到场',
        startsOn: '2025-12-01',
        endsOn: '2026-11-30',
        amountFen: 8_640_000,
        systems: ['电梯'],
      },
      201,
    );
    const c = await ok<Contractor>(t, 'GET', `/api/contractors/${otis.id}`, admin);
    expect(c.contracts[0]).toMatchObject({ daysLeft: 20, expiring: true, amountFen: 8_640_000 });
    // The daily reminder tells the project manager once, however often it runs.
    expect(await remindExpiringContracts(t.services)).toBe(1);
    await remindExpiringContracts(t.services);
    const manager = await t.login('manager_a');
    const bell = await ok<{ items: { kind: string; body: string }[] }>(
      t,
      'GET',
      '/api/notifications?pageSize=50',
      manager,
    );
    const told = bell.items.filter((n) => n.kind === 'contract.expiring');
    expect(told).toHaveLength(1);
    expect(told[0]?.body).toContain('2026-11-30');
    const bad = await t.request('POST', `/api/contractors/${otis.id}/contracts`, {
      token: admin,
      body: { title: 'x', startsOn: '2026-12-01', endsOn: '2026-01-01', amountFen: 1 },
    });
    expect(bad.statusCode).toBe(400);
    const stale = await t.request('PATCH', `/api/contractors/${otis.id}`, {
      token: admin,
      body: { version: 1, trade: 'x' },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('signs a visit in against a work order and out with the site check; the duty room may do it', async () => {
    const noRef = await t.request('POST', '/api/contractor-visits', {
      token: tech,
      body: {
        projectId: t.fixture.projectA,
        contractorId: otis.id,
        visitorName: '周工',
        purpose: '半月保养',
      },
    });
    expect(noRef.statusCode).toBe(400);
    const v = await ok<ContractorVisit>(
      t,
      'POST',
      '/api/contractor-visits',
      tech,
      {
        projectId: t.fixture.projectA,
        contractorId: otis.id,
        visitorName: '周工',
        headcount: 2,
        purpose: '2号梯平层调整',
        workOrderNumber: woNumber,
        inspectionTaskId: 12345,
        safetyBriefing: true,
        escortId: t.fixture.users.tech_a,
      },
      201,
    );
    expect(v).toMatchObject({
      workOrderNumber: woNumber,
      inspectionTaskId: 12345,
      escortName: '维修工甲',
      signedOutAt: null,
    });
    t.clock.set(at('2026-11-10T11:30:00'));
    const out = await ok<ContractorVisit>(t, 'POST', `/api/contractor-visits/${v.id}/sign-out`, tech, {
      siteChecked: true,
    });
    expect(out.signedOutAt).toBe(at('2026-11-10T11:30:00').toISOString());
    const twice = await t.request('POST', `/api/contractor-visits/${v.id}/sign-out`, {
      token: tech,
      body: { siteChecked: true },
    });
    expect(twice.statusCode).toBe(409);
    await ok(
      t,
      'POST',
      '/api/contractor-visits',
      tech,
      {
        projectId: t.fixture.projectA,
        contractorId: otis.id,
        visitorName: '李工',
        purpose: '半月保养',
        workOrderNumber: woNumber,
        safetyBriefing: false,
      },
      201,
    );
  });

  it('scores the month from its items, suggested by the visits; once per month', async () => {
    const suggestion = await ok<{ visits: number; items: { key: string; score: number }[] }>(
      t,
      'GET',
      `/api/contractor-evaluations/suggest?contractorId=${otis.id}&month=2026-11`,
      admin,
    );
    expect(suggestion.visits).toBe(2);
    expect(suggestion.items.find((i) => i.key === 'safetyBriefing')?.score).toBe(7.5);
    const e = await ok<ContractorEvaluation>(
      t,
      'POST',
      '/api/contractor-evaluations',
      admin,
      {
        contractorId: otis.id,
        month: '2026-11',
        scores: Object.fromEntries(suggestion.items.map((i) => [i.key, i.score])),
        note: '一次未做安全交底',
      },
      201,
    );
    expect(e).toMatchObject({ total: 83, grade: '合格', settlementPercent: 100 });
    const again = await t.request('POST', '/api/contractor-evaluations', {
      token: admin,
      body: { contractorId: otis.id, month: '2026-11', scores: {} },
    });
    expect(again.statusCode).toBe(409);
    const edited = await ok<ContractorEvaluation>(t, 'PATCH', `/api/contractor-evaluations/${e.id}`, admin, {
      version: e.version,
      scores: { quality: 10, safetyBriefing: 0 },
    });
    expect(edited).toMatchObject({ total: 65, grade: '待改进', settlementPercent: 95 });
    const summary = await contractorMonthSummary(t.services.database.db, {
      projectId: t.fixture.projectA,
      month: '2026-11',
    });
    expect(summary.contractors[0]).toMatchObject({ visits: 2, total: 65, grade: '待改进' });
    const xlsx = await t.request('GET', `/api/contractors/export.xlsx?projectId=${t.fixture.projectA}`, {
      token: admin,
    });
    expect(xlsx.headers['x-total-count']).toBe('1');
  });
});

import { expect } from 'vitest';
import type { Fixture } from '../../../testing/fixture';
import type { ScopeCase } from '../../../testing/scope';
import type { TestServer } from '../../../testing/test-server';

export interface QualityRecordsOfB {
  sheet: number;
  inspection: number;
  finding: number;
  rectification: number;
  plan: number;
  campaign: number;
}

/** Project B's sheet copy, submitted inspection with its 整改单, plan and campaign: out of A's reach. */
export async function qualityRecordsOfB(server: TestServer, admin: string): Promise<QualityRecordsOfB> {
  const f = server.fixture;
  const call = async <T>(method: string, url: string, body: unknown, status = 201) => {
    const res = await server.request(method, url, { token: admin, body });
    expect(res.statusCode, `${url} ${res.body}`).toBe(status);
    return res.json() as T;
  };
  const sheets = await call<{ items: { id: number; code: string }[] }>(
    'GET',
    '/api/score-sheets',
    undefined,
    200,
  );
  const base = sheets.items.find((s) => s.code === 'notice-board-weekly')!;
  const sheet = await call<{ id: number }>('POST', `/api/score-sheets/${base.id}/copy`, {
    projectId: f.projectB,
  });
  const i = await call<{ id: number }>('POST', '/api/inspections', {
    sheetId: sheet.id,
    projectId: f.projectB,
  });
  const withFinding = await call<{ findings: { id: number }[] }>(
    'POST',
    `/api/inspections/${i.id}/findings`,
    {
      itemId: 'b3',
      note: '乙方公告过期',
    },
  );
  const open = await call<{ id: number }>('POST', '/api/inspections', {
    sheetId: sheet.id,
    projectId: f.projectB,
  });
  await call('POST', `/api/inspections/${open.id}/findings`, { itemId: 'b1', note: 'x' });
  const done = await call<{ findings: { rectificationId: number }[] }>(
    'POST',
    `/api/inspections/${i.id}/submit`,
    undefined,
    200,
  );
  const plan = await call<{ id: number }>('POST', '/api/inspection-plans', {
    projectId: f.projectB,
    title: '乙方公告栏检查',
    sheetCode: 'notice-board-weekly',
    inspectorId: f.users.manager_b,
    recurrence: 'weekly',
    weekday: 5,
    time: '14:00',
    startsOn: '2026-12-01',
  });
  const campaign = await call<{ id: number }>('POST', '/api/quality-campaigns', {
    projectId: f.projectB,
    title: '乙方品质提升',
  });
  return {
    sheet: sheet.id,
    inspection: open.id,
    finding: withFinding.findings[0]!.id,
    rectification: done.findings[0]!.rectificationId,
    plan: plan.id,
    campaign: campaign.id,
  };
}

export function qualityScopeCases(f: Fixture, b: QualityRecordsOfB): Record<string, ScopeCase[]> {
  const pB = f.projectB;
  const i = `/api/inspections/${b.inspection}`;
  const r = `/api/rectifications/${b.rectification}`;
  const c = `/api/quality-campaigns/${b.campaign}`;
  const s = `/api/score-sheets/${b.sheet}`;
  return {
    'GET /api/score-sheets/:id': [{ method: 'GET', url: s }],
    'GET /api/score-sheets/:id/versions': [{ method: 'GET', url: `${s}/versions` }],
    'POST /api/score-sheets/:id/copy': [{ method: 'POST', url: `${s}/copy`, body: {} }],
    'POST /api/score-sheets/:id/versions': [
      {
        method: 'POST',
        url: `${s}/versions`,
        body: {
          sheetVersion: 1,
          sections: [
            { key: 'a', title: 'a', items: [{ key: 'a', title: 'a', points: 1, rule: 'pass_fail' }] },
          ],
        },
      },
    ],
    'GET /api/score-sheets': [{ method: 'GET', url: `/api/score-sheets?projectId=${pB}` }],
    'GET /api/inspection-plans': [{ method: 'GET', url: `/api/inspection-plans?projectId=${pB}` }],
    'POST /api/inspection-plans': [
      {
        method: 'POST',
        url: '/api/inspection-plans',
        body: {
          projectId: pB,
          title: 'x',
          sheetCode: 'nines-daily',
          inspectorId: f.users.manager_b,
          recurrence: 'workdays',
          time: '08:55',
          startsOn: '2026-12-01',
        },
      },
    ],
    'PATCH /api/inspection-plans/:id': [
      { method: 'PATCH', url: `/api/inspection-plans/${b.plan}`, body: { version: 1, active: false } },
    ],
    'POST /api/inspections': [
      { method: 'POST', url: '/api/inspections', body: { sheetId: b.sheet, projectId: pB } },
    ],
    'GET /api/inspections/:id': [{ method: 'GET', url: i }],
    'PATCH /api/inspections/:id': [{ method: 'PATCH', url: i, body: { version: 1, area: 'x' } }],
    'POST /api/inspections/:id/findings': [
      { method: 'POST', url: `${i}/findings`, body: { itemId: 'b1', note: 'x' } },
    ],
    'DELETE /api/inspections/:id/findings/:findingId': [
      { method: 'DELETE', url: `${i}/findings/${b.finding}` },
    ],
    'POST /api/inspections/:id/submit': [{ method: 'POST', url: `${i}/submit` }],
    'GET /api/inspections/:id/report.pdf': [{ method: 'GET', url: `${i}/report.pdf` }],
    'GET /api/rectifications/:id': [{ method: 'GET', url: r }],
    'POST /api/rectifications/:id/submit': [{ method: 'POST', url: `${r}/submit`, body: { note: 'x' } }],
    'POST /api/rectifications/:id/recheck': [{ method: 'POST', url: `${r}/recheck`, body: { pass: true } }],
    'GET /api/quality-campaigns': [{ method: 'GET', url: `/api/quality-campaigns?projectId=${pB}` }],
    'POST /api/quality-campaigns': [
      { method: 'POST', url: '/api/quality-campaigns', body: { projectId: pB, title: 'x' } },
    ],
    'GET /api/quality-campaigns/:id': [{ method: 'GET', url: c }],
    'PATCH /api/quality-campaigns/:id': [{ method: 'PATCH', url: c, body: { version: 1, title: 'x' } }],
    'POST /api/quality-campaigns/:id/scores': [
      { method: 'POST', url: `${c}/scores`, body: { departmentId: 1, score: 90 } },
    ],
    'GET /api/quality-campaigns/:id/results': [{ method: 'GET', url: `${c}/results` }],
    'GET /api/reports/quality': [{ method: 'GET', url: `/api/reports/quality?projectId=${pB}` }],
  };
}

export function qualityListCases(b: QualityRecordsOfB): Record<string, [string, number[]]> {
  return {
    'GET /api/inspections': ['/api/inspections?pageSize=200', [b.inspection]],
    'GET /api/rectifications': ['/api/rectifications?pageSize=200', [b.rectification]],
  };
}

export const qualityExportCases = (f: Fixture): Record<string, string> => ({
  'GET /api/inspections?format=xlsx': `/api/inspections?format=xlsx&projectId=${f.projectB}`,
  'GET /api/rectifications?format=xlsx': `/api/rectifications?format=xlsx&projectId=${f.projectB}`,
});

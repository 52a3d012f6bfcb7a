import { expect } from 'vitest';
import type { Fixture } from '../../../testing/fixture';
import type { ScopeCase } from '../../../testing/scope';
import type { TestServer } from '../../../testing/test-server';

export interface SurveyRecordsOfB {
  zone: number;
  template: number;
  campaign: number;
  visit: number;
  care: number;
}

/** Project B's zone, questionnaire, campaign, visit and care campaign: what a caller scoped to A must never reach. */
export async function surveyRecordsOfB(server: TestServer, admin: string): Promise<SurveyRecordsOfB> {
  const f = server.fixture;
  const post = async (url: string, body: unknown, status = 201) => {
    const res = await server.request('POST', url, { token: admin, body });
    expect(res.statusCode, `${url} ${res.body}`).toBe(status);
    return res.json() as { id: number; items?: { id: number }[] };
  };
  const section = {
    title: '总体',
    questions: [
      { key: 'overall', text: '总体满意度', type: 'single', options: ['满意', '不满意'], overall: true },
    ],
  };
  const zone = await post('/api/zones', {
    projectId: f.projectB,
    code: 'B1',
    name: '乙一区',
    buildingIds: [f.buildingB],
  });
  const template = await post('/api/survey-templates', {
    projectId: f.projectB,
    name: '乙方问卷',
    sections: [section],
  });
  const today = server.clock.now().toISOString().slice(0, 10);
  const campaign = await post('/api/survey-campaigns', {
    projectId: f.projectB,
    templateId: template.id,
    name: '乙方调查',
    startsOn: today,
    endsOn: '2099-12-31',
  });
  const visit = await post('/api/visits', {
    projectId: f.projectB,
    unitId: f.unitsB[0],
    purpose: '关怀',
    plannedOn: today,
    visitorIds: [f.users.manager_b],
  });
  const care = await post('/api/care-campaigns', {
    projectId: f.projectB,
    kind: '空调滤网',
    name: '乙方空调滤网清洗',
    startsOn: today,
    dueOn: '2099-09-30',
  });
  return {
    zone: zone.id,
    template: template.id,
    campaign: campaign.id,
    visit: visit.id,
    care: care.items![0]!.id,
  };
}

export function surveyScopeCases(f: Fixture, b: SurveyRecordsOfB): Record<string, ScopeCase[]> {
  const c = `/api/survey-campaigns/${b.campaign}`;
  const v = `/api/visits/${b.visit}`;
  const pB = f.projectB;
  const answers = { answers: { overall: '满意' } };
  return {
    'GET /api/zones/:id': [{ method: 'GET', url: `/api/zones/${b.zone}` }],
    'POST /api/zones': [{ method: 'POST', url: '/api/zones', body: { projectId: pB, code: 'X', name: 'x' } }],
    'PATCH /api/zones/:id': [
      { method: 'PATCH', url: `/api/zones/${b.zone}`, body: { name: 'x', version: 1 } },
    ],
    'DELETE /api/zones/:id': [{ method: 'DELETE', url: `/api/zones/${b.zone}?version=1` }],
    'PUT /api/zone-scopes/:userId': [
      { method: 'PUT', url: `/api/zone-scopes/${f.users.manager_b}`, body: { zoneIds: [b.zone] } },
    ],
    'POST /api/survey-templates': [
      {
        method: 'POST',
        url: '/api/survey-templates',
        body: {
          projectId: pB,
          name: 'x',
          sections: [{ title: 'x', questions: [{ key: 'a', text: 'x', type: 'text' }] }],
        },
      },
    ],
    'PATCH /api/survey-templates/:id': [
      { method: 'PATCH', url: `/api/survey-templates/${b.template}`, body: { name: 'x', version: 1 } },
    ],
    'POST /api/survey-campaigns': [
      {
        method: 'POST',
        url: '/api/survey-campaigns',
        body: {
          projectId: pB,
          templateId: b.template,
          name: 'x',
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
        },
      },
    ],
    'GET /api/survey-campaigns/:id': [{ method: 'GET', url: c }],
    'GET /api/survey-campaigns/:id/results': [{ method: 'GET', url: `${c}/results` }],
    'GET /api/survey-campaigns/:id/invitations': [{ method: 'GET', url: `${c}/invitations` }],
    'GET /api/survey-campaigns/:id/form': [{ method: 'GET', url: `${c}/form?unitId=${f.unitsB[0]}` }],
    'POST /api/survey-campaigns/:id/responses': [
      { method: 'POST', url: `${c}/responses`, body: { unitId: f.unitsB[0], channel: 'phone', ...answers } },
    ],
    'POST /api/survey-campaigns/:id/remind': [{ method: 'POST', url: `${c}/remind` }],
    'POST /api/survey-campaigns/:id/close': [{ method: 'POST', url: `${c}/close`, body: { version: 1 } }],
    'GET /api/survey-campaigns/:id/report.pdf': [{ method: 'GET', url: `${c}/report.pdf` }],
    'GET /api/reports/surveys': [{ method: 'GET', url: `/api/reports/surveys?projectId=${pB}` }],
    'GET /api/reports/surveys/export.xlsx': [
      { method: 'GET', url: `/api/reports/surveys/export.xlsx?projectId=${pB}` },
    ],
    'GET /api/visits/suggestions': [{ method: 'GET', url: `/api/visits/suggestions?projectId=${pB}` }],
    'GET /api/visits/:id': [{ method: 'GET', url: v }],
    'POST /api/visits': [
      {
        method: 'POST',
        url: '/api/visits',
        body: {
          projectId: pB,
          unitId: f.unitsB[0],
          purpose: '关怀',
          plannedOn: '2026-12-01',
          visitorIds: [f.users.manager_b],
        },
      },
    ],
    'POST /api/visits/:id/confirm': [
      {
        method: 'POST',
        url: `${v}/confirm`,
        body: { appointmentAt: '2026-12-01T10:00:00+08:00', version: 1 },
      },
    ],
    'POST /api/visits/:id/result': [
      { method: 'POST', url: `${v}/result`, body: { outcome: 'visited', version: 1 } },
    ],
    'GET /api/reports/visits': [{ method: 'GET', url: `/api/reports/visits?projectId=${pB}&month=2026-12` }],
    'GET /api/reports/visits/export.xlsx': [
      { method: 'GET', url: `/api/reports/visits/export.xlsx?projectId=${pB}&month=2026-12` },
    ],
    'GET /api/care/calendar': [{ method: 'GET', url: `/api/care/calendar?projectId=${pB}&month=2026-12` }],
    'GET /api/care-campaigns': [{ method: 'GET', url: `/api/care-campaigns?projectId=${pB}` }],
    'POST /api/care-campaigns': [
      {
        method: 'POST',
        url: '/api/care-campaigns',
        body: { projectId: pB, kind: '外墙玻璃', name: 'x', startsOn: '2026-01-01', dueOn: '2026-06-30' },
      },
    ],
  };
}

export const surveyListCases = (b: SurveyRecordsOfB): Record<string, [string, number[]]> => ({
  'GET /api/zones': ['/api/zones', [b.zone]],
  'GET /api/survey-templates': ['/api/survey-templates', [b.template]],
  'GET /api/survey-campaigns': ['/api/survey-campaigns?pageSize=200', [b.campaign]],
  'GET /api/visits': ['/api/visits?pageSize=200', [b.visit]],
});

export const surveyExportCases = (f: Fixture): Record<string, string> => ({
  'GET /api/visits/export.xlsx': `/api/visits/export.xlsx?projectId=${f.projectB}`,
});

/** Company-level: the caller's own company's standard questionnaire, and reading a user's zones (only its projects' zones). */
export const SURVEY_COMPANY_LEVEL = ['POST /api/survey-templates/standard', 'GET /api/zone-scopes/:userId'];

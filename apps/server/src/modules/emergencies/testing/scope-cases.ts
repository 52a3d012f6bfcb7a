import { expect } from 'vitest';
import type { Fixture } from '../../../testing/fixture';
import type { ScopeCase } from '../../../testing/scope';
import type { TestServer } from '../../../testing/test-server';

export interface EmergencyRecordsOfB {
  emergency: number;
  plan: number;
  shift: number;
}

/** Project B's emergency, plan and duty shift: what a caller scoped to A must never reach. */
export async function emergencyRecordsOfB(server: TestServer, admin: string): Promise<EmergencyRecordsOfB> {
  const f = server.fixture;
  const post = async (url: string, body: unknown, status = 201) => {
    const res = await server.request('POST', url, { token: admin, body });
    expect(res.statusCode, `${url} ${res.body}`).toBe(status);
    return res.json() as { id: number };
  };
  await post('/api/emergency-plans/defaults', { projectId: f.projectB }, 200);
  const plans = (
    await server.request('GET', `/api/emergency-plans?projectId=${f.projectB}`, { token: admin })
  ).json() as { items: { id: number }[] };
  const shift = await post('/api/duty-roster', {
    projectId: f.projectB,
    role: 'team_leader',
    userId: f.users.manager_b,
    date: '2026-12-06',
    startTime: '08:00',
    endTime: '20:00',
  });
  const emergency = await post('/api/emergencies', {
    projectId: f.projectB,
    type: '爆管',
    level: '一般',
    place: 'T1栋地下室',
    description: '乙方爆管',
  });
  return { emergency: emergency.id, plan: plans.items[0]!.id, shift: shift.id };
}

export function emergencyScopeCases(f: Fixture, b: EmergencyRecordsOfB): Record<string, ScopeCase[]> {
  const e = `/api/emergencies/${b.emergency}`;
  const step = `${e}/steps/1`;
  const plan = { name: 'x', steps: [] as unknown[] };
  return {
    'POST /api/emergencies': [
      { method: 'POST', url: '/api/emergencies', body: { projectId: f.projectB, type: '爆管', place: 'x' } },
    ],
    'GET /api/emergencies/:id': [{ method: 'GET', url: e }],
    'POST /api/emergencies/:id/steps/:stepId/ack': [{ method: 'POST', url: `${step}/ack` }],
    'POST /api/emergencies/:id/steps/:stepId/checkin': [
      { method: 'POST', url: `${step}/checkin`, body: { code: 'x' } },
    ],
    'POST /api/emergencies/:id/status': [
      { method: 'POST', url: `${e}/status`, body: { to: '已控制', version: 1 } },
    ],
    'POST /api/emergencies/:id/notify': [{ method: 'POST', url: `${e}/notify`, body: { residentText: 'x' } }],
    'PUT /api/emergencies/:id/report': [
      { method: 'PUT', url: `${e}/report`, body: { cause: 'x', version: 1 } },
    ],
    'POST /api/emergencies/:id/review': [
      { method: 'POST', url: `${e}/review`, body: { cause: 'x', course: 'x', evaluation: 'x' } },
    ],
    'POST /api/emergencies/:id/rectifications': [
      {
        method: 'POST',
        url: `${e}/rectifications`,
        body: { title: 'x', ownerId: f.users.manager_b, dueDate: '2026-12-31' },
      },
    ],
    'PATCH /api/emergencies/:id/rectifications/:itemId': [
      { method: 'PATCH', url: `${e}/rectifications/1`, body: { done: true } },
    ],
    'POST /api/emergencies/:id/close': [{ method: 'POST', url: `${e}/close`, body: { version: 1 } }],
    'POST /api/emergencies/:id/storm-tasks/:taskId/done': [
      { method: 'POST', url: `${e}/storm-tasks/1/done` },
    ],
    'GET /api/emergencies/:id/report.pdf': [{ method: 'GET', url: `${e}/report.pdf` }],
    'GET /api/emergency-plans': [{ method: 'GET', url: `/api/emergency-plans?projectId=${f.projectB}` }],
    'POST /api/emergency-plans': [
      {
        method: 'POST',
        url: '/api/emergency-plans',
        body: {
          projectId: f.projectB,
          type: '火灾',
          level: '一般',
          name: 'x',
          steps: [
            {
              key: 'a',
              title: 'a',
              role: 'team_leader',
              proof: 'ack',
              afterStartMinutes: 1,
              afterPreviousMinutes: null,
              escalateTo: 'project_head',
            },
          ],
        },
      },
    ],
    'POST /api/emergency-plans/defaults': [
      { method: 'POST', url: '/api/emergency-plans/defaults', body: { projectId: f.projectB } },
    ],
    'PUT /api/emergency-plans/:id': [
      {
        method: 'PUT',
        url: `/api/emergency-plans/${b.plan}`,
        body: {
          ...plan,
          version: 1,
          steps: [
            {
              key: 'a',
              title: 'a',
              role: 'team_leader',
              proof: 'ack',
              afterStartMinutes: 1,
              afterPreviousMinutes: null,
              escalateTo: 'project_head',
            },
          ],
        },
      },
    ],
    'DELETE /api/emergency-plans/:id': [
      { method: 'DELETE', url: `/api/emergency-plans/${b.plan}?version=1` },
    ],
    'GET /api/duty-roster': [
      { method: 'GET', url: `/api/duty-roster?projectId=${f.projectB}&from=2026-12-01&to=2026-12-31` },
    ],
    'POST /api/duty-roster': [
      {
        method: 'POST',
        url: '/api/duty-roster',
        body: {
          projectId: f.projectB,
          role: 'team_leader',
          userId: f.users.manager_b,
          date: '2026-12-06',
          startTime: '08:00',
          endTime: '20:00',
        },
      },
    ],
    'DELETE /api/duty-roster/:id': [{ method: 'DELETE', url: `/api/duty-roster/${b.shift}` }],
    'GET /api/reports/emergencies': [
      {
        method: 'GET',
        url: `/api/reports/emergencies?projectId=${f.projectB}&from=2020-01-01&to=2030-01-01`,
      },
    ],
  };
}

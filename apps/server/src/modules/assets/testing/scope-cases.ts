import { expect } from 'vitest';
import type { ScopeCase } from '../../../testing/scope';
import type { TestServer } from '../../../testing/test-server';

/** Project B's equipment, plan and task: what a caller scoped to project A must never reach. */
export async function assetRecordsOfB(server: TestServer, admin: string) {
  const f = server.fixture;
  const post = async (url: string, body: unknown) => {
    const res = await server.request('POST', url, { token: admin, body });
    expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(300);
    return res.json() as { id: number; qr: string };
  };
  const equipment = await post('/api/equipment', {
    projectId: f.projectB,
    code: 'B-PUMP-1',
    name: '乙方水泵',
    system: '给排水',
    type: '水泵',
  });
  const plan = await post('/api/maintenance-plans', {
    projectId: f.projectB,
    name: '乙方水泵巡检',
    system: '给排水',
    target: 'equipment',
    equipmentId: equipment.id,
    frequency: { kind: 'daily' },
    startDate: '2020-01-01',
    items: [{ id: 'ok', label: '正常', kind: 'pass' }],
  });
  const tasks = (
    await server.request('GET', `/api/inspection-tasks?projectId=${f.projectB}`, { token: admin })
  ).json() as { items: { id: number }[] };
  const task = tasks.items[0]?.id ?? 999_999;
  return { equipmentB: equipment.id, equipmentQrB: equipment.qr, planB: plan.id, taskB: task };
}

type Records = Awaited<ReturnType<typeof assetRecordsOfB>>;

export function assetScopeCases(projectB: number, b: Records): Record<string, ScopeCase[]> {
  const v = { version: 1 };
  return {
    'POST /api/equipment': [
      {
        method: 'POST',
        url: '/api/equipment',
        body: { projectId: projectB, code: 'X1', name: '越权', system: '其他' },
      },
    ],
    'GET /api/equipment/:id': [{ method: 'GET', url: `/api/equipment/${b.equipmentB}` }],
    'PATCH /api/equipment/:id': [
      { method: 'PATCH', url: `/api/equipment/${b.equipmentB}`, body: { ...v, name: 'x' } },
    ],
    'POST /api/equipment/:id/status': [
      { method: 'POST', url: `/api/equipment/${b.equipmentB}/status`, body: { ...v, status: '停用' } },
    ],
    'DELETE /api/equipment/:id': [{ method: 'DELETE', url: `/api/equipment/${b.equipmentB}` }],
    'GET /api/equipment/labels.pdf': [
      { method: 'GET', url: `/api/equipment/labels.pdf?ids=${b.equipmentB}` },
    ],
    'POST /api/equipment/import': [
      { method: 'POST', url: `/api/equipment/import?projectId=${projectB}`, body: {} },
    ],
    'GET /api/scan': [{ method: 'GET', url: `/api/scan?code=${encodeURIComponent(b.equipmentQrB)}` }],
    'GET /api/maintenance-plans/:id': [{ method: 'GET', url: `/api/maintenance-plans/${b.planB}` }],
    'PATCH /api/maintenance-plans/:id': [
      { method: 'PATCH', url: `/api/maintenance-plans/${b.planB}`, body: { ...v, name: 'x' } },
    ],
    'POST /api/maintenance-plans': [
      {
        method: 'POST',
        url: '/api/maintenance-plans',
        body: {
          projectId: projectB,
          name: '越权',
          system: '其他',
          target: 'system',
          frequency: { kind: 'daily' },
          startDate: '2026-01-01',
          items: [{ id: 'ok', label: 'x', kind: 'pass' }],
        },
      },
    ],
    'POST /api/maintenance-plans/generate': [
      {
        method: 'POST',
        url: '/api/maintenance-plans/generate',
        body: { projectId: projectB, systems: ['电梯'] },
      },
    ],
    'GET /api/inspection-tasks/:id': [{ method: 'GET', url: `/api/inspection-tasks/${b.taskB}` }],
    'POST /api/inspection-tasks/:id/results': [
      {
        method: 'POST',
        url: `/api/inspection-tasks/${b.taskB}/results`,
        body: { idempotencyKey: 'leak', items: [{ itemId: 'ok', pass: true }] },
      },
    ],
    'GET /api/reports/maintenance': [
      { method: 'GET', url: `/api/reports/maintenance?projectId=${projectB}&month=2026-11` },
    ],
  };
}

export function assetListCases(b: Records): Record<string, [string, number[]]> {
  return {
    'GET /api/equipment': ['/api/equipment?pageSize=200', [b.equipmentB]],
    'GET /api/maintenance-plans': ['/api/maintenance-plans?pageSize=200', [b.planB]],
    'GET /api/inspection-tasks': ['/api/inspection-tasks?pageSize=200', [b.taskB]],
  };
}

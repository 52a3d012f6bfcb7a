import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { getSetting } from './get-setting';
import { LOGIN_MAX_FAILURES, PHONE_ANSWER_RINGS } from './registry';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await createTestServer();
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

interface SettingView {
  key: string;
  qid: string | null;
  value: unknown;
  source: string;
  version: number | null;
}
const find = async (projectId?: number) => {
  const res = await t.request('GET', `/api/settings${projectId ? `?projectId=${projectId}` : ''}`, {
    token: admin,
  });
  return (res.json() as { items: SettingView[] }).items.find((s) => s.key === PHONE_ANSWER_RINGS.key)!;
};

describe('settings inherit product default → company → project', () => {
  it('starts at the seed value with its Q-id', async () => {
    expect(await find(t.fixture.projectA)).toMatchObject({ qid: 'Q01', value: 3, source: 'default' });
  });

  it('company override applies to every project; a project override wins for that project', async () => {
    const company = await t.request('PUT', `/api/settings/${PHONE_ANSWER_RINGS.key}`, {
      token: admin,
      body: { value: 4 },
    });
    expect(company.statusCode, company.body).toBe(200);
    expect(await find(t.fixture.projectA)).toMatchObject({ value: 4, source: 'company' });
    const project = await t.request('PUT', `/api/settings/${PHONE_ANSWER_RINGS.key}`, {
      token: admin,
      body: { projectId: t.fixture.projectB, value: 2 },
    });
    expect(project.statusCode).toBe(200);
    expect(await find(t.fixture.projectB)).toMatchObject({ value: 2, source: 'project' });
    expect(await find(t.fixture.projectA)).toMatchObject({ value: 4, source: 'company' });
    const scope = { companyId: t.fixture.companyId };
    expect(
      await getSetting(t.services.database.db, PHONE_ANSWER_RINGS, {
        ...scope,
        projectId: t.fixture.projectB,
      }),
    ).toBe(2);
    expect(await getSetting(t.services.database.db, LOGIN_MAX_FAILURES, scope)).toBe(5);
  });

  it('validates values and versions, and resets to the inherited value', async () => {
    const bad = await t.request('PUT', `/api/settings/${PHONE_ANSWER_RINGS.key}`, {
      token: admin,
      body: { value: 'three' },
    });
    expect(bad.statusCode).toBe(400);
    const unknown = await t.request('PUT', '/api/settings/no.such.key', { token: admin, body: { value: 1 } });
    expect(unknown.statusCode).toBe(404);
    const stale = await t.request('PUT', `/api/settings/${PHONE_ANSWER_RINGS.key}`, {
      token: admin,
      body: { value: 5 },
    });
    expect(stale.statusCode).toBe(409);
    const current = await find();
    expect(
      (
        await t.request('PUT', `/api/settings/${PHONE_ANSWER_RINGS.key}`, {
          token: admin,
          body: { value: 5, version: current.version },
        })
      ).statusCode,
    ).toBe(200);
    const reset = await t.request(
      'DELETE',
      `/api/settings/${PHONE_ANSWER_RINGS.key}?projectId=${t.fixture.projectB}`,
      { token: admin },
    );
    expect(reset.statusCode).toBe(200);
    expect(await find(t.fixture.projectB)).toMatchObject({ value: 5, source: 'company' });
    const audit = (await t.request('GET', '/api/events?entityType=setting', { token: admin })).json() as {
      items: { action: string }[];
    };
    expect(audit.items.map((e) => e.action)).toEqual([
      'setting.reset',
      'setting.changed',
      'setting.changed',
      'setting.changed',
    ]);
  });
});

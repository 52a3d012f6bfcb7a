import type {
  SurveyCampaign,
  SurveyForm,
  SurveyResults,
  SurveyTemplate,
  VisitReport,
  Zone,
} from '@guanjia/shared/api';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { projects, units } from '../org/schema';
import { ok } from '../tickets/testing/helpers';
import { warnQuota } from '../visits/jobs';
import { moveInSweep } from '../visits/move-in';

/**
 * A survey campaign under the scenario clock (portal, SMS link and phone answers, reminders, the
 * quiet window, results and the close), move-in visits with one missed, and a butler limited to a zone.
 */
let t: TestServer;
let admin: string;
let agent: string;
const at = (s: string) => new Date(`${s}+08:00`);
const all = {
  overall: '满意',
  kf_attitude: '满意',
  kf_response: '满意',
  gc_speed: '一般',
  gc_quality: '不满意',
  zx_patrol: '满意',
  zx_parking: '满意',
  hj_clean: '满意',
  hj_garbage: '满意',
  lh_green: '满意',
  sf_clear: '满意',
};

beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(at('2026-06-01T09:00:00'));
  [admin, agent] = await Promise.all([t.login('admin'), t.login('agent_a')]);
});
afterAll(async () => t?.close());

async function lastCode(phone: string): Promise<string | null> {
  const res = await t.request('GET', '/api/deliveries?sourceType=portal_code&pageSize=50', { token: admin });
  const items = (res.json() as { items: { recipient: string; body: string }[] }).items;
  const hit = items.find((d) => d.recipient === `+86${phone}`);
  return hit ? (/验证码为(\d{6})/.exec(hit.body)?.[1] ?? null) : null;
}
async function portalLogin(phone: string): Promise<string> {
  expect((await t.request('POST', '/api/portal/auth/code', { body: { phone } })).statusCode).toBe(202);
  await t.services.queue.drain();
  const res = await t.request('POST', '/api/portal/auth/login', {
    body: { phone, code: await lastCode(phone) },
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { token: string }).token;
}
const surveySms = async () =>
  (
    (await t.request('GET', '/api/deliveries?sourceType=survey&pageSize=200', { token: admin })).json() as {
      items: { recipient: string; body: string }[];
    }
  ).items;

describe('a satisfaction campaign (W-22)', () => {
  let campaign: SurveyCampaign;
  it('opens on the standard questionnaire with one token per household and the SMS link', async () => {
    const tpl = await ok<SurveyTemplate>(t, 'POST', '/api/survey-templates/standard', admin);
    expect(tpl.name).toBe('物业服务满意度调查');
    expect(tpl.sections.flatMap((s) => s.questions).filter((q) => q.overall)).toHaveLength(1);
    // The same template again: still one.
    expect((await ok<SurveyTemplate>(t, 'POST', '/api/survey-templates/standard', admin)).id).toBe(tpl.id);
    campaign = await ok<SurveyCampaign>(
      t,
      'POST',
      '/api/survey-campaigns',
      admin,
      {
        projectId: t.fixture.projectA,
        templateId: tpl.id,
        name: '2026年上半年物业服务满意度调查',
        startsOn: '2026-06-01',
        endsOn: '2026-06-30',
        sendSms: true,
      },
      201,
    );
    expect(campaign).toMatchObject({ households: 3, responded: 0, status: 'open' });
    await t.services.queue.drain();
    // 李娜 has a landline only: two of the three households get the link.
    expect((await surveySms()).filter((d) => d.body.includes('/portal/s/'))).toHaveLength(2);
  });

  it('reminds households that have not answered, at most twice and three days apart', async () => {
    const remind = () => ok<SurveyCampaign>(t, 'POST', `/api/survey-campaigns/${campaign.id}/remind`, admin);
    expect((await remind()).remindersSent).toBe(0);
    t.clock.set(at('2026-06-04T10:00:00'));
    expect((await remind()).remindersSent).toBe(3);
    t.clock.set(at('2026-06-05T10:00:00'));
    expect((await remind()).remindersSent).toBe(3);
    t.clock.set(at('2026-06-07T10:00:00'));
    expect((await remind()).remindersSent).toBe(6);
    t.clock.set(at('2026-06-10T10:00:00'));
    expect((await remind()).remindersSent).toBe(6);
    await t.services.queue.drain();
    expect((await surveySms()).filter((d) => d.body.includes('提醒'))).toHaveLength(4);
  });

  it('takes a portal answer, an SMS-link answer and a phone interview, each household once', async () => {
    const zhang = await portalLogin('13812345678');
    const list = (await t.request('GET', '/api/portal/surveys', { token: zhang })).json() as {
      items: SurveyForm[];
    };
    expect(list.items).toHaveLength(1);
    const bad = await t.request('POST', `/api/portal/surveys/${campaign.id}/answers`, {
      token: zhang,
      body: { answers: { overall: '满意' } },
    });
    expect(bad.statusCode).toBe(400);
    const answered = await t.request('POST', `/api/portal/surveys/${campaign.id}/answers`, {
      token: zhang,
      body: { answers: all },
    });
    expect(answered.statusCode, answered.body).toBe(201);
    const again = await t.request('POST', `/api/portal/surveys/${campaign.id}/answers`, {
      token: zhang,
      body: { answers: all },
    });
    expect(again.statusCode).toBe(409);

    // 王芳 answers by the SMS link: no login, the token is the household's invitation.
    const link = (await surveySms()).find((d) => d.recipient === '+8613912340001')!.body;
    const token = /\/portal\/s\/([A-Za-z0-9_-]+)/.exec(link)![1]!;
    const form = await ok<SurveyForm>(t, 'GET', `/api/survey-links/${token}`, '');
    expect(form.unitId).toBe(t.fixture.unitsA[1]);
    const viaLink = await t.request('POST', `/api/survey-links/${token}/answers`, {
      body: { answers: { ...all, overall: '不满意', gc_speed: '不满意' } },
    });
    expect(viaLink.statusCode, viaLink.body).toBe(201);

    // 李娜 on the phone with an agent.
    const phone = await ok<SurveyCampaign>(
      t,
      'POST',
      `/api/survey-campaigns/${campaign.id}/responses`,
      agent,
      { unitId: t.fixture.unitsA[4], channel: 'phone', answers: { ...all, overall: '非常满意' } },
      201,
    );
    expect(phone.responded).toBe(3);

    const r = await ok<SurveyResults>(t, 'GET', `/api/survey-campaigns/${campaign.id}/results`, admin);
    expect(r).toMatchObject({ households: 3, responded: 3, coverage: 1, satisfied: 2, overallAnswered: 3 });
    expect(r.satisfaction).toBeCloseTo(2 / 3, 3);
    expect(r.byChannel.map((c) => c.channel).sort()).toEqual(['phone', 'portal', 'sms']);
    const eng = r.byDimension.find((d) => d.dimension === '工程维修')!;
    expect(eng).toMatchObject({ answered: 3, satisfied: 0, belowTarget: true });
    expect(r.byZone).toHaveLength(1);
  });

  it('does not ask a household again within the quiet window', async () => {
    const tpl = (await ok<{ items: SurveyTemplate[] }>(t, 'GET', '/api/survey-templates', admin)).items[0]!;
    const none = await t.request('POST', '/api/survey-campaigns', {
      token: admin,
      body: {
        projectId: t.fixture.projectA,
        templateId: tpl.id,
        name: 'x',
        startsOn: '2026-06-10',
        endsOn: '2026-06-30',
      },
    });
    expect(none.statusCode, none.body).toBe(400);
  });

  it('closes: dimensions below 70 % open rectification items', async () => {
    const c = await ok<SurveyCampaign>(t, 'GET', `/api/survey-campaigns/${campaign.id}`, admin);
    const closed = await ok<{ rectificationIds: number[]; campaign: SurveyCampaign }>(
      t,
      'POST',
      `/api/survey-campaigns/${campaign.id}/close`,
      admin,
      { version: c.version },
    );
    expect(closed.campaign.status).toBe('closed');
    expect(closed.rectificationIds).toHaveLength(1);
    const pdf = await t.request('GET', `/api/survey-campaigns/${campaign.id}/report.pdf`, { token: admin });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const stale = await t.request('POST', `/api/survey-campaigns/${campaign.id}/close`, {
      token: admin,
      body: { version: c.version },
    });
    expect(stale.statusCode).toBe(409);
  });
});

describe('move-in visits (Q86, Q87) and the quota (Q85)', () => {
  it('plans the care contact and three visits, warns when one is missed', async () => {
    t.clock.set(at('2026-06-12T09:00:00'));
    await t.services.database.db
      .update(units)
      .set({ handoverDate: '2026-06-10' })
      .where(eq(units.id, t.fixture.unitsA[0]!));
    const first = await moveInSweep(t.services);
    expect(first.planned).toBe(4);
    expect((await moveInSweep(t.services)).planned).toBe(0);
    const list = await ok<{
      items: { id: number; sourceKey?: string; purpose: string; dueOn: string; version: number }[];
    }>(t, 'GET', `/api/visits?projectId=${t.fixture.projectA}&unitId=${t.fixture.unitsA[0]}`, admin);
    expect(list.items.map((v) => v.dueOn).sort()).toEqual([
      '2026-06-13',
      '2026-06-17',
      '2026-06-17',
      '2026-07-10',
    ]);
    // The 3-day visit is done on time; the rest wait.
    const d3 = list.items.find((v) => v.dueOn === '2026-06-13')!;
    await ok(t, 'POST', `/api/visits/${d3.id}/result`, admin, {
      outcome: 'visited',
      opinions: '很满意',
      version: d3.version,
    });
    // On the 18th the care contact and the 1-week visit (both due on the 17th) are past due.
    t.clock.set(at('2026-06-18T09:00:00'));
    // Sessions last 14 days on the scenario clock too.
    admin = await t.login('admin');
    const later = await moveInSweep(t.services);
    expect(later.overdue).toBe(2);
    const report = await ok<VisitReport>(
      t,
      'GET',
      `/api/reports/visits?projectId=${t.fixture.projectA}&month=2026-06`,
      admin,
    );
    expect(report.moveIn).toMatchObject({ due: 3, onTime: 1, missed: 2 });
    expect(report.warnings.some((w) => w.includes('Q86'))).toBe(true);
    // Q84: the visit and the three survey answers cover every household once.
    expect(report).toMatchObject({ households: 3, covered: 3, coverage: 1 });
    expect(report.contactsByKind).toEqual({ visits: 1, surveys: 3, callbacks: 0 });
  });

  it('warns the project head short of the quota in the last days of the month', async () => {
    t.clock.set(at('2026-06-20T09:00:00'));
    expect(await warnQuota(t.services)).toBe(0);
    t.clock.set(at('2026-06-26T09:00:00'));
    admin = await t.login('admin');
    expect(await warnQuota(t.services)).toBeGreaterThan(0);
    const r = await ok<VisitReport>(
      t,
      'GET',
      `/api/reports/visits?projectId=${t.fixture.projectA}&month=2026-06`,
      admin,
    );
    expect(r.quota.required).toBe(10);
    expect(r.quota.heads.every((h) => h.warning)).toBe(true);
  });

  it('suggests never-contacted households first', async () => {
    const s = await ok<{ items: { unitId: number; reasons: string[] }[] }>(
      t,
      'GET',
      `/api/visits/suggestions?projectId=${t.fixture.projectA}`,
      admin,
    );
    expect(s.items.every((x) => x.unitId !== t.fixture.unitsA[0])).toBe(true);
  });
});

describe('a butler limited to a zone', () => {
  it('sees only the households of its zone', async () => {
    const zone = await ok<Zone>(
      t,
      'POST',
      '/api/zones',
      admin,
      { projectId: t.fixture.projectA, code: 'Z1', name: '一区', buildingIds: [t.fixture.buildingsA[0]] },
      201,
    );
    const taken = await t.request('POST', '/api/zones', {
      token: admin,
      body: {
        projectId: t.fixture.projectA,
        code: 'Z2',
        name: '二区',
        buildingIds: [t.fixture.buildingsA[0]],
      },
    });
    expect(taken.statusCode).toBe(409);
    await ok(t, 'PUT', `/api/zone-scopes/${t.fixture.users.agent_a}`, admin, { zoneIds: [zone.id] });
    const scoped = await t.login('agent_a');
    const [inZone] = await t.services.database.db
      .select({ b: units.buildingId })
      .from(units)
      .where(eq(units.id, t.fixture.unitsA[0]!));
    expect(inZone?.b).toBe(t.fixture.buildingsA[0]);
    const residents = await ok<{ items: { id: number; units: { unitId: number }[] }[] }>(
      t,
      'GET',
      `/api/residents?projectId=${t.fixture.projectA}`,
      scoped,
    );
    const everyone = await ok<{ items: { id: number }[] }>(
      t,
      'GET',
      `/api/residents?projectId=${t.fixture.projectA}`,
      admin,
    );
    expect(residents.items.length).toBeLessThan(everyone.items.length);
    const outside = everyone.items.find((r) => !residents.items.some((x) => x.id === r.id))!;
    expect(
      (await t.request('GET', `/api/residents/${outside.id}/overview`, { token: scoped })).statusCode,
    ).toBe(404);
    // Back to the whole project when the limit is removed.
    await ok(t, 'PUT', `/api/zone-scopes/${t.fixture.users.agent_a}`, admin, { zoneIds: [] });
    const again = await ok<{ items: unknown[] }>(
      t,
      'GET',
      `/api/residents?projectId=${t.fixture.projectA}`,
      await t.login('agent_a'),
    );
    expect(again.items.length).toBe(everyone.items.length);
  });
});

describe("a resident's surveys on the project's day", () => {
  it('lists a campaign on its last day in London while Shanghai is already past it', async () => {
    const f = t.fixture;
    await t.services.database.db
      .update(projects)
      .set({ timezone: 'Europe/London' })
      .where(eq(projects.id, f.projectB));
    // 20:00 on 31 December in London; 04:00 on 1 January in Shanghai.
    t.clock.set(new Date('2026-12-31T20:00:00Z'));
    // Months on: a fresh token (the portal login helper reads the codes with it).
    admin = await t.login('admin');
    const tpl = await ok<SurveyTemplate>(t, 'POST', '/api/survey-templates/standard', admin);
    const c = await ok<SurveyCampaign>(
      t,
      'POST',
      '/api/survey-campaigns',
      admin,
      {
        projectId: f.projectB,
        templateId: tpl.id,
        name: '年末问卷',
        startsOn: '2026-12-31',
        endsOn: '2026-12-31',
      },
      201,
    );
    const liu = await portalLogin('13712345678');
    const list = (await t.request('GET', '/api/portal/surveys', { token: liu })).json() as {
      items: SurveyForm[];
    };
    expect(list.items.map((x) => x.campaignId)).toEqual([c.id]);
    // And it takes the answer the same day, as the list promised.
    const answered = await t.request('POST', `/api/portal/surveys/${c.id}/answers`, {
      token: liu,
      body: { answers: all },
    });
    expect(answered.statusCode, answered.body).toBe(201);
  });
});

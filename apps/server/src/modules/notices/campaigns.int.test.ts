import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { CAMPAIGN_JOB } from './campaigns';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(async () => t?.close());

describe('scheduled campaigns', () => {
  it('greets residents on their birthday and reminds owners a month before the warranty ends (Q72)', async () => {
    t.clock.set(new Date('2026-03-02T10:00:00+08:00'));
    const admin = await t.login('admin');
    const f = t.fixture;
    const resident = (
      await t.request('GET', `/api/residents/${f.residentsA[0]}`, { token: admin })
    ).json() as {
      version: number;
    };
    const patched = await t.request('PATCH', `/api/residents/${f.residentsA[0]}`, {
      token: admin,
      body: { version: resident.version, birthday: '1980-03-02' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const unit = (await t.request('GET', `/api/units/${f.unitsA[1]}`, { token: admin })).json() as {
      version: number;
    };
    const u = await t.request('PATCH', `/api/units/${f.unitsA[1]}`, {
      token: admin,
      body: { version: unit.version, warrantyUntil: '2026-04-01' },
    });
    expect(u.statusCode, u.body).toBe(200);

    await t.services.queue.enqueue(CAMPAIGN_JOB, {});
    await t.services.queue.drain();
    const log = async (source: string) =>
      (
        (await t.request('GET', `/api/deliveries?sourceType=${source}`, { token: admin })).json() as {
          items: { residentId: number; channel: string; status: string; body: string }[];
        }
      ).items;
    const birthday = await log('birthday');
    expect(birthday.map((d) => [d.residentId, d.status])).toEqual([[f.residentsA[0], 'sent']]);
    expect(birthday[0]?.body).toContain('生日快乐');
    const warranty = await log('warranty');
    expect(warranty.map((d) => [d.residentId, d.channel, d.status])).toEqual([
      [f.residentsA[1], 'sms', 'sent'],
    ]);
    expect(warranty[0]?.body).toContain('1-2-102');
    expect(warranty[0]?.body).toContain('保修期将于4月1日到期');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, FIXTURE_PASSWORD, type TestServer } from '../../testing/test-server';

/** The per-address throttle allows 30 failures in 15 minutes (sessions.ts). */
const IP_MAX_FAILURES = 30;

const attempt = (
  t: TestServer,
  from: string,
  forwarded: string,
  password = 'wrong-password',
  username = 'nobody',
) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: from,
    headers: { 'x-forwarded-for': forwarded },
    payload: { username, password },
  });

const loginAddresses = async (t: TestServer) =>
  (
    await t.services.database.query<{ ip: string }>(
      "select after->>'ip' as ip from events where action = 'auth.login' order by id",
    )
  ).map((r) => r.ip);

describe('without GUANJIA_TRUST_PROXY', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await createTestServer();
  });
  afterAll(async () => t?.close());

  it('a forged X-Forwarded-For does not escape the per-address throttle', async () => {
    for (let i = 0; i < IP_MAX_FAILURES; i++) {
      const res = await attempt(t, '198.51.100.9', `203.0.113.${i + 1}`);
      expect(res.statusCode).toBe(401);
    }
    const blocked = await attempt(t, '198.51.100.9', '203.0.113.200', FIXTURE_PASSWORD, 'admin');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ error: { code: 'too_many_attempts' } });
    // Another client is not affected.
    expect((await attempt(t, '198.51.100.10', '203.0.113.1', FIXTURE_PASSWORD, 'admin')).statusCode).toBe(
      200,
    );
  });

  it('the login event records the connecting address, not the forged one', async () => {
    const res = await attempt(t, '198.51.100.11', '203.0.113.50', FIXTURE_PASSWORD, 'admin');
    expect(res.statusCode).toBe(200);
    expect((await loginAddresses(t)).at(-1)).toBe('198.51.100.11');
  });
});

describe('GUANJIA_TRUST_PROXY=127.0.0.1', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await createTestServer({ config: { trustProxy: ['127.0.0.1'] } });
  });
  afterAll(async () => t?.close());

  it('uses the address the trusted proxy forwards, for the throttle and the login event', async () => {
    for (let i = 0; i < IP_MAX_FAILURES; i++)
      expect((await attempt(t, '127.0.0.1', '203.0.113.7')).statusCode).toBe(401);
    const blocked = await attempt(t, '127.0.0.1', '203.0.113.7', FIXTURE_PASSWORD, 'admin');
    expect(blocked.statusCode).toBe(429);
    // Behind the same proxy, another client still logs in, and is recorded as itself.
    const other = await attempt(t, '127.0.0.1', '203.0.113.8', FIXTURE_PASSWORD, 'admin');
    expect(other.statusCode).toBe(200);
    expect((await loginAddresses(t)).at(-1)).toBe('203.0.113.8');
  });

  it('ignores X-Forwarded-For from a client that is not the proxy', async () => {
    const res = await attempt(t, '198.51.100.20', '203.0.113.9', FIXTURE_PASSWORD, 'admin');
    expect(res.statusCode).toBe(200);
    expect((await loginAddresses(t)).at(-1)).toBe('198.51.100.20');
  });
});

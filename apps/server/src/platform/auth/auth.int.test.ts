import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, FIXTURE_PASSWORD, type TestServer } from '../../testing/test-server';
import { hashPassword } from './password';
import { needsRehash, PASSWORD_COST } from './password-cost';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(async () => t?.close());

describe('auth', () => {
  it('logs in with a token and an HttpOnly SameSite cookie, and answers /me', async () => {
    const res = await t.request('POST', '/api/auth/login', {
      body: { username: 'admin', password: FIXTURE_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { token: string; user: { username: string; permissions: string[] } };
    expect(body.user.username).toBe('admin');
    expect(body.user.permissions).toContain('pii.view');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/guanjia_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await t.request('GET', '/api/auth/me', { headers: { cookie: cookie.split(';')[0]! } });
    expect(me.statusCode).toBe(200);
    expect((me.json() as { projectIds: number[] }).projectIds).toEqual([
      t.fixture.projectA,
      t.fixture.projectB,
    ]);
  });

  it('stores passwords as scrypt hashes, never in clear', async () => {
    const rows = await t.services.database.query<{ password_hash: string }>(
      'select password_hash from users',
    );
    for (const r of rows) {
      expect(r.password_hash).toMatch(/^scrypt\$/);
      expect(r.password_hash).not.toContain(FIXTURE_PASSWORD);
    }
  });

  it('rejects wrong passwords and locks the account after repeated failures', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await t.request('POST', '/api/auth/login', {
        body: { username: 'qa_a', password: 'wrong-password' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
    const locked = await t.request('POST', '/api/auth/login', {
      body: { username: 'qa_a', password: FIXTURE_PASSWORD },
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ error: { code: 'account_locked' } });
    t.clock.advanceMinutes(16);
    expect(await t.login('qa_a')).toBeTruthy();
  });

  it('logout ends the session', async () => {
    const token = await t.login('agent_a');
    expect((await t.request('POST', '/api/auth/logout', { token })).statusCode).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { token })).statusCode).toBe(401);
  });

  it('remembers the language per user', async () => {
    const token = await t.login('lead_a');
    const res = await t.request('PATCH', '/api/auth/me', { token, body: { locale: 'en' } });
    expect(res.statusCode).toBe(200);
    const again = await t.login('lead_a');
    expect(
      ((await t.request('GET', '/api/auth/me', { token: again })).json() as { locale: string }).locale,
    ).toBe('en');
  });

  it('answers 401 without a session', async () => {
    const res = await t.request('GET', '/api/residents');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });
});

describe('password hashing at the production cost', () => {
  let prod: TestServer;
  beforeAll(async () => {
    prod = await createTestServer({ config: { passwordCost: PASSWORD_COST } });
  });
  afterAll(async () => prod?.close());

  const storedHash = async (username: string) =>
    (
      await prod.services.database.query<{ password_hash: string }>(
        'select password_hash from users where username = $1',
        [username],
      )
    )[0]!.password_hash;

  it('upgrades an N=2^15 hash to N=2^17, r=8, p=1 on the next successful login', async () => {
    const old = await hashPassword(FIXTURE_PASSWORD, { n: 2 ** 15, r: 8, p: 1 });
    await prod.services.database.query('update users set password_hash = $1 where username = $2', [
      old,
      'agent_a',
    ]);
    // A failed login proves nothing about the password: the old hash stays.
    const wrong = await prod.request('POST', '/api/auth/login', {
      body: { username: 'agent_a', password: 'not-the-password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(await storedHash('agent_a')).toBe(old);

    await prod.login('agent_a');
    const upgraded = await storedHash('agent_a');
    expect(upgraded).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(needsRehash(upgraded, PASSWORD_COST)).toBe(false);
    // The new hash works, and a login at the current cost leaves it alone.
    await prod.login('agent_a');
    expect(await storedHash('agent_a')).toBe(upgraded);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';

/**
 * The envelope's message follows the caller's Accept-Language: the console (zh-CN by default) reads
 * Chinese, an English console or a caller naming no language we speak reads English. Codes and field
 * paths stay the same whatever the language, for programs.
 */
let t: TestServer;
let agent: string;
beforeAll(async () => {
  t = await createTestServer();
  agent = await t.login('agent_a');
});
afterAll(async () => t?.close());

type Envelope = { error: { code: string; message: string; details?: unknown } };
const HAN = /\p{Script=Han}/u;
const zh = { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' };
const en = { 'accept-language': 'en-US,en;q=0.9' };

describe('error messages in the caller’s language', () => {
  it('a validation failure: Chinese message and field messages for zh-CN, English for en, same paths', async () => {
    const body = { name: '', phones: 'not-a-list' };
    const zhRes = await t.request('POST', '/api/residents', { token: agent, body, headers: zh });
    const enRes = await t.request('POST', '/api/residents', { token: agent, body, headers: en });
    expect(zhRes.statusCode).toBe(400);
    const z = (zhRes.json() as Envelope).error;
    const e = (enRes.json() as Envelope).error;
    expect(z.code).toBe('validation_failed');
    expect(e.code).toBe('validation_failed');
    expect(z.message).toBe('请求内容有误');
    expect(e.message).toBe('The request is not valid');
    const zDetails = z.details as { path: string; message: string }[];
    const eDetails = e.details as { path: string; message: string }[];
    expect(zDetails.map((d) => d.path)).toEqual(eDetails.map((d) => d.path));
    expect(zDetails.length).toBeGreaterThan(0);
    for (const d of zDetails) expect(d.message, d.path).toMatch(HAN);
    for (const d of eDetails) expect(d.message, d.path).not.toMatch(HAN);
  });

  it('a missing record names the thing in Chinese', async () => {
    const zhRes = await t.request('GET', '/api/tickets/999999', { token: agent, headers: zh });
    expect(zhRes.statusCode).toBe(404);
    expect((zhRes.json() as Envelope).error).toMatchObject({ code: 'not_found', message: '工单不存在' });
    const enRes = await t.request('GET', '/api/tickets/999999', { token: agent, headers: en });
    expect((enRes.json() as Envelope).error).toMatchObject({
      code: 'not_found',
      message: 'Ticket not found',
    });
  });

  it('a missing permission, a wrong login and an unknown route', async () => {
    // An agent does not manage settings.
    const forbidden = await t.request('GET', '/api/settings', { token: agent, headers: zh });
    expect(forbidden.statusCode).toBe(403);
    expect((forbidden.json() as Envelope).error).toMatchObject({ code: 'forbidden' });
    expect((forbidden.json() as Envelope).error.message).toMatch(/^缺少权限：/);
    const login = await t.request('POST', '/api/auth/login', {
      body: { username: 'agent_a', password: 'wrong-password' },
      headers: zh,
    });
    expect(login.statusCode).toBe(401);
    expect((login.json() as Envelope).error.message).toBe('用户名或密码错误');
    const route = await t.request('GET', '/api/no-such-thing', { token: agent, headers: zh });
    expect((route.json() as Envelope).error).toMatchObject({ code: 'not_found' });
    expect((route.json() as Envelope).error.message).toMatch(HAN);
  });

  it('bad JSON, before any route runs, reads Chinese too', async () => {
    const res = await t.request('POST', '/api/residents', {
      token: agent,
      body: '{"name":',
      headers: { ...zh, 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Envelope).error).toMatchObject({
      code: 'invalid_json',
      message: '请求内容不是有效的 JSON',
    });
  });

  it('no Accept-Language, or one we do not speak, reads English; the highest weight wins', async () => {
    const none = await t.request('GET', '/api/tickets/999999', { token: agent });
    expect((none.json() as Envelope).error.message).toBe('Ticket not found');
    const french = await t.request('GET', '/api/tickets/999999', {
      token: agent,
      headers: { 'accept-language': 'fr-FR' },
    });
    expect((french.json() as Envelope).error.message).toBe('Ticket not found');
    const weighted = await t.request('GET', '/api/tickets/999999', {
      token: agent,
      headers: { 'accept-language': 'en;q=0.4, zh-CN;q=0.8' },
    });
    expect((weighted.json() as Envelope).error.message).toBe('工单不存在');
  });
});

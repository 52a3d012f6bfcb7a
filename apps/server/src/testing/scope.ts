import { expect } from 'vitest';
import type { TestServer } from './test-server';

export interface ScopeCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
}

/** Routes that answer without a session (everything else must answer 401 when anonymous). */
export const PUBLIC_ROUTES = new Set([
  'POST /api/auth/login',
  'GET /api/health',
  'GET /api/openapi.json',
  'POST /api/test/clock',
  'GET /api/live',
  // The resident portal's login (a phone and a one-time code) precedes any session.
  'POST /api/portal/auth/code',
  'POST /api/portal/auth/login',
  // The PBX and the IVR bridge authenticate with the project's telephony token (401 without it).
  'POST /api/telephony/events',
  'POST /api/ivr/:projectId/step',
  'POST /api/telephony/route',
  // IVR prompts are fetched by the PBX, which has no session: the step's URL is HMAC-signed (401 without).
  'GET /api/ivr/audio/:file',
  // Payment providers notify without a session: the provider's signature is checked (401 without).
  'POST /api/payments/notify/:provider',
  // 测试支付 stands in for the payer's phone, reached by the order's link (refused in production).
  'GET /api/payments/sandbox/:outTradeNo',
  'POST /api/payments/sandbox/:outTradeNo/pay',
  // 满意度调查's SMS link: the household's token is the credential (404 for an unknown one).
  'GET /api/survey-links/:token',
  'POST /api/survey-links/:token/answers',
]);

export const isPublic = (method: string, url: string) =>
  PUBLIC_ROUTES.has(`${method} ${url}`) || url.startsWith('/api/docs');

/**
 * A caller scoped to one project reaching another project's record must get the same 404 as for a
 * missing record — never the data, never a 403 that confirms it exists. Reusable by every module.
 */
export async function expectOutOfScope(t: TestServer, token: string, cases: ScopeCase[]): Promise<void> {
  for (const c of cases) {
    const res = await t.request(c.method, c.url, { token, body: c.body });
    expect(res.statusCode, `${c.method} ${c.url} → ${res.body}`).toBe(404);
    expect(res.json(), `${c.method} ${c.url}`).toMatchObject({ error: { code: 'not_found' } });
  }
}

/** A list seen by a scoped caller contains none of the given ids. */
export async function expectListExcludes(
  t: TestServer,
  token: string,
  url: string,
  ids: number[],
): Promise<void> {
  const res = await t.request('GET', url, { token });
  expect(res.statusCode, `${url} → ${res.body}`).toBe(200);
  const items = (res.json() as { items: { id: number }[] }).items;
  for (const id of ids)
    expect(
      items.map((i) => i.id),
      url,
    ).not.toContain(id);
}

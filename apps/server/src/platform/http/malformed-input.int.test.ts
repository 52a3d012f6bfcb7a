import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';

/**
 * Malformed input generated from the OpenAPI document, for every operation: NUL characters in every
 * string, over-long strings and path parameters, wrong types, bad JSON. Whatever a caller sends, the
 * answer is never a 5xx and every error is the envelope. Each group collects its failures and checks
 * them at once, so a regression names every operation it breaks.
 */

interface Schema {
  type?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: boolean;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
}
interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  method: string;
  path: string;
  params: Parameter[];
  body?: Schema;
}
type Path = (string | number)[];
/** A place in an input where a value can be put, and how to build an input holding it there. */
interface Slot {
  path: Path;
  leaf: Schema;
  build: (value: unknown) => unknown;
}

const NUL = 'a\u0000b';
const LONG = 'x'.repeat(100_000);
const LONG_PARAM = 'x'.repeat(150);
const FIXTURE_PHONE = '13812345678';

const DATE_TIME = '2030-01-07T02:00:00.000Z';
const STRING_CANDIDATES = ['a', 'A1', '1', '09:00', '021', '13812345678', '2030-01-07', 'a@example.com'];

function sampleString(s: Schema): string {
  if (s.format === 'date-time') return DATE_TIME;
  if (s.format === 'date') return '2030-01-07';
  if (s.format === 'email') return 'a@example.com';
  const min = s.minLength ?? 1;
  const fits = (v: string) =>
    v.length >= min &&
    v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY) &&
    (!s.pattern || new RegExp(s.pattern, 'u').test(v));
  return STRING_CANDIDATES.find(fits) ?? 'x'.repeat(min);
}

/** A value the schema accepts, as far as a generator can tell: required properties only. */
function sample(s: Schema, depth = 0): unknown {
  const branch = s.anyOf?.[0] ?? s.oneOf?.[0];
  if (branch) return sample(branch, depth + 1);
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'string':
      return sampleString(s);
    case 'integer':
    case 'number':
      return s.minimum === undefined ? 1 : Math.max(1, s.minimum + (s.exclusiveMinimum ? 1 : 0));
    case 'boolean':
      return false;
    case 'array':
      return depth > 6 || !s.items
        ? []
        : Array.from({ length: s.minItems ?? 0 }, () => sample(s.items!, depth + 1));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) {
        const prop = s.properties?.[key];
        if (prop && depth <= 6) out[key] = sample(prop, depth + 1);
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** Every place below s (strings, numbers, booleans, arrays, objects), each with its input builder. */
function slots(s: Schema, depth = 0): Slot[] {
  if (depth > 6) return [];
  const out: Slot[] = [];
  for (const branch of s.anyOf ?? s.oneOf ?? []) out.push(...slots(branch, depth + 1));
  if (s.type) out.push({ path: [], leaf: s, build: (v) => v });
  if (s.type === 'object') {
    const children = Object.entries(s.properties ?? {});
    if (typeof s.additionalProperties === 'object') children.push(['k', s.additionalProperties]);
    for (const [key, child] of children)
      for (const slot of slots(child, depth + 1))
        out.push({
          path: [key, ...slot.path],
          leaf: slot.leaf,
          build: (v) => ({ ...(sample(s) as object), [key]: slot.build(v) }),
        });
  }
  if (s.type === 'array' && s.items) {
    const items = s.items;
    for (const slot of slots(items, depth + 1))
      out.push({
        path: [0, ...slot.path],
        leaf: slot.leaf,
        build: (v) => [
          slot.build(v),
          ...Array.from({ length: Math.max(0, (s.minItems ?? 0) - 1) }, () => sample(items)),
        ],
      });
  }
  const seen = new Set<string>();
  return out.filter((slot) => {
    const key = `${slot.path.join('.')}:${slot.leaf.type}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function operationsOf(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      const content = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)
        ?.content;
      ops.push({
        method: method.toUpperCase(),
        path,
        params: (op.parameters as Parameter[] | undefined) ?? [],
        body: content?.['application/json']?.schema,
      });
    }
  return ops;
}

let t: TestServer;
let admin: string;
let resident: string;
let pbx: string;
let operations: Operation[];

beforeAll(async () => {
  t = await createTestServer();
  admin = await t.login('admin');
  resident = await portalLogin(FIXTURE_PHONE);
  // The PBX's routes check their project token before the body: with it, requests reach validation.
  const link = await t.request('POST', '/api/telephony/config/token', {
    token: admin,
    body: { projectId: t.fixture.projectA },
  });
  expect(link.statusCode, link.body).toBe(200);
  pbx = (link.json() as { token: string }).token;
  const doc = await t.request('GET', '/api/openapi.json');
  expect(doc.statusCode).toBe(200);
  // Logging out would end the session every other request relies on (and takes no input anyway).
  operations = operationsOf(doc.json()).filter((op) => !op.path.endsWith('/logout'));
});
afterAll(async () => t?.close());

async function portalLogin(phone: string): Promise<string> {
  const sent = await t.request('POST', '/api/portal/auth/code', { body: { phone } });
  expect(sent.statusCode, sent.body).toBe(202);
  await t.services.queue.drain();
  const res = await t.request('GET', '/api/deliveries?sourceType=portal_code&pageSize=50', { token: admin });
  const items = (res.json() as { items: { recipient: string; body: string }[] }).items;
  const code = /验证码为(\d{6})/.exec(items.find((d) => d.recipient === `+86${phone}`)?.body ?? '')?.[1];
  const login = await t.request('POST', '/api/portal/auth/login', { body: { phone, code } });
  expect(login.statusCode, login.body).toBe(200);
  return (login.json() as { token: string }).token;
}

interface Input {
  path?: Record<string, string>;
  query?: Record<string, string | string[]>;
  body?: unknown;
  rawBody?: { payload: string; contentType: string };
}

/** The request with every required parameter and body field filled in, and `input` on top. */
function send(op: Operation, input: Input): Promise<LightMyRequestResponse> {
  const pathValues: Record<string, string> = {};
  const query = new URLSearchParams();
  for (const p of op.params) {
    if (p.in === 'path') pathValues[p.name] = String(sample(p.schema ?? { type: 'string' }));
    if (p.in === 'query' && p.required && !(input.query && p.name in input.query))
      query.set(p.name, String(sample(p.schema ?? { type: 'string' })));
  }
  Object.assign(pathValues, input.path);
  for (const [name, value] of Object.entries(input.query ?? {}))
    for (const v of [value].flat()) query.append(name, v);
  const url =
    op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathValues[name] ?? '1')) +
    (query.size ? `?${query}` : '');
  const token = op.path.startsWith('/api/portal/') ? resident : admin;
  const body = input.body ?? (op.body ? sample(op.body) : undefined);
  return t.app.inject({
    method: op.method as 'GET',
    url,
    headers: {
      authorization: `Bearer ${token}`,
      'x-guanjia-token': pbx,
      ...(input.rawBody ? { 'content-type': input.rawBody.contentType } : {}),
    },
    ...(input.rawBody
      ? { payload: input.rawBody.payload }
      : body !== undefined
        ? { payload: body as object }
        : {}),
  });
}

/** Not a 5xx; an error answer is the envelope. Returns what is wrong, or null. */
function misfit(res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `${res.statusCode} ${res.body.slice(0, 200)}`;
  if (res.statusCode < 400) return null;
  let body: { error?: { code?: unknown; message?: unknown } };
  try {
    body = res.json();
  } catch {
    return `${res.statusCode} not JSON: ${res.body.slice(0, 200)}`;
  }
  const e = body.error;
  if (typeof e !== 'object' || e === null || typeof e.code !== 'string' || typeof e.message !== 'string')
    return `${res.statusCode} not the envelope: ${res.body.slice(0, 200)}`;
  return null;
}

const label = (op: Operation, what: string) => `${op.method} ${op.path} ${what}`;
const contextOf = { path: 'params', query: 'querystring', header: 'headers' } as const;

/** A wrong-typed stand-in for a value of schema s. */
function wrongTyped(s: Schema): unknown {
  switch (s.type) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
    case 'boolean':
      return 'not-a-value';
    case 'array':
      return { not: 'an array' };
    case 'object':
      return 'not an object';
    default:
      return undefined;
  }
}

describe('malformed input, generated from the OpenAPI document', () => {
  it('covers the API', () => {
    expect(operations.length).toBeGreaterThan(150);
  });

  it('refuses a NUL character in every string (body, query, path): 400 validation_failed naming the field', async () => {
    const failures: string[] = [];
    let cases = 0;
    const expectRefused = (op: Operation, where: string, res: LightMyRequestResponse) => {
      cases += 1;
      const body =
        res.statusCode === 400 ? (res.json() as { error: { code: string; details?: unknown } }) : null;
      const paths = Array.isArray(body?.error.details)
        ? (body.error.details as { path?: string }[]).map((d) => d.path)
        : [];
      if (body?.error.code !== 'validation_failed' || !paths.includes(where))
        failures.push(`${label(op, where)}: ${res.statusCode} ${res.body.slice(0, 160)}`);
    };
    for (const op of operations) {
      for (const p of op.params) {
        if (p.in === 'header' || p.schema?.type !== 'string') continue;
        const res = await send(
          op,
          p.in === 'path' ? { path: { [p.name]: NUL } } : { query: { [p.name]: NUL } },
        );
        expectRefused(op, `${contextOf[p.in]}.${p.name}`, res);
      }
      for (const slot of op.body ? slots(op.body) : []) {
        if (slot.leaf.type !== 'string' || slot.path.length === 0) continue;
        const res = await send(op, { body: slot.build(NUL) });
        expectRefused(op, `body.${slot.path.join('.')}`, res);
      }
    }
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThan(300);
  });

  it('answers over-long strings with a 4xx envelope (or takes them), never a 5xx', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      for (const p of op.params) {
        if (p.in !== 'query' || p.schema?.type !== 'string') continue;
        const wrong = misfit(await send(op, { query: { [p.name]: LONG } }));
        if (wrong) failures.push(`${label(op, `query.${p.name}`)}: ${wrong}`);
      }
      for (const slot of op.body ? slots(op.body) : []) {
        if (slot.leaf.type !== 'string' || slot.path.length === 0) continue;
        const wrong = misfit(await send(op, { body: slot.build(LONG) }));
        if (wrong) failures.push(`${label(op, `body.${slot.path.join('.')}`)}: ${wrong}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers a path parameter over 100 characters with 414 uri_too_long in the envelope', async () => {
    const failures: string[] = [];
    for (const op of operations)
      for (const p of op.params.filter((x) => x.in === 'path')) {
        const res = await send(op, { path: { [p.name]: LONG_PARAM } });
        const code =
          res.statusCode === 414 ? (res.json() as { error?: { code?: string } }).error?.code : null;
        if (code !== 'uri_too_long')
          failures.push(`${label(op, p.name)}: ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    expect(failures).toEqual([]);
  });

  it('answers wrong types (body fields, the body itself, query parameters) with a 4xx envelope', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      for (const p of op.params) {
        if (p.in !== 'query') continue;
        const type = p.schema?.type;
        const value = type === 'string' ? ['a', 'b'] : 'not-a-value';
        const wrong = misfit(await send(op, { query: { [p.name]: value } }));
        if (wrong) failures.push(`${label(op, `query.${p.name}`)}: ${wrong}`);
      }
      if (!op.body) continue;
      for (const slot of slots(op.body)) {
        const value = wrongTyped(slot.leaf);
        if (value === undefined) continue;
        const wrong = misfit(await send(op, { body: slot.build(value) }));
        if (wrong) failures.push(`${label(op, `body.${slot.path.join('.')}`)}: ${wrong}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers bad JSON, an empty JSON body and a foreign content type with their envelope codes', async () => {
    const failures: string[] = [];
    const cases: [Input['rawBody'], number, string][] = [
      [{ payload: '{"broken": ', contentType: 'application/json' }, 400, 'invalid_json'],
      [{ payload: '{"__proto__": {"admin": true}}', contentType: 'application/json' }, 400, 'invalid_json'],
      [{ payload: '', contentType: 'application/json' }, 400, 'invalid_json'],
      // Fastify reads text/plain as a string, which no object schema takes.
      [{ payload: 'hello', contentType: 'text/plain' }, 400, 'validation_failed'],
      [{ payload: '<a/>', contentType: 'application/xml' }, 415, 'unsupported_media_type'],
    ];
    // A payment provider's notification is read byte for byte (its signature covers the raw body), so
    // a body that is not JSON is refused by the signature check (401), not by a JSON parser.
    const parsed = operations.filter((o) => o.body && !o.path.startsWith('/api/payments/notify/'));
    for (const op of parsed)
      for (const [rawBody, status, code] of cases) {
        const res = await send(op, { rawBody });
        const got =
          res.statusCode === status ? (res.json() as { error?: { code?: string } }).error?.code : null;
        if (got !== code)
          failures.push(
            `${label(op, `${rawBody?.contentType} ${rawBody?.payload}`)}: ${res.statusCode} ${res.body.slice(0, 160)}`,
          );
      }
    expect(failures).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';

interface Operation {
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}
type Document = { paths: Record<string, Record<string, Operation>> };

let t: TestServer;
let doc: Document;
beforeAll(async () => {
  t = await createTestServer();
  const res = await t.request('GET', '/api/openapi.json');
  expect(res.statusCode).toBe(200);
  doc = res.json() as Document;
});
afterAll(() => t.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
  );

describe('GET /api/openapi.json', () => {
  it('lists the routes', () => {
    expect(operations().length).toBeGreaterThan(150);
  });

  // The console's types come from the same schemas: an answer without one is an answer nobody checked.
  it('declares a 2xx response for every operation, with a schema for every body', () => {
    const missing: string[] = [];
    for (const { name, op } of operations()) {
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2/.test(status));
      if (!success.length) missing.push(`${name}: no 2xx response`);
      for (const [status, response] of success) {
        // 204 (and any answer declared without a body) has no content; every body has a schema.
        if (status === '204') continue;
        const content = Object.entries(response.content ?? {});
        if (!content.length) missing.push(`${name} ${status}: no content`);
        for (const [type, media] of content)
          if (!media.schema) missing.push(`${name} ${status} ${type}: no schema`);
      }
    }
    expect(missing).toEqual([]);
  });
});

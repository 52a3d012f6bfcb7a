import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { createTestServer, type TestServer } from '../../testing/test-server';
import type { App } from '../http/app-types';
import { type LogSink, setFaultSink } from './log-fault';

/** With GUANJIA_LOG off (no access log), a 5xx and a failed job still leave their stack on the fault log. */
let t: TestServer;
let app: App;
let lines: Record<string, unknown>[];
let previous: LogSink;

beforeAll(async () => {
  t = await createTestServer();
  // The app as main.ts builds it without GUANJIA_LOG, plus one route with a bug in it.
  app = await buildApp(t.services, { logger: false });
  app.get('/api/test-only/broken', async function brokenHandler() {
    throw new TypeError('cannot read the unreadable');
  });
  await app.ready();
  previous = setFaultSink({ write: (line: string) => lines.push(JSON.parse(line)) });
});
afterAll(async () => {
  setFaultSink(previous);
  await app?.close();
  await t?.close();
});

describe('the fault log', () => {
  it('records a 500 with its stack and the request id the caller was given', async () => {
    lines = [];
    const res = await app.inject({ method: 'GET', url: '/api/test-only/broken?x=1' });
    expect(res.statusCode).toBe(500);
    const { error } = res.json() as { error: { code: string; details: { requestId: string } } };
    expect(error.code).toBe('internal');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'error',
      msg: 'request failed',
      reqId: error.details.requestId,
      method: 'GET',
      url: '/api/test-only/broken',
      status: 500,
      err: { type: 'TypeError', message: 'cannot read the unreadable' },
    });
    expect((lines[0]!.err as { stack: string }).stack).toContain('brokenHandler');
  });

  it('leaves a caller’s mistake (4xx) out of it', async () => {
    lines = [];
    const res = await app.inject({ method: 'GET', url: '/api/units?page=zero' });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(lines).toEqual([]);
  });

  it('records every failed attempt of a job, with its stack, and the final failure', async () => {
    lines = [];
    const { queue } = t.services;
    queue.register('test.always-fails', async function sendToGateway() {
      throw new Error('网关拒绝');
    });
    const id = await queue.enqueue('test.always-fails', {}, { maxAttempts: 2 });
    await queue.drain();
    t.clock.advanceMinutes(5);
    await queue.drain();
    expect(lines.map((l) => l.msg)).toEqual(['job attempt failed, will retry', 'job failed']);
    expect(lines[1]).toMatchObject({
      level: 'error',
      jobId: id,
      job: 'test.always-fails',
      attempt: 2,
      err: { message: '网关拒绝' },
    });
    expect((lines[1]!.err as { stack: string }).stack).toContain('sendToGateway');
  });
});

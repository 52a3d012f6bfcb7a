import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';

/**
 * Refusals that happen before a route runs — Node's HTTP parser (431) and Fastify's router (414) —
 * over a real socket, as a browser or a PBX meets them: the envelope, never the framework's own body.
 */
let t: TestServer;
let port: number;
beforeAll(async () => {
  t = await createTestServer({ listen: true });
  port = (t.app.server.address() as { port: number }).port;
});
afterAll(async () => t?.close());

/** Writes raw bytes and reads the answer until the server closes or completes it. */
function raw(request: string): Promise<{ status: number; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      data += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        contentType: /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '',
        body,
      });
    });
  });
}

const codeOf = (body: string) => (JSON.parse(body) as { error: { code: string; message: string } }).error;

describe('refusals before routing, over HTTP', () => {
  it('answers a URL over the header limit with 431 headers_too_large in the envelope', async () => {
    const res = await raw(`GET /api/units?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.contentType).toContain('application/json');
    expect(codeOf(res.body)).toMatchObject({ code: 'headers_too_large' });
  });

  it('answers headers over the limit with 431 headers_too_large in the envelope', async () => {
    const res = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'y'.repeat(20_000)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(codeOf(res.body)).toMatchObject({ code: 'headers_too_large' });
  });

  it('answers a malformed request line with 400 bad_request in the envelope', async () => {
    const res = await raw('NOT A REQUEST\r\n\r\n');
    expect(res.status).toBe(400);
    expect(codeOf(res.body)).toMatchObject({ code: 'bad_request' });
  });

  it('answers a path parameter over 100 characters with 414 uri_too_long in the envelope', async () => {
    const res = await raw(
      `GET /api/units/${'9'.repeat(150)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    );
    expect(res.status).toBe(414);
    expect(codeOf(res.body)).toMatchObject({ code: 'uri_too_long' });
  });

  it('answers a path with broken percent-encoding with 400 bad_request in the envelope', async () => {
    const res = await raw('GET /api/units/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(res.status).toBe(400);
    expect(codeOf(res.body)).toMatchObject({ code: 'bad_request' });
  });
});

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postFile } from '../../testing/multipart';
import { createTestServer, type TestServer } from '../../testing/test-server';

let t: TestServer;
let admin: string;
let techA: string;
let techB: string;
let agent: string;
const ZHANG = '13812345678';

/** A real camera-sized photo: 3000×2000 noise-free gradient JPEG. */
async function photo(width = 3000, height = 2000, format: 'jpeg' | 'png' = 'jpeg'): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } });
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 90 }).toBuffer();
}

async function lastCode(phone: string): Promise<string> {
  const res = await t.request('GET', '/api/deliveries?sourceType=portal_code&pageSize=50', { token: admin });
  const items = (res.json() as { items: { recipient: string; body: string }[] }).items;
  return /验证码为(\d{6})/.exec(items.find((d) => d.recipient === `+86${phone}`)?.body ?? '')?.[1] ?? '';
}
async function portalLogin(phone: string): Promise<string> {
  await t.request('POST', '/api/portal/auth/code', { body: { phone } });
  await t.services.queue.drain();
  const res = await t.request('POST', '/api/portal/auth/login', {
    body: { phone, code: await lastCode(phone) },
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { token: string }).token;
}

beforeAll(async () => {
  t = await createTestServer();
  [admin, techA, techB, agent] = await Promise.all([
    t.login('admin'),
    t.login('tech_a'),
    t.login('tech_b'),
    t.login('agent_a'),
  ]);
});
afterAll(async () => t?.close());

interface Uploaded {
  id: number;
  url: string;
  thumbnailUrl: string;
  width: number;
  height: number;
  mime: string;
}

describe('uploads', () => {
  it('re-encodes a camera photo to ≤ 1600 px JPEG with a thumbnail, type read from the content', async () => {
    const png = await photo(3000, 2000, 'png');
    // Named .txt and sent as text/plain: the bytes decide, and a PNG photo is stored as JPEG.
    const res = await postFile(
      t,
      `/api/uploads?projectId=${t.fixture.projectA}`,
      techA,
      png,
      'x.txt',
      'text/plain',
    );
    expect(res.statusCode, res.body).toBe(201);
    const up = res.json() as Uploaded;
    expect(up).toMatchObject({ url: `/api/uploads/${up.id}`, thumbnailUrl: `/api/uploads/${up.id}/thumb` });
    expect(up).toMatchObject({ width: 1600, height: 1067, mime: 'image/jpeg' });

    const full = await t.request('GET', up.url, { token: techA });
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(full.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1600, 1067]);
    const thumb = await t.request('GET', up.thumbnailUrl, { token: techA });
    const tm = await sharp(thumb.rawPayload).metadata();
    expect(Math.max(tm.width ?? 0, tm.height ?? 0)).toBe(320);

    // The desk of the project sees it; a technician of project B does not (404, as if missing).
    expect((await t.request('GET', up.url, { token: agent })).statusCode).toBe(200);
    expect((await t.request('GET', up.url, { token: techB })).statusCode).toBe(404);
  });

  it('refuses what is not a raster image, an SVG named .jpg, and files over 10 MB', async () => {
    const text = await postFile(t, '/api/uploads', techA, Buffer.from('hello, not an image'), 'a.jpg');
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>x</script></svg>',
    );
    expect((await postFile(t, '/api/uploads', techA, svg, 'a.jpg')).statusCode).toBe(415);
    const big = Buffer.concat([await photo(64, 64), Buffer.alloc(10 * 1024 * 1024 + 10)]);
    const tooBig = await postFile(t, '/api/uploads', techA, big, 'big.jpg');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    const json = await t.request('POST', '/api/uploads', { token: techA, body: { a: 1 } });
    expect(json.statusCode).toBe(415);
    expect((await postFile(t, '/api/uploads', null, await photo(10, 10))).statusCode).toBe(401);
  });

  it('keeps an upload without a project to its author until a record of a project takes it', async () => {
    const res = await postFile(t, '/api/uploads', techA, await photo(800, 600));
    const up = res.json() as Uploaded;
    expect(up.width).toBe(800);
    expect((await t.request('GET', up.url, { token: techA })).statusCode).toBe(200);
    expect((await t.request('GET', up.url, { token: agent })).statusCode).toBe(404);
    // Project B's staff cannot attach it, and cannot upload into project A.
    const intoA = await postFile(
      t,
      `/api/uploads?projectId=${t.fixture.projectA}`,
      techB,
      await photo(10, 10),
    );
    expect(intoA.statusCode).toBe(404);
  });

  it('lets a resident upload from the portal and read back only their own; the desk reads it once reported', async () => {
    const zhang = await portalLogin(ZHANG);
    const res = await postFile(t, '/api/portal/uploads', zhang, await photo(2000, 3000));
    expect(res.statusCode, res.body).toBe(201);
    const up = res.json() as Uploaded;
    expect([up.width, up.height]).toEqual([1067, 1600]);
    expect((await t.request('GET', `/api/portal/uploads/${up.id}`, { token: zhang })).statusCode).toBe(200);
    // The same routes as staff use answer the resident's bearer token too.
    expect((await t.request('GET', up.url, { token: zhang })).statusCode).toBe(200);
    // A staff token is no portal session, and the desk does not see a photo nobody attached yet.
    expect((await t.request('GET', `/api/portal/uploads/${up.id}`, { token: agent })).statusCode).toBe(401);
    expect((await t.request('GET', up.url, { token: agent })).statusCode).toBe(404);

    const report = await t.request('POST', '/api/portal/tickets', {
      token: zhang,
      body: {
        unitId: t.fixture.unitsA[0],
        type: '报修',
        description: '卫生间吊顶渗水',
        attachments: [{ url: up.url, name: '渗水.jpg' }],
      },
    });
    expect(report.statusCode, report.body).toBe(201);
    expect((await t.request('GET', up.url, { token: agent })).statusCode).toBe(200);
    expect((await t.request('GET', up.url, { token: techB })).statusCode).toBe(404);
  });
});

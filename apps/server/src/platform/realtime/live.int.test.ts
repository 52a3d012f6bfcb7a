import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestServer, type TestServer } from '../../testing/test-server';

let t: TestServer;
let base: string;
beforeAll(async () => {
  t = await createTestServer({ listen: true });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `ws://127.0.0.1:${address.port}/api/live`;
});
afterAll(async () => t?.close());

function connect(
  token?: string,
): Promise<{ ws: WebSocket; messages: { type: string; projectId?: number }[]; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(token ? `${base}?token=${token}` : base);
    const messages: { type: string; projectId?: number }[] = [];
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string };
      messages.push(message);
      if (message.type === 'hello') resolve({ ws, messages, closed });
    });
    ws.on('close', (code) =>
      code === 4401 ? resolve({ ws, messages, closed: Promise.resolve(code) }) : undefined,
    );
    ws.on('error', reject);
  });
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
};

describe('/api/live', () => {
  it('refuses anonymous sockets', async () => {
    const { closed } = await connect();
    expect(await closed).toBe(4401);
  });

  it('delivers changes only to users whose scope includes the project', async () => {
    const admin = await t.login('admin');
    const a = await connect(await t.login('agent_a'));
    const b = await connect(await t.login('manager_b'));
    const resident = (
      await t.request('GET', `/api/residents/${t.fixture.residentsA[0]}`, { token: admin })
    ).json() as { version: number };
    const res = await t.request('PATCH', `/api/residents/${t.fixture.residentsA[0]}`, {
      token: admin,
      body: { notes: '已回访', version: resident.version },
    });
    expect(res.statusCode).toBe(200);
    await until(() => a.messages.some((m) => m.type === 'resident.updated'));
    expect(a.messages).toContainEqual(
      expect.objectContaining({
        type: 'resident.updated',
        projectId: t.fixture.projectA,
        entityId: t.fixture.residentsA[0],
      }),
    );
    // Give a wrongly delivered message the same time to arrive before asserting it did not.
    await new Promise((r) => setTimeout(r, 100));
    expect(b.messages.map((m) => m.type)).toEqual(['hello']);
    a.ws.close();
    b.ws.close();
  });
});

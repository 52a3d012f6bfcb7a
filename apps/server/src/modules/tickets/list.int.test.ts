import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../testing/test-server';
import { leafCategory, MONDAY_10, ok, onDuty, type TicketView } from './testing/helpers';

// The list's query shapes at scale (list-tickets.ts, queries.ts): each filter must still answer
// exactly what it did as one plain WHERE.
let t: TestServer;
let agent: string;
let leak: number;
const made: TicketView[] = [];
beforeAll(async () => {
  t = await createTestServer();
  t.clock.set(MONDAY_10);
  agent = await t.login('agent_a');
  await onDuty(t, await t.login('tech_a'), t.fixture.users.tech_a);
  leak = await leafCategory(t, agent, '户内/水/漏水');
  const intake = (body: Record<string, unknown>) =>
    ok<TicketView>(t, 'POST', '/api/tickets', agent, { projectId: t.fixture.projectA, ...body }, 201);
  made.push(
    await intake({
      type: '报修',
      priority: '急',
      categoryId: leak,
      contactName: '王芳',
      contactPhone: '13900001111',
      description: '厨房漏水',
    }),
  );
  made.push(
    await intake({
      type: '咨询',
      channel: 'portal',
      contactName: '李雷',
      contactPhone: '13900002222',
      description: '物业费怎么交',
    }),
  );
  t.clock.set(new Date(MONDAY_10.getTime() + 86_400_000));
  made.push(
    await intake({
      type: '投诉',
      contactName: '韩梅梅',
      contactPhone: '13900003333',
      description: '楼上漏水到我家',
    }),
  );
});
afterAll(async () => t?.close());

interface List {
  items: { id: number }[];
  total: number;
  totalCapped: boolean;
}
const list = (query: string) => ok<List>(t, 'GET', `/api/tickets?${query}`, agent);
const ids = async (query: string) => (await list(query)).items.map((i) => i.id);

describe('ticket list', () => {
  it('finds one- and two-character text (the bigram index) as well as longer text', async () => {
    expect(await ids(`q=${encodeURIComponent('漏水')}`)).toEqual([made[2]!.id, made[0]!.id]);
    expect(await ids(`q=${encodeURIComponent('王芳')}`)).toEqual([made[0]!.id]);
    expect(await ids(`q=${encodeURIComponent('李')}`)).toEqual([made[1]!.id]);
    expect(await ids(`q=${encodeURIComponent('物业费怎么')}`)).toEqual([made[1]!.id]);
    expect((await list('q=1390000')).totalCapped).toBe(false);
  });

  it('looks a whole ticket or work-order number up', async () => {
    expect(await ids(`q=${made[1]!.number.toLowerCase()}`)).toEqual([made[1]!.id]);
    expect(await ids(`q=${made[0]!.workOrders[0]!.number}`)).toEqual([made[0]!.id]);
  });

  it('lists by assignee: the owner agent or the technician holding a work order', async () => {
    const byTech = await list(`assigneeId=${t.fixture.users.tech_a}`);
    expect(byTech.items.map((i) => i.id)).toEqual([made[0]!.id]);
    expect(byTech).toMatchObject({ total: 1, totalCapped: false });
    // The agent took the phone calls (accepted on the spot), not the portal request.
    expect(await ids(`assigneeId=${t.fixture.users.agent_a}`)).toEqual([made[2]!.id, made[0]!.id]);
    expect(await ids(`assigneeId=${t.fixture.users.agent_a}&sort=oldest`)).toEqual([
      made[0]!.id,
      made[2]!.id,
    ]);
    expect(await ids(`assigneeId=${t.fixture.users.agent_a}&type=${encodeURIComponent('投诉')}`)).toEqual([
      made[2]!.id,
    ]);
    expect(
      (await list(`assigneeId=${t.fixture.users.agent_a}&page=2&pageSize=1`)).items.map((i) => i.id),
    ).toEqual([made[0]!.id]);
  });

  it('filters a date range newest first, and by any level of the category tree', async () => {
    const from = encodeURIComponent(MONDAY_10.toISOString());
    const to = encodeURIComponent(new Date(MONDAY_10.getTime() + 2 * 86_400_000).toISOString());
    expect(await ids(`from=${from}&to=${to}`)).toEqual([made[2]!.id, made[1]!.id, made[0]!.id]);
    expect(await ids(`from=${from}&to=${to}&sort=oldest`)).toEqual([made[0]!.id, made[1]!.id, made[2]!.id]);
    const water = await ok<{ items: { id: number; path: string }[] }>(
      t,
      'GET',
      '/api/ticket-categories',
      agent,
    );
    const mid = water.items.find((c) => c.path === '户内/水')!.id;
    expect(await ids(`categoryId=${mid}`)).toEqual([made[0]!.id]);
  });
});

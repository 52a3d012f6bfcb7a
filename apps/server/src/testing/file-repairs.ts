import type { App } from '../platform/http/app-types';

/**
 * File `count` urgent repairs through POST /api/tickets, `inFlight` at a time. With the clock standing
 * still they are all created at the same instant, so their SLA timers fall due together (a burst of
 * calls nobody can take yet). Returns the ticket ids.
 */
export async function fileRepairs(
  app: App,
  token: string,
  input: { projectId: number; unitId: number; count: number; inFlight?: number },
): Promise<number[]> {
  const ids: number[] = [];
  let next = 0;
  const one = async (i: number) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        projectId: input.projectId,
        type: '报修',
        priority: '急',
        unitId: input.unitId,
        contactPhone: '13812345678',
        description: `楼道水管漏水 #${i}`,
      },
    });
    if (res.statusCode !== 201) throw new Error(`intake failed: ${res.statusCode} ${res.body}`);
    ids.push((res.json() as { id: number }).id);
  };
  await Promise.all(
    Array.from({ length: input.inFlight ?? 4 }, async () => {
      while (next < input.count) await one(next++);
    }),
  );
  return ids;
}

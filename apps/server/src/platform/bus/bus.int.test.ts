import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createScratchPostgres, testDbKind } from '../../testing/test-database';
import type { Bus, BusMessage } from './bus';
import { createMemoryBus } from './memory-bus';
import { createPostgresBus } from './postgres-bus';
import { createRedisBus } from './redis-bus';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
async function redisReachable(): Promise<boolean> {
  const probe = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}
// CI runs Redis beside PostgreSQL; the Redis bus is tested with the PostgreSQL suite there.
const withRedis = testDbKind() === 'postgres' && (await redisReachable());

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

/** Two nodes on one bus: what one publishes, the other receives. */
async function crossNode(nodeA: Bus, nodeB: Bus): Promise<BusMessage> {
  const received = new Promise<BusMessage>((resolve) => nodeB.subscribe(resolve));
  const message: BusMessage = {
    type: 'resident.updated',
    projectId: 7,
    entityType: 'resident',
    entityId: 42,
  };
  await nodeA.publish(message);
  return received;
}

describe('bus drivers', () => {
  it('memory delivers within the process', async () => {
    const bus = createMemoryBus();
    expect(await crossNode(bus, bus)).toMatchObject({ type: 'resident.updated', entityId: 42 });
  });

  it.runIf(testDbKind() === 'postgres')('postgres LISTEN/NOTIFY crosses nodes', async () => {
    const scratch = await createScratchPostgres();
    const [a, b] = await Promise.all([createPostgresBus(scratch.url), createPostgresBus(scratch.url)]);
    cleanup.push(async () => {
      await a.close();
      await b.close();
      await scratch.drop();
    });
    expect(await crossNode(a, b)).toEqual({
      type: 'resident.updated',
      projectId: 7,
      entityType: 'resident',
      entityId: 42,
    });
  });

  it.runIf(withRedis)('redis pub/sub crosses nodes', async () => {
    const [a, b] = await Promise.all([createRedisBus(redisUrl), createRedisBus(redisUrl)]);
    cleanup.push(async () => {
      await a.close();
      await b.close();
    });
    expect(await crossNode(a, b)).toMatchObject({ type: 'resident.updated', projectId: 7 });
  });
});

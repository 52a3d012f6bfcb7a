import type { Bus } from '../bus/bus';
import type { Database } from '../db/client';
import { TtlCache } from './ttl-cache';

/**
 * What is cached, and for how long at most when no write path announces a change (a row edited by
 * hand in psql, a lost bus message): sessions a few seconds, configuration a minute.
 */
export const CACHE_TTL_MS = {
  auth: 5_000,
  sla: 60_000,
  categories: 60_000,
  'dispatch-rules': 60_000,
  'kb-synonyms': 60_000,
} as const;
export type CacheTopic = keyof typeof CACHE_TTL_MS;

export const CACHE_INVALIDATE = 'cache.invalidate';

// Keyed by the Database object: a bench or a test file holding two databases in one process (both with
// a company 1 and a project 1) must never see the other's rows.
const registry = new WeakMap<Database, Map<CacheTopic, TtlCache<unknown>>>();

export function cacheOf<V>(database: Database, topic: CacheTopic): TtlCache<V> {
  let topics = registry.get(database);
  if (!topics) {
    topics = new Map();
    registry.set(database, topics);
  }
  let cache = topics.get(topic);
  if (!cache) {
    cache = new TtlCache<unknown>(CACHE_TTL_MS[topic]);
    topics.set(topic, cache);
  }
  return cache as TtlCache<V>;
}

function clearLocal(database: Database, topics: readonly CacheTopic[]): void {
  for (const topic of topics) registry.get(database)?.get(topic)?.clear();
}

/**
 * A write changed cached rows: clear this node's copies at once (the caller's next request must see
 * the change) and tell the other nodes over the bus. Call it after the write committed; a reader that
 * loaded the old rows meanwhile does not store them (TtlCache generations).
 */
export async function invalidate(
  services: { database: Database; bus: Bus },
  ...topics: CacheTopic[]
): Promise<void> {
  clearLocal(services.database, topics);
  await services.bus.publish({ type: CACHE_INVALIDATE, data: { topics } });
}

const listening = new WeakMap<Bus, WeakSet<Database>>();

/**
 * Clear what other nodes say changed. Our own message comes back too on a shared bus; clearing twice
 * costs one extra read. Idempotent per bus and database; buildApp and registerWorkers both call it.
 */
export function listenForInvalidation(services: { database: Database; bus: Bus }): void {
  const databases = listening.get(services.bus) ?? new WeakSet<Database>();
  listening.set(services.bus, databases);
  if (databases.has(services.database)) return;
  databases.add(services.database);
  services.bus.subscribe((message) => {
    if (message.type !== CACHE_INVALIDATE) return;
    const topics = (message.data?.topics as unknown[] | undefined) ?? [];
    clearLocal(
      services.database,
      topics.filter((t): t is CacheTopic => typeof t === 'string' && t in CACHE_TTL_MS),
    );
  });
}

/**
 * A small in-process cache for rows that are read on every request but written rarely (sessions,
 * settings, policies, the category tree). Entries expire after `ttlMs` of wall time — monotonic time,
 * not the domain Clock, because a test clock jumping days ahead must not change what is cached — and
 * `clear()` drops everything at once when a write path says the rows changed.
 *
 * A load that started before a clear() is not stored when it finishes: it may have read the rows as
 * they were before the write that caused the clear (see `generation`). Concurrent misses each load on
 * their own handle instead of sharing one promise: on the embedded engine a load outside a transaction
 * waits for that transaction, so a caller inside it must never wait on such a load.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  peek(key: string): V | undefined {
    const hit = this.entries.get(key);
    return hit && hit.expires > performance.now() ? hit.value : undefined;
  }

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > performance.now()) return hit.value;
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation) this.store(key, value);
    return value;
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  private store(key: string, value: V): void {
    // Bounded: when full, the oldest entry goes (Map keeps insertion order).
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, expires: performance.now() + this.ttlMs });
  }
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { TtlCache } from './ttl-cache';

afterEach(() => vi.useRealTimers());

describe('TtlCache', () => {
  it('serves a hit without loading and loads again after the TTL', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const cache = new TtlCache<number>(1_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('k', load)).toBe(1);
    expect(await cache.get('k', load)).toBe(1);
    vi.advanceTimersByTime(999);
    expect(await cache.get('k', load)).toBe(1);
    vi.advanceTimersByTime(2);
    expect(await cache.get('k', load)).toBe(2);
  });

  it('clear() drops every entry', async () => {
    const cache = new TtlCache<string>(60_000);
    await cache.get('a', async () => 'old a');
    await cache.get('b', async () => 'old b');
    cache.clear();
    expect(cache.size).toBe(0);
    expect(await cache.get('a', async () => 'new a')).toBe('new a');
  });

  it('does not store a value whose load started before a clear (it may predate the write)', async () => {
    const cache = new TtlCache<string>(60_000);
    let release: (v: string) => void = () => undefined;
    const slow = cache.get('k', () => new Promise<string>((r) => (release = r)));
    cache.clear(); // a write committed while the slow read was in flight
    release('read before the write');
    expect(await slow).toBe('read before the write');
    expect(cache.peek('k')).toBeUndefined();
    expect(await cache.get('k', async () => 'read after the write')).toBe('read after the write');
  });

  it('keeps at most maxEntries, dropping the oldest', async () => {
    const cache = new TtlCache<number>(60_000, 2);
    await cache.get('a', async () => 1);
    await cache.get('b', async () => 2);
    await cache.get('c', async () => 3);
    expect(cache.size).toBe(2);
    expect(cache.peek('a')).toBeUndefined();
    expect(cache.peek('c')).toBe(3);
  });
});

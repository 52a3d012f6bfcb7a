import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchOrEach, Coalescer } from './coalescer';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('Coalescer', () => {
  it('sends a lone item at once and batches what arrives while a batch is in flight', async () => {
    const batches: number[][] = [];
    const c = new Coalescer<number, number>(async (items) => {
      batches.push(items);
      await tick();
      return items.map((i) => ({ ok: true, value: i * 10 }));
    });
    const first = c.submit(1);
    const rest = [2, 3, 4].map((i) => c.submit(i));
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('with gather turns, an item that comes back right after its answer joins the next batch', async () => {
    for (const [gatherTurns, expected] of [
      [0, [[1], [2], [3]]],
      [3, [[1], [2, 3]]],
    ] as const) {
      const batches: number[][] = [];
      let late: Promise<number> | undefined;
      const c: Coalescer<number, number> = new Coalescer<number, number>(
        async (items) => {
          batches.push(items);
          // 2 arrives while the first batch is in flight.
          if (items.includes(1)) late = c.submit(2);
          await tick();
          return items.map((i) => ({ ok: true, value: i }));
        },
        { gatherTurns },
      );
      // 3 is the first caller's next item, sent as soon as it has its answer.
      await c.submit(1).then(() => c.submit(3));
      await late;
      expect(batches).toEqual(expected);
    }
  });

  it('gives an item its own failure, and a thrown batch to every item in it', async () => {
    let calls = 0;
    const c = new Coalescer<number, number>(async (items) => {
      calls += 1;
      if (calls === 2) throw new Error('batch down');
      return items.map((i) => (i % 2 ? { ok: true, value: i } : { ok: false, error: new Error(`bad ${i}`) }));
    });
    const a = c.submit(1);
    const b = c.submit(2);
    const d = c.submit(3);
    await expect(a).resolves.toBe(1);
    await expect(b).rejects.toThrow('batch down');
    await expect(d).rejects.toThrow('batch down');
    await expect(c.submit(4)).rejects.toThrow('bad 4');
    await expect(c.submit(5)).resolves.toBe(5);
  });

  it('property: every item gets its own answer, batches never overlap and respect the size limit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        async (gaps, max) => {
          let inFlight = 0;
          let overlapped = false;
          const sizes: number[] = [];
          const c = new Coalescer<number, string>(
            async (items) => {
              inFlight += 1;
              if (inFlight > 1) overlapped = true;
              sizes.push(items.length);
              await tick();
              inFlight -= 1;
              return items.map((i) => ({ ok: true, value: `v${i}` }));
            },
            { maxBatch: max },
          );
          const pending: Promise<string>[] = [];
          for (const [i, gap] of gaps.entries()) {
            pending.push(c.submit(i));
            for (let g = 0; g < gap; g++) await tick();
          }
          const answers = await Promise.all(pending);
          expect(answers).toEqual(gaps.map((_, i) => `v${i}`));
          expect(overlapped).toBe(false);
          expect(Math.max(...sizes)).toBeLessThanOrEqual(max);
          expect(sizes.reduce((a, b) => a + b, 0)).toBe(gaps.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('batchOrEach', () => {
  it('runs the batch together when it succeeds', async () => {
    const calls: number[][] = [];
    const out = await batchOrEach([1, 2, 3], async (items) => {
      calls.push(items);
      return items.map((i) => i + 1);
    });
    expect(out).toEqual([2, 3, 4].map((value) => ({ ok: true, value })));
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it('retries item by item when the batch fails, so only the bad item fails', async () => {
    const out = await batchOrEach([1, 2, 3], async (items) => {
      if (items.includes(2)) throw new Error('duplicate key');
      return items;
    });
    expect(out.map((o) => o.ok)).toEqual([true, false, true]);
    expect(out[0]).toEqual({ ok: true, value: 1 });
  });
});

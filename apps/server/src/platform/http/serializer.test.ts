import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { droppedKeys, responseSerializer } from './serializer';

const schema = z.object({ id: z.number(), items: z.array(z.object({ name: z.string() })) });
const route = { schema, method: 'GET', url: '/x', httpStatus: '200' } as const;

describe('response serializer', () => {
  it('names the keys a schema drops, nested and in arrays', () => {
    expect(droppedKeys({ a: 1, b: { c: [{ d: 1, e: 2 }] } }, { a: 1, b: { c: [{ d: 1 }] } })).toEqual([
      '.b.c[0].e',
    ]);
    expect(droppedKeys({ a: 1, u: undefined }, { a: 1 })).toEqual([]);
  });

  it('strict: a dropped key fails the answer; otherwise it is only left out', () => {
    const data = { id: 1, items: [{ name: 'a', extra: true }] };
    expect(() => responseSerializer({ strict: true })(route)(data)).toThrow(/drops \.items\[0\]\.extra/);
    expect(responseSerializer({ strict: false })(route)(data)).toBe('{"id":1,"items":[{"name":"a"}]}');
  });
});

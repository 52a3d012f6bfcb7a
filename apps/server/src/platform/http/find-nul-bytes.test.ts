import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNulBytes } from './find-nul-bytes';

const withoutProto = (entries: Record<string, unknown>) => Object.assign(Object.create(null), entries);

describe('findNulBytes', () => {
  it.each([
    ['a clean string', 'abc', []],
    ['a string holding NUL', 'a\u0000b', [[]]],
    ['a nested field', { a: { b: ['x', 'y\u0000'] } }, [['a', 'b', 1]]],
    ['an object key', { 'k\u0000': 'v' }, [['k\u0000']]],
    ['several fields', { a: '\u0000', b: 1, c: [null, '\u0000'] }, [['a'], ['c', 1]]],
    ['a query object without prototype', withoutProto({ q: '%\u0000' }), [['q']]],
    ['numbers, booleans and null', { n: 0, b: false, z: null }, []],
    ['a Date', new Date(0), []],
    ['a Buffer with a zero byte', Buffer.from([0]), []],
  ])('%s', (_, input, expected) => {
    expect(findNulBytes(input)).toEqual(expected);
  });

  it('reports at most 20 paths', () => {
    expect(findNulBytes(Array.from({ length: 50 }, () => '\u0000'))).toHaveLength(20);
  });

  it('finds a NUL wherever JSON can hold one, and nothing in JSON without one', () => {
    // The oracle: JSON.stringify visits every key and value once.
    const holdsNul = (value: unknown) => {
      let found = false;
      JSON.stringify(value, (key, v) => {
        if (key.includes('\u0000') || (typeof v === 'string' && v.includes('\u0000'))) found = true;
        return v;
      });
      return found;
    };
    const text = fc.string({ unit: fc.constantFrom('a', '\u0000', '中', '\\') });
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.integer(),
        fc.constant(null),
        fc.array(tie('value')),
        fc.dictionary(text, tie('value')),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        expect(findNulBytes(value).length > 0).toBe(holdsNul(value));
      }),
      { seed: 20261206 },
    );
  });
});

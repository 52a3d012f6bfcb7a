import { describe, expect, it } from 'vitest';
import { textArrayLiteral } from './bulk';

describe('textArrayLiteral', () => {
  it.each([
    [[], '{}'],
    [['独居老人'], '{"独居老人"}'],
    [['a,b', 'c d'], '{"a,b","c d"}'],
    [['say "hi"', 'back\\slash'], '{"say \\"hi\\"","back\\\\slash"}'],
    [['NULL'], '{"NULL"}'],
  ])('%j → %s', (items, literal) => {
    expect(textArrayLiteral(items)).toBe(literal);
  });
});

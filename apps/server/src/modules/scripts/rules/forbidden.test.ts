import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORBIDDEN_DEFAULT } from '../settings';
import { findForbiddenPhrases } from './forbidden';

const phrases = FORBIDDEN_DEFAULT;
const found = (text: string) => findForbiddenPhrases(text, phrases).map((f) => f.phrase);

describe('findForbiddenPhrases', () => {
  it.each([
    ['您好，请问有什么可以帮您？', []],
    ['这个我不知道', ['我不知道']],
    ['不知道，你等一会', ['不知道', '等一会']],
    ['这事跟我们没关系，我们不管', ['跟我们没关系', '我们不管']],
    ['喂，找谁？', ['喂', '找谁']],
    ['随便你，随便', ['随便']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('suggests what to say instead', () => {
    expect(findForbiddenPhrases('我不知道', phrases)[0]?.instead).toContain('尽快给您回复');
  });

  it('a text containing a phrase is always flagged, one without any never is', () => {
    const phrase = fc.constantFrom(...phrases.map((p) => p.phrase));
    const filler = fc.string({ maxLength: 8, unit: fc.constantFrom(...'您好请稍候谢谢来电物业维修') });
    fc.assert(
      fc.property(filler, phrase, filler, (a, p, b) => {
        const flags = findForbiddenPhrases(`${a}${p}${b}`, phrases);
        // Either the phrase itself or a longer one covering it is reported.
        expect(flags.some((f) => f.phrase.includes(p) || p.includes(f.phrase))).toBe(true);
      }),
    );
    fc.assert(
      fc.property(filler, (a) => {
        expect(findForbiddenPhrases(a, phrases)).toEqual([]);
      }),
    );
  });
});

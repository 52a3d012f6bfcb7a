import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultProjectAddress, normalizeAddress, projectForRecipients } from './address';

describe('normalizeAddress', () => {
  it.each<[string, string | null]>([
    ['kefu@jxhy.guanjia.local', 'kefu@jxhy.guanjia.local'],
    ['  KeFu@JXHY.Guanjia.Local ', 'kefu@jxhy.guanjia.local'],
    ['"张伟" <ZhangWei@Example.com>', 'zhangwei@example.com'],
    ['<a@b.cn>', 'a@b.cn'],
    ['not an address', null],
    ['a@b', null],
    ['', null],
    ['a b@c.cn', null],
  ])('%s → %s', (raw, expected) => expect(normalizeAddress(raw)).toBe(expected));

  it('is idempotent and lower-case', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (address) => {
        const once = normalizeAddress(address);
        if (once === null) return;
        expect(once).toBe(once.toLowerCase());
        expect(normalizeAddress(once)).toBe(once);
        expect(normalizeAddress(`"X" <${address.toUpperCase()}>`)).toBe(once);
      }),
    );
  });
});

describe('defaultProjectAddress', () => {
  it.each([
    ['JXHY', 'kefu@jxhy.guanjia.local'],
    ['A', 'kefu@a.guanjia.local'],
    ['Sky Tower_2', 'kefu@sky-tower-2.guanjia.local'],
    ['锦绣', 'kefu@project.guanjia.local'],
  ])('%s → %s', (code, expected) => expect(defaultProjectAddress(code)).toBe(expected));

  it('always gives an address normalizeAddress accepts unchanged', () => {
    fc.assert(
      fc.property(fc.string(), (code) => {
        const address = defaultProjectAddress(code);
        expect(normalizeAddress(address)).toBe(address);
      }),
    );
  });
});

describe('projectForRecipients', () => {
  const known = new Map([
    ['kefu@a.guanjia.local', 1],
    ['kefu@b.guanjia.local', 2],
  ]);
  it.each<[string[], number | null]>([
    [['kefu@a.guanjia.local'], 1],
    [['KEFU@B.guanjia.local'], 2],
    [['someone@else.cn', 'kefu@b.guanjia.local', 'kefu@a.guanjia.local'], 2],
    [['someone@else.cn'], null],
    [[], null],
  ])('%j → %s', (recipients, expected) =>
    expect(projectForRecipients(recipients, known)?.projectId ?? null).toBe(expected),
  );

  it('finds a known address wherever it stands among unknown ones', () => {
    fc.assert(
      fc.property(fc.array(fc.emailAddress()), fc.nat(), (others, at) => {
        const strangers = others.filter((o) => !known.has(o.toLowerCase()));
        const list = [...strangers];
        list.splice(at % (list.length + 1), 0, 'kefu@a.guanjia.local');
        expect(projectForRecipients(list, known)).toEqual({ projectId: 1, address: 'kefu@a.guanjia.local' });
        expect(projectForRecipients(strangers, known)).toBeNull();
      }),
    );
  });
});

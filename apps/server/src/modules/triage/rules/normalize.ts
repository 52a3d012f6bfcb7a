/**
 * Text normalisation before any feature is taken: full-width forms to half-width, Latin lower-cased,
 * every digit run to one placeholder (room numbers and times say nothing about the problem), and the
 * dialect/typo spellings residents really use mapped to the standard word so 木有 and 没有 count alike.
 */
const VARIANTS: readonly (readonly [RegExp, string])[] = [
  [/木有|冒得|没得/g, '没有'],
  [/然气/g, '燃气'],
  [/电提/g, '电梯'],
  [/马通/g, '马桶'],
  [/下水到/g, '下水道'],
  [/咋个|咋/g, '怎么'],
  [/啥子|啥/g, '什么'],
  [/莫得/g, '没有'],
];

export function normalizeText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    // Full-width ASCII (！ to ～) and the ideographic space.
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  out = out.toLowerCase();
  for (const [re, to] of VARIANTS) out = out.replace(re, to);
  return out;
}

const CHINESE_DIGITS = /[0-9零一二三四五六七八九十百]+(?=[号栋幢楼层单室户])/g;

/** Digits (and Chinese numerals before 号/栋/楼…) to "#": "5号楼" and "十二栋" read the same. */
export function maskNumbers(text: string): string {
  return text.replace(CHINESE_DIGITS, '#').replace(/[0-9]+/g, '#');
}

/** Clauses split at punctuation and spaces: negation never reaches across a comma. */
export function clauses(text: string): string[] {
  return text
    .split(/[,，.。!！?？;；、\s~～…]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export const isHan = (ch: string) => /\p{Script=Han}/u.test(ch);

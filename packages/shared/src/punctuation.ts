/**
 * Chinese text takes full-width punctuation: `物业公司:{{name}}` → `物业公司：{{name}}`,
 * `(可选,如房产证)` → `（可选，如房产证）`. A half-width mark is changed only where it touches Chinese
 * (ignoring spaces), so times (`08:35`), numbers (`1,000`), placeholders (`{{name}}`), URLs and English
 * phrases inside a Chinese sentence stay as they are. Spaces beside a changed mark are dropped: a
 * full-width mark carries its own space.
 */
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
const FULL: Record<string, string> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '!': '！',
  '?': '？',
  '(': '（',
  ')': '）',
};

const isCjk = (ch: string | undefined) => ch !== undefined && CJK.test(ch);

/** Index of the nearest character before `i` (or after, step 1) that is not a space, or -1. */
function near(chars: string[], i: number, step: -1 | 1): number {
  for (let j = i + step; j >= 0 && j < chars.length; j += step) if (chars[j] !== ' ') return j;
  return -1;
}

const neighbour = (chars: string[], i: number, step: -1 | 1): string | undefined =>
  chars[near(chars, i, step)];

export function toFullWidthPunctuation(text: string): string {
  if (!CJK.test(text)) return text;
  // A changed mark can make its neighbour touch Chinese (,,物): repeat until nothing changes.
  let current = text;
  for (;;) {
    const next = onePass(current);
    if (next === current) return next;
    current = next;
  }
}

function onePass(text: string): string {
  const chars = [...text];
  const converted = new Set<number>();
  const open: number[] = [];
  // Brackets first: a pair whose inside or outside touches Chinese becomes full width.
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '(') open.push(i);
    else if (chars[i] === ')' && open.length) {
      const start = open.pop() as number;
      const inside = chars.slice(start + 1, i).join('');
      if (CJK.test(inside) || isCjk(neighbour(chars, start, -1)) || isCjk(neighbour(chars, i, 1))) {
        converted.add(start);
        converted.add(i);
      }
    }
  }
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === '(' || ch === ')' || !(ch in FULL)) continue;
    const b = near(chars, i, -1);
    // A mark right after one already made full width reads as Chinese too (物,, → 物，，).
    const before = converted.has(b) ? '，' : chars[b];
    const after = neighbour(chars, i, 1);
    // 08:35, 1,000 and 3:1 stay: digits on both sides are a number, not a sentence.
    if (/\d/.test(before ?? '') && /\d/.test(after ?? '')) continue;
    if (isCjk(before) || isCjk(after)) converted.add(i);
  }
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch === ' ' && (converted.has(i - 1) || converted.has(i + 1) || nextIsConverted(chars, i, converted)))
      continue;
    out += converted.has(i) ? (FULL[ch] as string) : ch;
  }
  return out;
}

/** A run of spaces that ends or starts at a converted mark is dropped whole. */
function nextIsConverted(chars: string[], i: number, converted: Set<number>): boolean {
  let j = i;
  while (chars[j] === ' ') j++;
  if (converted.has(j)) return true;
  j = i;
  while (chars[j] === ' ') j--;
  return converted.has(j);
}

/** A whole message tree (i18n resources) with every string's punctuation fixed. */
export function fullWidthTree<T>(tree: T): T {
  if (typeof tree === 'string') return toFullWidthPunctuation(tree) as T;
  if (Array.isArray(tree)) return tree.map(fullWidthTree) as T;
  if (tree && typeof tree === 'object')
    return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, fullWidthTree(v)])) as T;
  return tree;
}

/** A translation of a string tree T: the same keys, any strings (T's are literal Chinese). */
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

type Tree = { [key: string]: unknown };

const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Two string trees merged key by key, as i18next merges a bundle into loaded resources. A string in
 * both is a key with two owners, which would make one of the two translations dead: it throws, so the
 * i18n tests fail at import.
 */
export function mergeStrings<A extends object, B extends object>(a: A, b: B): A & B {
  const out: Tree = { ...(a as Tree) };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    if (mine === undefined) out[key] = value;
    else if (isTree(mine) && isTree(value)) out[key] = mergeStrings(mine, value);
    else throw new Error(`i18n: "${key}" is defined twice`);
  }
  return out as A & B;
}

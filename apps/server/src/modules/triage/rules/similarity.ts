/**
 * Near-duplicate detection for repeat issues: MinHash signatures over a text's feature set estimate
 * the Jaccard similarity of two texts in constant time, and a union-find over pairs above the
 * threshold groups them. Tickets in one building and window are few (tens), so all pairs are compared;
 * the signatures keep that cheap and comparable across nodes (seeds are fixed).
 */
export const MINHASH_SIZE = 64;

function hash32(s: string, seed: number): number {
  // FNV-1a with a seed mixed in, then a murmur finaliser for avalanche.
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

const SEEDS = Array.from({ length: MINHASH_SIZE }, (_, i) => hash32(`seed${i}`, i * 7919));

export function minhash(shingles: Iterable<string>): Uint32Array {
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (const s of shingles) {
    const base = hash32(s, 0);
    for (let i = 0; i < MINHASH_SIZE; i++) {
      // Permutation i as an xor-multiply of the base hash: one string hash per shingle, not 64.
      const v = Math.imul(base ^ (SEEDS[i] as number), 0x9e3779b1) >>> 0;
      if (v < (sig[i] as number)) sig[i] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity: the share of equal signature slots. Two empty texts are unrelated. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  let empty = true;
  for (let i = 0; i < MINHASH_SIZE; i++) {
    if (a[i] !== 0xffffffff || b[i] !== 0xffffffff) empty = false;
    if (a[i] === b[i]) same++;
  }
  return empty ? 0 : same / MINHASH_SIZE;
}

/** Groups (indices into `sigs`) of items linked by similarity ≥ threshold, largest first. */
export function cluster(sigs: readonly Uint32Array[], threshold: number): number[][] {
  return clusterBy(
    sigs.length,
    (i, j) => similarity(sigs[i] as Uint32Array, sigs[j] as Uint32Array) >= threshold,
  );
}

/** Union-find over all pairs of `n` items that `linked` joins: groups of indices, largest first. */
export function clusterBy(n: number, linked: (i: number, j: number) => boolean): number[][] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[i] !== r) {
      const next = parent[i] as number;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (linked(i, j)) parent[find(i)] = find(j);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  }
  return [...groups.values()].sort((a, b) => b.length - a.length || (a[0] ?? 0) - (b[0] ?? 0));
}

export interface TextSignature {
  sig: Uint32Array;
  /** How many distinct shingles the text had. */
  size: number;
}

export const signature = (shingles: readonly string[]): TextSignature => ({
  sig: minhash(shingles),
  size: new Set(shingles).size,
});

/**
 * Overlap coefficient |A∩B| / min(|A|, |B|), with the intersection estimated from MinHash's Jaccard:
 * residents' reports are short and of very different lengths ("电梯有异响" beside a paragraph about the
 * same noise), where Jaccard alone stays low for the same problem.
 */
export function overlap(a: TextSignature, b: TextSignature): number {
  const small = Math.min(a.size, b.size);
  if (!small) return 0;
  const j = similarity(a.sig, b.sig);
  const inter = (j * (a.size + b.size)) / (1 + j);
  return Math.min(1, inter / small);
}
